// Row types of imported earlier-edition cases (migration 032, decision 0044). Conventions as in schema.ts.

/** A published case of an earlier edition, imported from a file: its own public copy, with no case behind it. */
export interface ImportedCasesTable {
  /** The id in the public URL. */
  id: string;
  campaign_id: string;
  edition: number;
  year: number | null;
  /** Normalized title and unit name; unique within the campaign. */
  duplicate_key: string;
  title: string;
  unit_name: string;
  division_code: string;
  category: string;
  tier: 'best' | 'excellent' | null;
  /** Sanitized case HTML. */
  summary: string;
  /** JSON: section key → sanitized HTML. */
  sections: string;
  source_url: string | null;
  import_id: string;
  created_by: string;
  created_at: string;
}
