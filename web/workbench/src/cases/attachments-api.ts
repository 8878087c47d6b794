import type { attachmentsResponse } from '../../../../core/api/attachments.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';

// The attachment endpoints the panel calls besides tus: the list, removal, and the CSRF token
// tus-js-client sends with its own requests.

export type { Attachment } from '../api-types.ts';

export const attachmentsKey = (caseId: string) => ['case', caseId, 'attachments'] as const;

export const attachmentsApi = {
  /** The case's working copy's files, oldest first. */
  list: async (caseId: string) => (await api.get<Answer<typeof attachmentsResponse>>(`/api/v1/cases/${encodeURIComponent(caseId)}/attachments`)).data,
  remove: async (id: string) => {
    await api.delete(`/api/v1/attachments/${encodeURIComponent(id)}`);
  },
};

/** A CSRF token for requests made outside api.ts (tus-js-client's); the same cookie secret backs both. */
export const csrfToken = api.csrfToken;

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
