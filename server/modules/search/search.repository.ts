import { sql, SqliteAdapter, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SearchDocumentsTable, SearchTextsTable } from '../../db/schema-search.ts';
import { pairsOf, type IndexTokens } from '../../../core/search/tokens.ts';

// The only place that builds the search's SQL. The token index differs by engine (decision
// 0038): an FTS5 table of characters and pairs in text order on SQLite, a text[] column of
// characters and pairs under GIN on PostgreSQL.

export const onSqlite = (db: Kysely<Database>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function insertSearchDocument(db: Kysely<Database>, row: {
  document: Insertable<SearchDocumentsTable>;
  text: Omit<SearchTextsTable, 'doc_no'>;
  tokens: IndexTokens;
}): Promise<void> {
  const { doc_no } = await db.insertInto('search_documents').values(row.document).returning('doc_no').executeTakeFirstOrThrow();
  await db.insertInto('search_texts').values({ doc_no, ...row.text }).execute();
  const { chars, pairs, pairStream } = row.tokens;
  if (onSqlite(db)) await sql`insert into search_fts (rowid, chars, pairs) values (${doc_no}, ${chars.join(' ')}, ${pairStream})`.execute(db);
  else await sql`insert into search_tokens (doc_no, tokens) values (${doc_no}, ${[...chars, ...pairs]})`.execute(db);
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
  /**
   * Only documents whose case may be shown now (publicationRefusal, decision 0041): the copy
   * published, the case submitted, and either final with a tier or passed screening in one of
   * `displayCampaignIds` (the campaigns that show cases during the collection). The tier is then
   * the case's final tier now, not the one indexed when it was published.
   */
  shownNow?: { displayCampaignIds: string[] };
}

export interface SearchTerm {
  /** In normal form (core/search/normalize.ts). */
  term: string;
  /** core/search/tokens.ts termTokens. */
  tokens: string[];
  runs: string[][];
  whole: boolean;
}

export interface SearchPlan {
  terms: SearchTerm[];
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

// Tokens are letters and digits, quoted: none can be read as an FTS5 operator.
const phrase = (tokens: string[]) => `"${tokens.join(' ')}"`;

/**
 * SQLite: each run of a term as an FTS5 phrase — a character by itself, a longer run as the
 * phrase of its pairs, which holds exactly where the run stands whole in the text.
 */
function ftsQuery(terms: SearchTerm[]): string {
  return terms.flatMap((t) => t.runs.map((run) => (run.length === 1 ? `chars : ${phrase(run)}` : `pairs : ${phrase(pairsOf(run))}`))).join(' AND ');
}

/** Terms the index does not decide, checked as substrings of the whole text. */
function toVerify(db: Kysely<Database>, terms: SearchTerm[]): string[] {
  // PostgreSQL's index tells only that a term's pairs are there, not that they are in a row.
  return terms.filter((t) => !(t.whole && (onSqlite(db) || t.runs[0]!.length <= 2))).map((t) => t.term);
}

function indexMatch(db: Kysely<Database>, terms: SearchTerm[]) {
  const withRuns = terms.filter((t) => t.runs.length > 0);
  if (withRuns.length === 0) return undefined;
  if (onSqlite(db)) return sql`d.doc_no in (select rowid from search_fts where search_fts match ${ftsQuery(withRuns)})`;
  return sql`d.doc_no in (select doc_no from search_tokens where tokens @> ${[...new Set(withRuns.flatMap((t) => t.tokens))]}::text[])`;
}

// The case's tier as the public sees it now: its final result's, once results are final.
// An imported earlier-edition case (decision 0044) keeps the tier it was imported with.
const liveTier = sql<'best' | 'excellent' | null>`coalesce((select f.tier from published_cases p
  join campaigns k on k.id = p.campaign_id
  join final_results f on f.case_id = p.case_id and f.campaign_id = p.campaign_id
  where p.id = d.id and k.phase = 'final'), (select i.tier from imported_cases i where i.id = d.id))`;

/** publicationRefusal in SQL, so that counts and pages hold only what may be shown now. */
function shownNow(displayCampaignIds: string[]) {
  const during = displayCampaignIds.length === 0 ? sql`1 = 0` : sql`(c.screening = 'passed' and p.campaign_id in (${sql.join(displayCampaignIds)}))`;
  return sql`(exists (select 1 from published_cases p
    join cases c on c.id = p.case_id
    join campaigns k on k.id = p.campaign_id
    left join final_results f on f.case_id = p.case_id and f.campaign_id = p.campaign_id
    where p.id = d.id and p.state = 'published' and c.status = 'submitted'
      and ((k.phase = 'final' and f.tier is not null) or ${during}))
    or exists (select 1 from imported_cases i where i.id = d.id))`;
}

function matching(db: Kysely<Database>, plan: SearchPlan, filters: SearchFilters) {
  let query = db.selectFrom('search_documents as d');
  const match = indexMatch(db, plan.terms);
  if (match) query = query.where(match as never);
  const verify = toVerify(db, plan.terms);
  if (verify.length > 0) {
    query = query.innerJoin('search_texts as t', 't.doc_no', 'd.doc_no');
    for (const term of verify) query = query.where(contains(db, 't.norm_text', term) as never);
  }
  if (filters.campaignSlug !== undefined) query = query.where('d.campaign_slug', '=', filters.campaignSlug);
  if (filters.category !== undefined) query = query.where('d.category', '=', filters.category);
  if (filters.province !== undefined) query = query.where('d.province', '=', filters.province);
  if (filters.shownNow) {
    query = query.where(shownNow(filters.shownNow.displayCampaignIds) as never);
    if (filters.tier !== undefined) query = query.where(sql`${liveTier} = ${filters.tier}` as never);
  } else if (filters.tier !== undefined) query = query.where('d.tier', '=', filters.tier);
  return query;
}

/** How many published cases may be shown now (for the sitemap). */
export async function countShownCases(db: Kysely<Database>, displayCampaignIds: string[]): Promise<number> {
  const row = await db.selectFrom('search_documents as d').where(shownNow(displayCampaignIds) as never)
    .select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The published cases that may be shown now, by id, a slice at a time (for the sitemap). */
export async function listShownCases(db: Kysely<Database>, displayCampaignIds: string[], page: { limit: number; offset: number }) {
  return db.selectFrom('search_documents as d').where(shownNow(displayCampaignIds) as never)
    .select(['d.id', 'd.campaign_slug', 'd.published_at'])
    .orderBy(inByteOrder(db, 'd.id'), 'asc')
    .limit(page.limit).offset(page.offset)
    .execute();
}

/** How many documents match. */
export async function countSearchMatches(db: Kysely<Database>, plan: SearchPlan, filters: SearchFilters): Promise<number> {
  const unfiltered = Object.values(filters).every((v) => v === undefined);
  // The index alone answers when it decides the match: no filter, no substring check.
  if (onSqlite(db) && unfiltered && plan.terms.length > 0 && toVerify(db, plan.terms).length === 0) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${ftsQuery(plan.terms)}`.execute(db);
    return Number(rows[0]!.n);
  }
  const row = await matching(db, plan, filters).select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of the documents matching the plan and filters, best first: score, then newest, then id. */
export async function findSearchPage(db: Kysely<Database>, plan: SearchPlan, filters: SearchFilters, page: { limit: number; offset: number }) {
  return matching(db, plan, filters)
    .select(['d.doc_no', 'd.id', 'd.title', 'd.unit_name', 'd.campaign_slug', 'd.category', 'd.province', 'd.published_at'])
    .select(filters.shownNow ? liveTier.as('tier') : sql<'best' | 'excellent' | null>`d.tier`.as('tier'))
    .select(scoreOf(db, plan.terms.map((t) => t.term)).as('score'))
    .orderBy(sql`score`, 'desc')
    .orderBy(inByteOrder(db, 'd.published_at'), 'desc')
    .orderBy(inByteOrder(db, 'd.id'), 'asc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Summary and body of the given documents, by doc_no, for their snippets. */
export async function findSearchTexts(db: Kysely<Database>, docNos: readonly number[]) {
  if (docNos.length === 0) return [];
  return db.selectFrom('search_texts').select(['doc_no', 'summary', 'body']).where('doc_no', 'in', docNos).execute();
}
