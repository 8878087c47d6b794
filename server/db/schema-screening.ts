// Row types of screening (migration 018): decisions and format reports. Conventions as in schema.ts.

export type ScreeningDecisionKind = 'passed' | 'rejected' | 'returned' | 'reversed';

/** One screening decision on one submitted version, or the reversal of one. */
export interface ScreeningDecisionsTable {
  id: string;
  campaign_id: string;
  case_id: string;
  submission_id: string;
  seq: number;
  /** 1, 2, 3… per case, in decision order. */
  ordinal: number;
  decision: ScreeningDecisionKind;
  reason: string | null;
  due_at: string | null;
  reverses_id: string | null;
  definition_version: number;
  actor_id: string;
  actor_label: string;
  decided_at: string;
}

/** The preflight of a submitted version as organizers screen it, under one campaign definition. */
export interface ScreeningReportsTable {
  submission_id: string;
  case_id: string;
  campaign_id: string;
  category: string;
  /** SHA-256 of the canonical content without the declaration (what a recommendation binds to). */
  content_sha256: string;
  /** JSON: Problem[] (core/case/preflight.ts), without the recommendation, which is read live. */
  problems: string;
  problem_count: number;
  definition_version: number;
  checked_at: string;
}
