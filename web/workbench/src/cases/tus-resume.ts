import type * as tus from 'tus-js-client';

// What the case attachments and an objection's evidence share about resuming tus uploads: the
// fingerprint an upload's URL is remembered under (in localStorage), continuing a remembered
// upload, and forgetting one the server refused, so choosing the same file again starts afresh
// instead of resuming into the same refusal.

export const fingerprintOf = (owner: string, kind: string, file: File) =>
  ['zhengji', owner, kind, file.name, file.type, file.size, file.lastModified].join(':');

/** Whether a failed request is worth trying again: no answer, a server error, or one of `retryable`. */
export function isNetworkTrouble(error: tus.DetailedError, retryable: readonly number[]): boolean {
  const code = error.originalResponse?.getStatus() ?? 0;
  return code === 0 || code >= 500 || retryable.includes(code);
}

/** Continues the upload remembered for this file, if any; else starts a new one. Answers whether it resumed. */
export async function resumeOrStart(upload: tus.Upload): Promise<boolean> {
  const [previous] = await upload.findPreviousUploads();
  if (previous) upload.resumeFromPreviousUpload(previous);
  upload.start();
  return previous !== undefined;
}

/**
 * After a refusal (a 4xx answer) the remembered URL is of no use: terminating removes it here and
 * the bytes on the server. Network trouble keeps it, so the upload resumes after a reload.
 */
export function forgetIfRefused(upload: tus.Upload, error: Error): void {
  const code = (error as tus.DetailedError).originalResponse?.getStatus() ?? 0;
  if (code >= 400 && code < 500) void upload.abort(true).catch(() => undefined);
}
