/** A problem that stops the start and that an operator can fix; printed without a stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}
