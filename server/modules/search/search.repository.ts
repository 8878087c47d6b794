import { sql, SqliteAdapter, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SearchDocumentsTable, SearchTextsTable } from '../../db/schema-search.ts';

// The only place that builds the search's SQL. The token index differs by engine (decision
// 0038): an FTS5 table on SQLite, a text[] column under GIN on PostgreSQL.

export const onSqlite = (db: Kysely<Database>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function insertSearchDocument(db: Kysely<Database>, row: {
  document: Insertable<SearchDocumentsTable>;
  text: Omit<SearchTextsTable, 'doc_no'>;
  /** Space-separated index tokens (core/search/tokens.ts). */
  tokens: string;
}): Promise<void> {
  const { doc_no } = await db.insertInto('search_documents').values(row.document).returning('doc_no').executeTakeFirstOrThrow();
  await db.insertInto('search_texts').values({ doc_no, ...row.text }).execute();
  if (onSqlite(db)) await sql`insert into search_fts (rowid, tokens) values (${doc_no}, ${row.tokens})`.execute(db);
  else await sql`insert into search_tokens (doc_no, tokens) values (${doc_no}, ${row.tokens === '' ? [] : row.tokens.split(' ')})`.execute(db);
}

export async function deleteSearchDocument(db: Kysely<Database>, id: string): Promise<void> {
  const found = await db.selectFrom('search_documents').select('doc_no').where('id', '=', id).executeTakeFirst();
  if (!found) return;
  // PostgreSQL's search_tokens and both engines' search_texts go with the row (on delete cascade).
  if (onSqlite(db)) await sql`delete from search_fts where rowid = ${found.doc_no}`.execute(db);
  await db.deleteFrom('search_documents').where('doc_no', '=', found.doc_no).execute();
}

export interface SearchFilters {
  campaignSlug?: string;
  category?: string;
  tier?: 'best' | 'excellent';
  province?: string;
}

export interface SearchPlan {
  /** Index tokens every match has (AND); none: the index does not narrow. */
  tokens: string[];
  /** Normalized terms to check as substrings of the whole text (those the tokens do not prove). */
  verify: string[];
  /** Normalized terms, ranking a document higher for each one in its title or unit name. */
  rankBy: string[];
}

/** `position(needle in haystack) > 0` in each engine's words: plain substring, no wildcards. */
function contains(db: Kysely<Database>, column: string, needle: string) {
  return onSqlite(db) ? sql`instr(${sql.ref(column)}, ${needle}) > 0` : sql`strpos(${sql.ref(column)}, ${needle}) > 0`;
}

// Byte order on both engines, so ties between equal scores fall the same way everywhere.
const inByteOrder = (db: Kysely<Database>, column: string) => (onSqlite(db) ? sql.ref(column) : sql`${sql.ref(column)} collate "C"`);

function scoreOf(db: Kysely<Database>, terms: string[]) {
  if (terms.length === 0) return sql<number>`0`;
  const parts = terms.map((t) => sql`(case when ${contains(db, 'd.norm_title', t)} then 2 else 0 end) + (case when ${contains(db, 'd.norm_unit', t)} then 1 else 0 end)`);
  return sql<number>`${sql.join(parts, sql` + `)}`;
}

function indexMatch(db: Kysely<Database>, tokens: string[]) {
  if (onSqlite(db)) return sql`d.doc_no in (select rowid from search_fts where search_fts match ${tokens.map((t) => `"${t}"`).join(' ')})`;
  return sql`d.doc_no in (select doc_no from search_tokens where tokens @> ${tokens}::text[])`;
}

/**
 * One page of the documents matching the plan and filters, best first (score, then newest, then
 * id), with the number of all of them.
 */
export async function findSearchPage(db: Kysely<Database>, plan: SearchPlan, filters: SearchFilters, page: { limit: number; offset: number }) {
  const score = scoreOf(db, plan.rankBy);
  let query = db.selectFrom('search_documents as d')
    .select(['d.doc_no', 'd.id', 'd.title', 'd.unit_name', 'd.campaign_slug', 'd.category', 'd.tier', 'd.province'])
    .select(score.as('score'))
    .select(sql<number | string>`count(*) over ()`.as('total'));
  if (plan.tokens.length > 0) query = query.where(indexMatch(db, plan.tokens) as never);
  if (plan.verify.length > 0) {
    query = query.innerJoin('search_texts as t', 't.doc_no', 'd.doc_no');
    for (const term of plan.verify) query = query.where(contains(db, 't.norm_text', term) as never);
  }
  if (filters.campaignSlug !== undefined) query = query.where('d.campaign_slug', '=', filters.campaignSlug);
  if (filters.category !== undefined) query = query.where('d.category', '=', filters.category);
  if (filters.tier !== undefined) query = query.where('d.tier', '=', filters.tier);
  if (filters.province !== undefined) query = query.where('d.province', '=', filters.province);
  const rows = await query
    .orderBy(sql`score`, 'desc')
    .orderBy(inByteOrder(db, 'd.published_at'), 'desc')
    .orderBy(inByteOrder(db, 'd.id'), 'asc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  if (rows.length > 0 || page.offset === 0) return { total: Number(rows[0]?.total ?? 0), rows };
  // Past the last page: the rows that would carry the count are not there.
  const counted = await query.clearSelect().select(sql<number | string>`count(*)`.as('n')).clearOrderBy().clearLimit().clearOffset().executeTakeFirstOrThrow();
  return { total: Number(counted.n), rows };
}

/** Summary and body of the given documents, by doc_no, for their snippets. */
export async function findSearchTexts(db: Kysely<Database>, docNos: readonly number[]) {
  if (docNos.length === 0) return [];
  return db.selectFrom('search_texts').select(['doc_no', 'summary', 'body']).where('doc_no', 'in', docNos).execute();
}
