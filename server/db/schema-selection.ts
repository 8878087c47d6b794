// Row types of the selection (migration 026). Conventions as in schema.ts.

/** A campaign's last suggested selection and what it was computed from. */
export interface SelectionSuggestionsTable {
  campaign_id: string;
  /** JSON: SelectionCandidate[] (core/review/selection.ts), normalized scores at the time. */
  candidates: string;
  /** JSON: SelectionQuotas of the campaign at the time. */
  quotas: string;
  /** JSON: SelectionEntry[] suggested. */
  entries: string;
  /** JSON: BindingQuota[] (server/review/selection-lp.ts). */
  binding: string;
  computed_by: string;
  computed_at: string;
  accepted_by: string | null;
  accepted_at: string | null;
}

export type SelectionDecisionTier = 'best' | 'excellent' | 'none';

/** The organizers' decision on one case: taken from the suggestion, or changed with a reason. */
export interface SelectionDecisionsTable {
  campaign_id: string;
  case_id: string;
  tier: SelectionDecisionTier;
  source: 'suggested' | 'changed';
  reason: string | null;
  decided_by: string;
  decided_at: string;
}
