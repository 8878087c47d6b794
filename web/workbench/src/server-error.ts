import { ApiError } from './api.ts';

/**
 * Hands the server's problems with `fields` to `place`, one per field; returns the message to
 * show above the form when the error is not only about those fields. No form library here: the
 * sign-in page uses it before Ant Design and react-hook-form are loaded.
 */
export function placeServerError<F extends string>(error: unknown, fields: readonly F[], place: (field: F, message: string) => void): string | null {
  if (!(error instanceof ApiError)) return String(error);
  const placed = error.fieldProblems.filter((p): p is typeof p & { field: F } => (fields as readonly string[]).includes(p.field));
  for (const p of placed) place(p.field, p.message);
  return placed.length > 0 && placed.length === error.fieldProblems.length ? null : error.message;
}
