// Screening (初审) decisions on a case's current submitted version, as pure rules: which state a
// case is in, which decision may be taken from it, and whether what an organizer saw when choosing
// a selection still holds when the decision arrives.

export const SCREENING_STATES = ['pending', 'passed', 'rejected', 'returned'] as const;
export type ScreeningState = (typeof SCREENING_STATES)[number];

export const SCREENING_DECISIONS = ['pass', 'reject', 'return'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

/** The state a queue row shows: a case returned for correction is 'returned' whatever its stored outcome. */
export function screeningState(status: string, screening: 'pending' | 'passed' | 'rejected'): ScreeningState {
  return status === 'returned' ? 'returned' : screening;
}

export type DecisionRefusal =
  /** The case is not waiting for a decision (already decided, or returned to its unit). */
  | 'not_pending'
  /** Reject and return need a reason the unit can act on. */
  | 'reason_required'
  /** Return needs the date by which to resubmit, after now. */
  | 'due_date_invalid'
  /** Only a pass or a rejection can be reversed; a return ends when the unit resubmits. */
  | 'not_reversible';

export interface DecisionInput {
  decision: ScreeningDecision;
  state: ScreeningState;
  reason: string | null;
  dueAt: Date | null;
  now: Date;
}

/** Why the decision may not be taken, or null when it may. */
export function decisionRefusal({ decision, state, reason, dueAt, now }: DecisionInput): DecisionRefusal | null {
  if (state !== 'pending') return 'not_pending';
  if (decision !== 'pass' && !(reason ?? '').trim()) return 'reason_required';
  if (decision === 'return' && !(dueAt && dueAt > now)) return 'due_date_invalid';
  return null;
}

/** Why the outcome may not be reversed (back to pending), or null when it may. */
export function reversalRefusal(state: ScreeningState, reason: string | null): DecisionRefusal | null {
  if (state !== 'passed' && state !== 'rejected') return 'not_reversible';
  if (!(reason ?? '').trim()) return 'reason_required';
  return null;
}

/** What the organizer's page showed for one case when the selection was made. */
export interface SeenCase {
  caseId: string;
  submissionId: string;
  state: ScreeningState;
}

/**
 * The cases of a selection that changed since they were seen: a newer submission, another
 * decision, or gone from the queue (absent from `current`). A bulk decision goes ahead only when
 * this is empty, so nobody decides on a case they did not see as it is.
 */
export function changedSince(seen: readonly SeenCase[], current: ReadonlyMap<string, { submissionId: string; state: ScreeningState }>): string[] {
  return seen
    .filter((s) => {
      const now = current.get(s.caseId);
      return !now || now.submissionId !== s.submissionId || now.state !== s.state;
    })
    .map((s) => s.caseId);
}
