import type { Generated } from 'kysely';

// Row types as both engines store them. Timestamps are ISO-8601 UTC text
// ("2024-06-30T15:59:59.000Z") on both; see docs/decisions/0003-portable-data.md.

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

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  /** JSON of what changed. */
  change: Generated<string>;
  prev_hash: string;
  hash: string;
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
  /** queued → sent (through SMTP) or kept (no SMTP configured: shown to organizers), or failed. */
  status: 'queued' | 'sent' | 'kept' | 'failed';
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

export type CaseStatus = 'draft' | 'submitted' | 'withdrawn' | 'returned';
export type Recommendation = 'none' | 'pending' | 'recommended' | 'declined';

/** A case's working copy, apart from `cases` so that state changes never rewrite the text. */
export interface CaseContentsTable {
  case_id: string;
  /** JSON of CaseContent (core/case/case-content.ts), HTML sanitized. */
  content: string;
  /** JSON of the declaration form's own fields (postcode, opinions…), by field key. */
  declaration: Generated<string>;
}

export interface CasesTable {
  id: string;
  campaign_id: string;
  organization_id: string;
  status: CaseStatus;
  title: string;
  /** Bumped by every save; a save naming an older version is a conflict, never an overwrite. */
  version: number;
  submission_count: Generated<number>;
  superior_name: Generated<string>;
  superior_email: string | null;
  recommendation: Generated<Recommendation>;
  recommendation_note: string | null;
  recommendation_at: string | null;
  return_message: string | null;
  return_due_at: string | null;
  created_by: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseSubmissionsTable {
  id: string;
  case_id: string;
  seq: number;
  receipt_number: string;
  /** The client's key for this submit; a retry with the same key returns the same receipt. */
  request_key: string;
  /** The canonical JSON that content_sha256 is the hash of. */
  content: string;
  content_sha256: string;
  /** JSON array of { id, kind, fileName, size, mediaType, sha256 }. */
  attachments: string;
  submitted_by: string;
  submitted_at: string;
  withdrawn_at: string | null;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  from_status: string;
  to_status: string;
  message: string | null;
  due_at: string | null;
  submission_id: string | null;
}

export interface DeadlineExtensionsTable {
  id: string;
  campaign_id: string;
  /** Null: the extension applies to every unit. */
  organization_id: string | null;
  closes_at: string;
  reason: string;
  created_by: string;
  created_at: string;
}

/** A stored file, named by the SHA-256 of its bytes. */
export interface BlobsTable {
  sha256: string;
  size: number;
  media_type: string;
  created_at: string;
}

export interface AttachmentsTable {
  id: string;
  case_id: string;
  kind: string;
  file_name: string;
  sha256: string;
  size: number;
  media_type: string;
  thumbnail_sha256: string | null;
  width: number | null;
  height: number | null;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

/** A resumable (tus) upload in progress; its bytes so far are in DATA_DIR/uploads/<id>. */
export interface UploadsTable {
  id: string;
  case_id: string;
  kind: string;
  file_name: string;
  length: number;
  offset: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
  attachment_id: string | null;
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
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  jobs: JobsTable;
  mails: MailsTable;
  cases: CasesTable;
  case_contents: CaseContentsTable;
  case_submissions: CaseSubmissionsTable;
  case_events: CaseEventsTable;
  deadline_extensions: DeadlineExtensionsTable;
  blobs: BlobsTable;
  attachments: AttachmentsTable;
  uploads: UploadsTable;
}
