import { sql, type Kysely } from 'kysely';
import { parseQuery } from '../../../core/search/normalize.ts';
import type { Database } from '../../db/schema.ts';
import type { SearchDocument } from './search-index.ts';

// Shared by the search tests: a document with defaults, and the LIKE scan search must agree with.

let counter = 0;

export function searchDocument(overrides: Partial<SearchDocument> = {}): SearchDocument {
  counter += 1;
  return {
    id: `doc-${String(counter).padStart(4, '0')}`,
    campaignId: 'campaign-7',
    campaignSlug: 'seventh-collection',
    category: 'rural',
    tier: null,
    province: '11',
    title: '标题',
    unitName: '单位',
    summary: '摘要',
    body: '正文',
    publishedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Ids of the documents whose normalized text holds every term, by `LIKE '%term%'`, sorted. */
export async function likeScan(db: Kysely<Database>, query: string): Promise<string[]> {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(`query refused: ${query}`);
  let scan = db.selectFrom('search_documents as d').innerJoin('search_texts as t', 't.doc_no', 'd.doc_no').select('d.id');
  for (const term of parsed.terms) scan = scan.where(sql<boolean>`t.norm_text like ${`%${escapeLike(term)}%`} escape '\\'`);
  return (await scan.execute()).map((r) => r.id).sort();
}
