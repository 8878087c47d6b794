import type { ReviewDraft } from './reviews-api.ts';

// A copy of the score form kept on the device as it is filled in, so that a phone that drops the
// tab or the connection loses nothing: it is offered back while it was made on the version the
// server still holds, and forgotten once a save or submit succeeds.

const key = (assignmentId: string) => `zhengji.review-draft.${assignmentId}`;

/** The copy made on `version`, when there is one and it differs from `saved`. */
export function readLocalDraft(assignmentId: string, version: number, saved: ReviewDraft): ReviewDraft | null {
  try {
    const raw = window.localStorage.getItem(key(assignmentId));
    if (!raw) return null;
    const copy = JSON.parse(raw) as ReviewDraft;
    if (copy.version !== version || JSON.stringify(copy) === JSON.stringify(saved)) return null;
    return { version, scores: copy.scores ?? {}, comment: typeof copy.comment === 'string' ? copy.comment : '', tier: copy.tier ?? null };
  } catch {
    return null;
  }
}

export function writeLocalDraft(assignmentId: string, draft: ReviewDraft): void {
  try {
    window.localStorage.setItem(key(assignmentId), JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the form still holds the scores.
  }
}

export function forgetLocalDraft(assignmentId: string): void {
  try {
    window.localStorage.removeItem(key(assignmentId));
  } catch {
    // As above.
  }
}
