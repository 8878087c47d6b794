import type { Generated } from 'kysely';
import type {
  AttachmentsTable, BlobsTable, CaseContentsTable, CaseEventsTable, CaseSubmissionsTable, CasesTable, DeadlineExtensionsTable, UploadPiecesTable, UploadsTable,
} from './schema-cases.ts';
import type {
  AssignmentRunsTable, CaseSignaturesTable, ReferenceCasesTable, ReviewAssignmentsTable, ReviewRemindersTable, ReviewsTable, SimilarityMatchesTable,
} from './schema-review.ts';
import type { ScreeningDecisionsTable, ScreeningReportsTable } from './schema-screening.ts';
import type { FinalResultsTable, NoticesTable, ObjectionFilesTable, ObjectionsTable } from './schema-notice.ts';
import type { SelectionDecisionsTable, SelectionSuggestionsTable } from './schema-selection.ts';
import type { SearchDocumentsTable, SearchTextsTable } from './schema-search.ts';
import type { PublishedCasesTable } from './schema-publishing.ts';
import type { ImportedCasesTable } from './schema-library-import.ts';

export type * from './schema-cases.ts';
export type * from './schema-review.ts';
export type * from './schema-screening.ts';

// Row types as both engines store them. Timestamps are ISO-8601 UTC text
// ("2024-06-30T15:59:59.000Z") on both; see docs/decisions/0003-portable-data.md.

export type CampaignPhase = 'collection' | 'screening' | 'review' | 'selection' | 'notice' | 'final';

export interface CampaignsTable {
  id: string;
  slug: string;
  edition: number;
  definition: string;
  content_hash: string;
  source_file: string;
  time_zone: string;
  opens_at: string;
  closes_at: string;
  created_at: string;
  updated_at: string;
  /** core/campaign/campaign-phase.ts; checked by the database. */
  phase: Generated<CampaignPhase>;
  phase_changed_at: string | null;
  /** 1 for the first definition, one more for each change a synced file made. */
  definition_version: Generated<number>;
}

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string | null;
  display_name: string;
  email_verified_at: string | null;
  /** The language of the mail this person receives. */
  locale: Generated<'zh-CN' | 'en'>;
  disabled_at: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
}

export type OneTimeTokenKind = 'verify_email' | 'reset_password' | 'join_unit' | 'reviewer_invite' | 'superior_review';

export interface OneTimeTokensTable {
  id: string;
  kind: OneTimeTokenKind;
  token_hash: string;
  email: string;
  user_id: string | null;
  /** The organization or campaign the link is about, when it is about one. */
  subject_id: string | null;
  payload: Generated<string>;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  /** The name normalized for duplicate detection (full-width/half-width, spaces, case). */
  name_key: string;
  type: string;
  level: 'village' | 'township' | 'county' | 'city' | 'province' | 'central';
  division_code: string;
  credit_code: string | null;
  superior_name: string;
  superior_email: string | null;
  address: string;
  contact_name: string;
  contact_position: string;
  contact_phone: string;
  contact_email: string;
  merged_into: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganizationMembersTable {
  organization_id: string;
  user_id: string;
  role: 'owner' | 'operator';
  created_at: string;
}

export interface ReviewerProfilesTable {
  user_id: string;
  /** JSON array of category keys. */
  expertise: Generated<string>;
  organization: Generated<string>;
  division_code: string | null;
  capacity: Generated<number>;
  updated_at: string;
}

/** A campaign's reviewer, by address; the account joins when the invitation is accepted. */
export interface CampaignReviewersTable {
  id: string;
  campaign_id: string;
  /** Lower case. */
  email: string;
  name: string;
  /** JSON array of the campaign's category keys. */
  expertise: Generated<string>;
  capacity: Generated<number>;
  division_code: string | null;
  affiliation: Generated<string>;
  /** The registered unit the affiliation names, when one matched. */
  affiliation_unit_id: string | null;
  user_id: string | null;
  source: 'import' | 'invitation';
  created_at: string;
  updated_at: string;
}

/** A conflict a reviewer declared, or found conflict reasons an organizer dismissed. */
export interface ReviewConflictsTable {
  id: string;
  campaign_id: string;
  case_id: string;
  reviewer_id: string;
  kind: 'declared' | 'dismissed';
  /** JSON array: the found reasons a dismissal covers. */
  found_reasons: Generated<string>;
  reason: string;
  actor_id: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * An entry gets its id (the order of appending) when written, and its place in the hash chain
 * (seq, prev_hash, hash) when the sealer links it shortly after (decision 0026).
 */
export interface AuditLogTable {
  id: Generated<number>;
  seq: number | null;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  /** JSON of what changed. */
  change: Generated<string>;
  prev_hash: string | null;
  hash: string | null;
}

/** The chain's head as published on a day (Beijing time), by mail and on the public page. */
export interface AuditPublishedHeadsTable {
  day: string;
  seq: number;
  hash: string;
  published_at: string;
}

/** A rate limit's window for one route and client (milliseconds since the epoch). */
export interface RateLimitCountersTable {
  key: string;
  count: number;
  expires_at: number;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  run_at: string;
  attempts: Generated<number>;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  /** Drawn anew for each lease: only the attempt holding it may renew or finish the job. */
  lease_token: Generated<string | null>;
  /** A periodic job's kind and period, unique, so it is enqueued once per period across instances. */
  unique_key: Generated<string | null>;
  last_error: string | null;
  done_at: string | null;
  failed_at: string | null;
  created_at: string;
}

export interface MailsTable {
  id: string;
  to_email: string;
  locale: string;
  template: string;
  subject: string;
  text_body: string;
  html_body: string;
  /**
   * queued → sending (claimed by one job attempt) → sent (through SMTP) or kept (no SMTP
   * configured: shown to organizers), or back to queued after a failed attempt, or failed.
   */
  status: 'queued' | 'sending' | 'sent' | 'kept' | 'failed';
  /** While sending: the job and lease token that claimed the mail; the claim lives as long as that lease. */
  sending_job_id: Generated<string | null>;
  sending_lease_token: Generated<string | null>;
  message_id: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: 'organizer' | 'reviewer' | 'submitter' | 'learner';
  /** Null grants the role for every campaign (a platform organizer). */
  campaign_id: string | null;
  created_at: string;
}

export interface SchemaMigrationsTable {
  name: string;
  timestamp: Generated<string>;
}

export interface Database {
  campaigns: CampaignsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  organizations: OrganizationsTable;
  organization_members: OrganizationMembersTable;
  reviewer_profiles: ReviewerProfilesTable;
  campaign_reviewers: CampaignReviewersTable;
  review_conflicts: ReviewConflictsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_published_heads: AuditPublishedHeadsTable;
  jobs: JobsTable;
  rate_limit_counters: RateLimitCountersTable;
  mails: MailsTable;
  cases: CasesTable;
  case_contents: CaseContentsTable;
  case_submissions: CaseSubmissionsTable;
  case_events: CaseEventsTable;
  deadline_extensions: DeadlineExtensionsTable;
  blobs: BlobsTable;
  attachments: AttachmentsTable;
  uploads: UploadsTable;
  upload_pieces: UploadPiecesTable;
  assignment_runs: AssignmentRunsTable;
  review_assignments: ReviewAssignmentsTable;
  reviews: ReviewsTable;
  case_signatures: CaseSignaturesTable;
  reference_cases: ReferenceCasesTable;
  similarity_matches: SimilarityMatchesTable;
  screening_decisions: ScreeningDecisionsTable;
  screening_reports: ScreeningReportsTable;
  review_reminders: ReviewRemindersTable;
  selection_suggestions: SelectionSuggestionsTable;
  selection_decisions: SelectionDecisionsTable;
  notices: NoticesTable;
  objections: ObjectionsTable;
  objection_files: ObjectionFilesTable;
  final_results: FinalResultsTable;
  search_documents: SearchDocumentsTable;
  search_texts: SearchTextsTable;
  published_cases: PublishedCasesTable;
  imported_cases: ImportedCasesTable;
}
