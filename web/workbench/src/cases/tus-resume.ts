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

/** Answers that say nothing against the file: signed out, forbidden for now, busy, too many requests. */
const NOT_ABOUT_THE_FILE = [401, 403, 408, 409, 423, 429];

/**
 * After a refusal of the upload itself (another 4xx answer) its remembered URL is of no use: it is
 * forgotten here whatever the server answers to terminating it (often 404: the server dropped it
 * already), and the bytes on the server are removed where they remain. Network trouble, or a
 * refusal a new sign-in may lift, keeps it, so the upload resumes after a reload.
 */
export function forgetIfRefused(upload: tus.Upload, error: Error): void {
  const code = (error as tus.DetailedError).originalResponse?.getStatus() ?? 0;
  if (code < 400 || code >= 500 || NOT_ABOUT_THE_FILE.includes(code)) return;
  void upload.abort(true).catch(() => undefined);
  const storage = upload.options.urlStorage;
  void upload.findPreviousUploads()
    .then((remembered) => Promise.all(remembered.map((p) => (p.urlStorageKey ? storage?.removeUpload(p.urlStorageKey) : undefined))))
    .catch(() => undefined);
}
