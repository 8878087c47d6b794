// A campaign moves through its phases in order: collection (units submit), screening (初审),
// review (experts score), selection (tiers within quotas), notice (公示), final (published).
// Which actions are open is decided by the phase alone; the window still bounds submitting
// inside collection. Organizers move one step forward, or one step back with a reason.

export const CAMPAIGN_PHASES = ['collection', 'screening', 'review', 'selection', 'notice', 'final'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export const PHASE_ACTIONS = {
  create_case: ['collection'],
  submit: ['collection'],
  // A case returned for correction may come back while screening goes on.
  resubmit: ['collection', 'screening'],
  withdraw: ['collection'],
  // Once screening starts, the collection is over for everyone: no deadline moves any more.
  extend_deadline: ['collection'],
  // A return for correction is a screening decision, also open while cases still come in.
  return: ['collection', 'screening'],
  screen: ['screening'],
  assign_reviewers: ['screening', 'review'],
  score: ['review'],
  select: ['selection'],
  publish_notice: ['notice'],
  // A visitor objects to the published shortlist, organizers answer, then finalize.
  object: ['notice'],
  resolve_objection: ['notice'],
  finalize: ['notice'],
  publish: ['final'],
} as const satisfies Record<string, readonly CampaignPhase[]>;

export type PhaseAction = keyof typeof PHASE_ACTIONS;

/** Whether `action` is open while the campaign is in `phase`. */
export function isActionOpen(phase: CampaignPhase, action: PhaseAction): boolean {
  return (PHASE_ACTIONS[action] as readonly CampaignPhase[]).includes(phase);
}

/** From review on, scores, assignments and decisions rest on the definition: it may not change. */
export function isDefinitionFrozen(phase: CampaignPhase): boolean {
  return CAMPAIGN_PHASES.indexOf(phase) >= CAMPAIGN_PHASES.indexOf('review');
}

export function isCampaignPhase(value: string): value is CampaignPhase {
  return (CAMPAIGN_PHASES as readonly string[]).includes(value);
}

export type PhaseMoveRefusal =
  /** `to` is neither the next phase nor the one before. */
  | 'not_adjacent'
  /** Going back needs a reason. */
  | 'reason_required'
  /** Screening starts only once no unit may submit any more. */
  | 'collection_open'
  /** Review starts only once no returned case may come back corrected. */
  | 'corrections_open'
  /** The final phase comes only by finalizing the notice, which checks its end and its objections. */
  | 'finalize_required'
  /** Final results stand: certificates carry them. */
  | 'results_final'
  /** The shortlist went out to the public as it stood: changing it means a new notice, not a step back. */
  | 'notice_published';

export interface PhaseMove {
  from: CampaignPhase;
  to: CampaignPhase;
  reason: string | null;
  /** Whether some unit may still submit now (the window or an extension is open). */
  collectionOpen: boolean;
  /** Whether a returned case may still be resubmitted now (its correction date is ahead). */
  correctionsOpen: boolean;
  /** Whether the campaign's notice has been published. */
  noticePublished?: boolean;
}

/** Why the move may not happen, or null when it may. */
export function phaseMoveRefusal({ from, to, reason, collectionOpen, correctionsOpen, noticePublished = false }: PhaseMove): PhaseMoveRefusal | null {
  const step = CAMPAIGN_PHASES.indexOf(to) - CAMPAIGN_PHASES.indexOf(from);
  if (step !== 1 && step !== -1) return 'not_adjacent';
  if (step === -1 && !(reason ?? '').trim()) return 'reason_required';
  if (from === 'collection' && collectionOpen) return 'collection_open';
  if (from === 'screening' && step === 1 && correctionsOpen) return 'corrections_open';
  if (to === 'final') return 'finalize_required';
  if (from === 'final') return 'results_final';
  if (from === 'notice' && noticePublished) return 'notice_published';
  return null;
}
