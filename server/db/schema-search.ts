import type { Generated } from 'kysely';

// Row types of the case library's search (migration 030, decision 0038). Conventions as in
// schema.ts. The token index itself (search_fts on SQLite, search_tokens on PostgreSQL) is
// reached only through server/modules/search/search-index.ts, in each engine's own SQL.

/** What a search result shows and is sorted and filtered by; one row per published case. */
export interface SearchDocumentsTable {
  doc_no: Generated<number>;
  id: string;
  campaign_id: string;
  campaign_slug: string;
  category: string;
  tier: 'best' | 'excellent' | null;
  /** Two-digit province code of the unit's division. */
  province: string | null;
  title: string;
  unit_name: string;
  /** Title and unit name in normal form (core/search/normalize.ts), for ranking. */
  norm_title: string;
  norm_unit: string;
  published_at: string;
}

/** A document's long text: its summary and body as published, and all four fields in normal form. */
export interface SearchTextsTable {
  doc_no: number;
  summary: string;
  body: string;
  /** Title, unit name, summary and body, normalized, one per line: what a term must be a substring of. */
  norm_text: string;
}
