/**
 * A `next` address worth following after sign-up, verification or sign-in: a path inside the
 * workbench on this site. Anything else (another origin, `//host`, a backslash, a scheme) is
 * dropped rather than repaired, so a crafted link can never send people away.
 */
export function safeNext(next: string | null | undefined): string | null {
  return next && /^\/app(\/[\w\-/?=&%.]*)?$/.test(next) ? next : null;
}
