import type { Generated } from 'kysely';

// Row types of cases, their versions and history, and stored files: the part of the schema
// the case lifecycle (issue 4) owns. Conventions as in schema.ts.

export type CaseStatus = 'draft' | 'submitted' | 'withdrawn' | 'returned';
export type ScreeningStatus = 'pending' | 'passed' | 'rejected';
export type Recommendation = 'none' | 'pending' | 'recommended' | 'declined';
/** signed_in: a member of the chosen registered unit; registered_email: a mailed link to a registered unit member's address; unverified: any other address. */
export type RecommendationVerification = 'signed_in' | 'registered_email' | 'unverified';

/** A case's working copy, apart from `cases` so that state changes never rewrite the text. */
export interface CaseContentsTable {
  case_id: string;
  /** JSON of CaseContent (core/case/case-content.ts), HTML sanitized. */
  content: string;
  /** JSON of the declaration form's own fields (postcode, opinions…), by field key. */
  declaration: Generated<string>;
  /** JSON of the content the superior organization last decided on, to show it what changed since. */
  reviewed_content: string | null;
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
  /** SHA-256 of the canonical content (core/case/canonical.ts) the superior organization decided on. */
  recommendation_sha256: string | null;
  /** SHA-256 of the working copy's canonical content, written with every change of the text. */
  content_sha256: string | null;
  /** A registered unit chosen as the superior organization: its members recommend while signed in. */
  superior_organization_id: string | null;
  /** How the recommendation's author was known; null before any decision. */
  recommendation_verification: RecommendationVerification | null;
  return_message: string | null;
  return_due_at: string | null;
  /** Screening (初审) of the current submitted version: pending until an organizer passes or rejects it. */
  screening: Generated<ScreeningStatus>;
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
  /** The bytes as received, when the stored ones are derived (a re-encoded picture) or the same. NULL: a picture stored before originals were kept. */
  received_sha256: string | null;
  received_size: number | null;
}

/**
 * A resumable (tus) upload in progress; its bytes so far are in DATA_DIR/uploads/<id>. It belongs
 * to a case (case_id, created_by: a unit's account) or to an objection (objection_id: a visitor
 * holding its upload token); attachment_id is what it became: an attachment, or an objection file.
 */
export interface UploadsTable {
  id: string;
  case_id: string | null;
  kind: string;
  file_name: string;
  length: number;
  offset: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
  attachment_id: string | null;
  objection_id: Generated<string | null>;
  /** The instance writing the bytes now, and until when its lease holds (renewed as they arrive). */
  writer: Generated<string | null>;
  writer_until: Generated<string | null>;
}

/** A piece of an upload kept in an S3 bucket, recorded by the writer holding the lease. */
export interface UploadPiecesTable {
  upload_id: string;
  start: number;
  size: number;
  key: string;
}
