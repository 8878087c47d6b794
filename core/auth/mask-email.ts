/**
 * An address shown to someone it may not belong to (an invitation opened by another account):
 * the first character of the name and the whole domain, enough for its owner to recognise.
 */
export function maskEmail(email: string): string {
  const address = email.trim();
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${[...address.slice(0, at)][0]}***${address.slice(at)}`;
}
