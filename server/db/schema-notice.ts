import type { Generated } from 'kysely';

// Row types of the public notice, objections and final results (migration 027). Conventions as in schema.ts.

/** A campaign's public notice (公示) of its shortlist. */
export interface NoticesTable {
  campaign_id: string;
  body: string;
  starts_at: string;
  ends_at: string;
  /** JSON: NoticeEntry[] (core/api/notice.ts), the shortlist as published. */
  entries: string;
  published_by: string;
  published_at: string;
  finalized_by: string | null;
  finalized_at: string | null;
}

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

/** An objection filed by a visitor against a case on the notice. */
export interface ObjectionsTable {
  id: string;
  campaign_id: string;
  /** Told to the author, e.g. YY-7-0001-K3QF. */
  reference: string;
  case_id: string;
  author_name: string;
  author_organization: string;
  phone: string | null;
  email: string | null;
  body: string;
  status: ObjectionStatus;
  /** When upheld: the case's tier afterwards ('none': it leaves the list). */
  outcome_tier: 'best' | 'excellent' | 'none' | null;
  outcome_reason: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
  /** SHA-256 of the token that lets the author send evidence files (migration 028), and until when. */
  upload_token_hash: Generated<string | null>;
  upload_token_expires_at: Generated<string | null>;
  /** The language the objection was filed in: its outcome is mailed in it. */
  locale: Generated<'zh-CN' | 'en'>;
}

/** An evidence file sent with an objection, its bytes in the blob store (migration 028). */
export interface ObjectionFilesTable {
  id: string;
  objection_id: string;
  file_name: string;
  sha256: string;
  size: number;
  media_type: string;
  created_at: string;
}

/** A case's final tier once the campaign is finalized, with its certificate's number. */
export interface FinalResultsTable {
  campaign_id: string;
  case_id: string;
  tier: 'best' | 'excellent';
  serial: string;
  finalized_at: string;
}
