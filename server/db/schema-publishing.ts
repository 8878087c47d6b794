// Row types of published copies of cases (migration 031, decision 0039). Conventions as in schema.ts.

export type PublicationState = 'published' | 'unpublished';

/** The public copy of a case: edited by organizers, never written back to the case. */
export interface PublishedCasesTable {
  /** The id in the public URL. */
  id: string;
  case_id: string;
  campaign_id: string;
  /** The submitted version the copy was made from. */
  submission_id: string;
  title: string;
  unit_name: string;
  division_code: string;
  category: string;
  /** Sanitized case HTML. */
  summary: string;
  /** JSON: section key → sanitized HTML. */
  sections: string;
  /** JSON: ids of the submitted version's pictures shown, in order. */
  attachment_ids: string;
  state: PublicationState;
  version: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  published_by: string | null;
  published_at: string | null;
  /** Set once: a copy that was never shown answers like one that does not exist. */
  first_published_at: string | null;
  unpublished_by: string | null;
  unpublished_at: string | null;
}
