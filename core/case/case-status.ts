// A case's states and the only moves between them. Who may make a move and when is decided
// here; the server's transitionCase applies a move, records it and audits it.

export const CASE_STATUSES = ['draft', 'submitted', 'withdrawn', 'returned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type CaseActorKind = 'unit' | 'organizer' | 'superior';

interface Move {
  from: readonly CaseStatus[];
  /** null keeps the status (an event on the record that changes no state). */
  to: CaseStatus | null;
  by: CaseActorKind;
}

export const CASE_MOVES = {
  create: { from: [], to: 'draft', by: 'unit' },
  submit: { from: ['draft', 'submitted', 'withdrawn', 'returned'], to: 'submitted', by: 'unit' },
  withdraw: { from: ['submitted'], to: 'withdrawn', by: 'unit' },
  return: { from: ['submitted'], to: 'returned', by: 'organizer' },
  request_review: { from: ['draft', 'submitted', 'withdrawn', 'returned'], to: null, by: 'unit' },
  recommend: { from: ['draft', 'submitted', 'withdrawn', 'returned'], to: null, by: 'superior' },
  decline: { from: ['draft', 'submitted', 'withdrawn', 'returned'], to: null, by: 'superior' },
  // Organizers fold a duplicate unit into another; its cases go with it, in any state.
  unit_merged: { from: ['draft', 'submitted', 'withdrawn', 'returned'], to: null, by: 'organizer' },
  // Screening (初审) of the submitted version: the outcome is cases.screening; the status stays.
  screen_pass: { from: ['submitted'], to: null, by: 'organizer' },
  screen_reject: { from: ['submitted'], to: null, by: 'organizer' },
  screen_reverse: { from: ['submitted'], to: null, by: 'organizer' },
} as const satisfies Record<string, Move>;

export type CaseMove = keyof typeof CASE_MOVES;

/** The status after `move`, or null when the move is not allowed from `status` by `by`. */
export function nextStatus(status: CaseStatus | null, move: CaseMove, by: CaseActorKind): CaseStatus | null {
  const rule: Move = CASE_MOVES[move];
  if (rule.by !== by) return null;
  if (status === null) return move === 'create' ? 'draft' : null;
  if (!rule.from.includes(status)) return null;
  return rule.to ?? status;
}

export interface EditWindow {
  status: CaseStatus;
  now: Date;
  /** The unit's effective deadline (campaign close or a later extension). */
  deadline: Date;
  opensAt: Date;
  /** Set when organizers returned the case for correction. */
  returnDueAt: Date | null;
}

export type WindowState = 'not_open' | 'open' | 'closed';

/**
 * Whether the unit may still change and submit the case. Until the deadline it may, in any
 * state; after it, only a case returned for correction, until the date the organizers set. A
 * return date before the deadline never closes the case earlier than every other unit's.
 */
export function submissionWindow({ status, now, deadline, opensAt, returnDueAt }: EditWindow): WindowState {
  if (status === 'returned' && returnDueAt && returnDueAt > deadline) return now <= returnDueAt ? 'open' : 'closed';
  if (now < opensAt) return 'not_open';
  return now <= deadline ? 'open' : 'closed';
}

/** Drafting may start before the window opens; only submitting waits for it. */
export function canEdit(window: EditWindow): boolean {
  return submissionWindow(window) !== 'closed';
}

/** Withdrawal is the unit's choice until the deadline, never after it. */
export function canWithdraw({ status, now, deadline }: EditWindow): boolean {
  return status === 'submitted' && now <= deadline;
}
