import { ApiError } from '../api.ts';
import type { Locale } from '../../../../core/i18n/locale.ts';
import type { ReceiptAttachment } from './cases-api.ts';

// The attachment endpoints the panel calls besides tus: the list, removal, and the CSRF token
// tus-js-client sends with its own requests.

/** What a receipt names of a file, plus its picture size and where to fetch it. */
export interface Attachment extends ReceiptAttachment {
  width: number | null;
  height: number | null;
  fileUrl: string;
  thumbnailUrl: string | null;
  createdAt: string;
}

export const attachmentsKey = (caseId: string) => ['case', caseId, 'attachments'] as const;

/** A CSRF token for requests made outside api.ts (tus-js-client's); the same cookie secret backs both. */
export async function csrfToken(): Promise<string> {
  const response = await fetch('/api/v1/auth/csrf', { credentials: 'same-origin' });
  return ((await response.json()) as { token: string }).token;
}

async function errorOf(response: Response): Promise<ApiError> {
  const json = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown }; requestId?: string } | null;
  return new ApiError(response.status, json?.error?.code ?? 'internal', json?.error?.message ?? response.statusText, json?.error?.details, json?.requestId);
}

export async function removeAttachment(id: string, locale: Locale): Promise<void> {
  const response = await fetch(`/api/v1/attachments/${id}`, {
    method: 'DELETE', credentials: 'same-origin', headers: { 'x-csrf-token': await csrfToken(), 'accept-language': locale },
  });
  if (!response.ok) throw await errorOf(response);
}

/** How far an unfinished upload came (tus HEAD), or undefined when the server no longer has it. */
export async function uploadProgress(uploadUrl: string): Promise<{ offset: number; length: number } | undefined> {
  const response = await fetch(uploadUrl, { method: 'HEAD', credentials: 'same-origin', headers: { 'tus-resumable': '1.0.0' } });
  if (!response.ok) return undefined;
  return { offset: Number(response.headers.get('upload-offset')), length: Number(response.headers.get('upload-length')) };
}

/** The server's already-localized message in a tus error (its JSON body), else the error's own. */
export function tusErrorMessage(error: Error & { originalResponse?: { getBody(): string } | null }): string {
  try {
    const body = JSON.parse(error.originalResponse?.getBody() ?? '') as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: a network failure, described by the error itself.
  }
  return error.message;
}
