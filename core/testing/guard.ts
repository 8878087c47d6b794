/**
 * The time limit of a test that guards against a hang or a blow-up (a zip bomb, a regular
 * expression that backtracks, a transaction that never ends). The bad behaviour it guards against
 * takes minutes or forever, so the limit is generous: a test never measures speed (bench/ does),
 * and a loaded CI machine running Chromium beside it must not fail it.
 */
export const GUARD_MS = 15_000;
