import type { Generated } from 'kysely';

// Row types of expert review (migration 016): assignment runs, assignments and reviews.
// Conventions as in schema.ts.

export type AssignmentState = 'proposed' | 'released' | 'handed_back' | 'removed';
export type ReviewTier = 'best' | 'excellent' | 'neither';

/** One solve of the assignment problem for a campaign. */
export interface AssignmentRunsTable {
  id: string;
  campaign_id: string;
  status: 'running' | 'done' | 'failed';
  definition_version: number;
  /** JSON: the solver's last progress message. */
  progress: Generated<string>;
  /** JSON: the figures and diagnosis of a finished run. */
  result: string | null;
  error: string | null;
  started_by: string;
  started_at: string;
  finished_at: string | null;
}

/** One case, as one submitted version, given to one pool reviewer. */
export interface ReviewAssignmentsTable {
  id: string;
  campaign_id: string;
  case_id: string;
  /** campaign_reviewers.id */
  reviewer_id: string;
  submission_id: string;
  definition_version: number;
  state: AssignmentState;
  source: 'solver' | 'manual';
  run_id: string | null;
  created_by: string;
  created_at: string;
  released_at: string | null;
  released_by: string | null;
  ended_at: string | null;
  ended_by: string | null;
  end_reason: string | null;
}

/** A reviewer's scores for one assignment. */
export interface ReviewsTable {
  id: string;
  assignment_id: string;
  campaign_id: string;
  case_id: string;
  reviewer_id: string;
  submission_id: string;
  definition_version: number;
  /** JSON: criterion key → score. */
  scores: Generated<string>;
  comment: Generated<string>;
  tier: ReviewTier | null;
  status: 'draft' | 'submitted';
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

/** A case's MinHash signature, for its current submitted version. */
export interface CaseSignaturesTable {
  case_id: string;
  campaign_id: string;
  submission_id: string;
  /** core/similarity/signature-codec.ts */
  signature: string;
  shingles: number;
  computed_at: string;
}

/** A case of an earlier campaign, imported from a file to be compared with. */
export interface ReferenceCasesTable {
  id: string;
  /** The campaign whose organizers imported it (migration 019); null only in rows older than it. */
  campaign_id: string | null;
  /** The earlier campaign (edition) as the import file names it. */
  source: string;
  title: string;
  unit_name: Generated<string>;
  text: string;
  signature: string;
  shingles: number;
  text_sha256: string;
  imported_by: string;
  imported_at: string;
}

/** A near-duplicate found for a case's submitted version: another case of its campaign or a reference case. */
export interface SimilarityMatchesTable {
  id: string;
  campaign_id: string;
  case_id: string;
  submission_id: string;
  other_case_id: string | null;
  reference_id: string | null;
  estimated: number;
  exact: number;
  computed_at: string;
}

/** A reminder mailed to a pool reviewer so many days before the review due date (migration 021). */
export interface ReviewRemindersTable {
  campaign_id: string;
  reviewer_id: string;
  days_before: number;
  mail_id: string;
  sent_at: string;
}
