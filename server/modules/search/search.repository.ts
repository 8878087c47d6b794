import { sql, SqliteAdapter, type Insertable, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SearchDocumentsTable, SearchTextsTable } from '../../db/schema-search.ts';
import { pairsOf, RUN_GAP, type IndexTokens } from '../../../core/search/tokens.ts';

// The only place that builds the search's SQL. The token index differs by engine (decision
// 0038): an FTS5 table of characters and pairs in text order on SQLite, a text[] column of
// characters and pairs under GIN on PostgreSQL.

export const onSqlite = (db: Kysely<Database>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function insertSearchDocument(db: Kysely<Database>, row: {
  document: Insertable<SearchDocumentsTable>;
  text: Omit<SearchTextsTable, 'doc_no'>;
  tokens: IndexTokens;
  /** The distinct tokens of the normalized title and unit name (core/search/tokens.ts presenceTokens). */
  heads: { title: string[]; unit: string[] };
}): Promise<void> {
  const { doc_no } = await db.insertInto('search_documents').values(row.document).returning('doc_no').executeTakeFirstOrThrow();
  await db.insertInto('search_texts').values({ doc_no, ...row.text }).execute();
  const { chars, pairs, pairStream } = row.tokens;
  const { title, unit } = row.heads;
  if (onSqlite(db)) {
    await sql`insert into search_fts (rowid, chars, pairs) values (${doc_no}, ${chars.join(' ')}, ${pairStream})`.execute(db);
    await sql`insert into search_heads (rowid, title, unit) values (${doc_no}, ${title.join(' ')}, ${unit.join(' ')})`.execute(db);
  } else {
    await sql`insert into search_tokens (doc_no, tokens) values (${doc_no}, ${[...chars, ...pairs]})`.execute(db);
    await sql`insert into search_heads (doc_no, title_tokens, unit_tokens) values (${doc_no}, ${title}, ${unit})`.execute(db);
  }
}

export async function deleteSearchDocument(db: Kysely<Database>, id: string): Promise<void> {
  const found = await db.selectFrom('search_documents').select('doc_no').where('id', '=', id).executeTakeFirst();
  if (!found) return;
  // PostgreSQL's search_tokens and search_heads and both engines' search_texts go with the row (on delete cascade).
  if (onSqlite(db)) {
    await sql`delete from search_fts where rowid = ${found.doc_no}`.execute(db);
    await sql`delete from search_heads where rowid = ${found.doc_no}`.execute(db);
  }
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
  return terms.flatMap((t) => t.runs.map((run) => {
    if (run.length > 1) return phrase(pairsOf(run));
    // A pair is two characters, so only a pair can match one; one character is in `chars` only,
    // but for the gap token, which `pairs` holds too. Without a column filter FTS5 need not read
    // positions to count (decision 0045).
    return run[0] === RUN_GAP ? `chars : ${phrase(run)}` : phrase(run);
  })).join(' AND ');
}

/** Terms the index does not decide, checked as substrings of the whole text. */
function toVerify(db: Kysely<Database>, terms: SearchTerm[]): string[] {
  // PostgreSQL's index tells only that a term's pairs are there, not that they are in a row.
  return terms.filter((t) => !(t.whole && (onSqlite(db) || t.runs[0]!.length <= 2))).map((t) => t.term);
}

/** The documents whose index tokens the terms need (every term's runs must have some): a superset of the matches, or exactly them (toVerify). */
function indexSet(db: Kysely<Database>, terms: SearchTerm[]) {
  if (onSqlite(db)) return sql`select rowid from search_fts where search_fts match ${ftsQuery(terms)}`;
  return sql`select doc_no from search_tokens where tokens @> ${[...new Set(terms.flatMap((t) => t.tokens))]}::text[]`;
}

function indexMatch(db: Kysely<Database>, terms: SearchTerm[]) {
  const withRuns = terms.filter((t) => t.runs.length > 0);
  if (withRuns.length === 0) return undefined;
  return sql`d.doc_no in (${indexSet(db, withRuns)})`;
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

type DocumentQuery = SelectQueryBuilder<Database & { d: SearchDocumentsTable }, 'd', object>;

function filtered(query: DocumentQuery, filters: SearchFilters): DocumentQuery {
  if (filters.campaignSlug !== undefined) query = query.where('d.campaign_slug', '=', filters.campaignSlug);
  if (filters.category !== undefined) query = query.where('d.category', '=', filters.category);
  if (filters.province !== undefined) query = query.where('d.province', '=', filters.province);
  if (filters.shownNow) {
    query = query.where(shownNow(filters.shownNow.displayCampaignIds) as never);
    if (filters.tier !== undefined) query = query.where(sql`${liveTier} = ${filters.tier}` as never);
  } else if (filters.tier !== undefined) query = query.where('d.tier', '=', filters.tier);
  return query;
}

function matching(db: Kysely<Database>, plan: SearchPlan, filters: SearchFilters) {
  let query: DocumentQuery = db.selectFrom('search_documents as d');
  const match = indexMatch(db, plan.terms);
  if (match) query = query.where(match as never);
  const verify = toVerify(db, plan.terms);
  if (verify.length > 0) {
    query = query.where((eb) => eb.exists(eb.selectFrom('search_texts as t').select(sql`1`.as('one')).whereRef('t.doc_no', '=', 'd.doc_no')
      .where(sql.join(verify.map((term) => contains(db, 't.norm_text', term)), sql` and `) as never)));
  }
  return filtered(query, filters);
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

export interface SearchPageRow {
  doc_no: number;
  id: string;
  title: string;
  unit_name: string;
  campaign_slug: string;
  category: string;
  province: string | null;
  published_at: string;
  tier: 'best' | 'excellent' | null;
  score: number;
}

function pageColumns(query: DocumentQuery, filters: SearchFilters) {
  return query
    .select(['d.doc_no', 'd.id', 'd.title', 'd.unit_name', 'd.campaign_slug', 'd.category', 'd.province', 'd.published_at'])
    .select(filters.shownNow ? liveTier.as('tier') : sql<'best' | 'excellent' | null>`d.tier`.as('tier'));
}

/** Every match scored, then sorted: what the page is by definition, and cheap when the matches are few. */
async function rankAll(db: Kysely<Database>, plan: SearchPlan, filters: SearchFilters, page: { limit: number; offset: number }): Promise<SearchPageRow[]> {
  const rows = await pageColumns(matching(db, plan, filters), filters)
    .select(scoreOf(db, plan.terms.map((t) => t.term)).as('score'))
    .orderBy(sql`score`, 'desc')
    .orderBy(inByteOrder(db, 'd.published_at'), 'desc')
    .orderBy(inByteOrder(db, 'd.id'), 'asc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((row) => ({ ...row, score: Number(row.score) }));
}

/** Up to this many matches are ranked all at once; past it, the page is read score level by score level. */
export const RANK_ALL_AT_MOST = 2_000;
/**
 * A level is first looked for among the newest (skip + need) × this many documents; found there
 * when it holds at least about 1 % of them. Reading a document's whole text (level 0) costs about
 * five times reading its row, so that walk is five times shorter.
 */
const WALK_FACTOR = 100;
const TEXT_READ_COST = 5;

type Field = 'title' | 'unit';

/** An index query on search_heads: every token of the term in each of `fields`, and (exact terms only) in none of `without`. */
function headSet(db: Kysely<Database>, term: SearchTerm, fields: Field[], without: Field[] = []) {
  if (onSqlite(db)) {
    const all = (field: Field) => term.tokens.map((token) => `${field} : ${phrase([token])}`).join(' AND ');
    const query = fields.map(all).join(' AND ') + without.map((field) => ` NOT (${all(field)})`).join('');
    return sql`select rowid from search_heads where search_heads match ${query}`;
  }
  const has = (field: Field) => sql`${sql.ref(`${field}_tokens`)} @> ${term.tokens}::text[]`;
  return sql`select doc_no from search_heads where ${sql.join([...fields.map(has), ...without.map((field) => sql`not ${has(field)}`)], sql` and `)}`;
}

interface Level {
  score: number;
  /** What a document of this level is, exactly, on its own row (and text). */
  where: RawBuilder<unknown>[];
  /** An index query giving a superset of the level, to read it whole and sort it. */
  set: RawBuilder<unknown>;
  /** What a document of the set must also be, on its own row, to be of the level (`where`, less what the set already decides). */
  setWhere: RawBuilder<unknown>[];
  /** How many times a row the level's check costs per document. */
  rowCost: number;
}

function levelQuery(db: Kysely<Database>, where: RawBuilder<unknown>[], filters: SearchFilters, within: RawBuilder<unknown>): DocumentQuery {
  let query: DocumentQuery = db.selectFrom('search_documents as d').where(sql`d.doc_no in (${within})` as never);
  for (const condition of where) query = query.where(condition as never);
  return filtered(query, filters);
}

/** The newest `count` documents, in the order results of one score are shown. */
function newest(db: Kysely<Database>, count: number) {
  return sql`select doc_no from search_documents order by ${inByteOrder(db, 'published_at')} desc, ${inByteOrder(db, 'id')} asc limit ${count}`;
}

/** Whether the set holds fewer than `bound` documents, counting no further than that. */
async function fewerThan(db: Kysely<Database>, set: RawBuilder<unknown>, bound: number): Promise<boolean> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from (${set} limit ${bound}) s`.execute(db);
  return Number(rows[0]!.n) < bound;
}

/**
 * A one-term query's page, level by level (decision 0045). The score of a match is 3 when the term
 * is in its title and its unit name, 2 in the title only, 1 in the unit name only, 0 otherwise;
 * within a level, newest first, then id. A level that is common is looked for among the newest
 * documents: when the page's rows of it are all there, they are the level's first rows. A rare
 * one (or a common one not found there) is read whole from the index's set of it and sorted.
 * Either way the rows are exactly the level's.
 */
async function pageByLevels(db: Kysely<Database>, term: SearchTerm, total: number, filters: SearchFilters, page: { limit: number; offset: number }, reading: LevelReading): Promise<SearchPageRow[]> {
  const inTitle = contains(db, 'd.norm_title', term.term);
  const inUnit = contains(db, 'd.norm_unit', term.term);
  const not = (condition: RawBuilder<unknown>) => sql`not (${condition})`;
  // A run of one or two characters is in a field exactly when its tokens are: the sets can leave the other field's out.
  const exact = term.whole && term.runs[0]!.length <= 2;
  const inText = sql`exists (select 1 from search_texts t where t.doc_no = d.doc_no and ${contains(db, 't.norm_text', term.term)})`;
  // The index's set of matches is exact unless the term needs the substring check.
  const matchesExact = toVerify(db, [term]).length === 0;
  const levels: Level[] = [
    { score: 3, where: [inTitle, inUnit], set: headSet(db, term, ['title', 'unit']), setWhere: [inTitle, inUnit], rowCost: 1 },
    { score: 2, where: [inTitle, not(inUnit)], set: headSet(db, term, ['title'], exact ? ['unit'] : []), setWhere: [inTitle, not(inUnit)], rowCost: 1 },
    { score: 1, where: [not(inTitle), inUnit], set: headSet(db, term, ['unit'], exact ? ['title'] : []), setWhere: [not(inTitle), inUnit], rowCost: 1 },
    { score: 0, where: [not(inTitle), not(inUnit), inText], set: indexSet(db, [term]), setWhere: matchesExact ? [not(inTitle), not(inUnit)] : [not(inTitle), not(inUnit), inText], rowCost: TEXT_READ_COST },
  ];
  const documents = Number((await db.selectFrom('search_documents').select(sql<number | string>`coalesce(max(doc_no), 0)`.as('n')).executeTakeFirstOrThrow()).n);
  const rows: SearchPageRow[] = [];
  let skip = page.offset;
  const read = (where: RawBuilder<unknown>[], within: RawBuilder<unknown>, need: number) => pageColumns(levelQuery(db, where, filters, within), filters)
    .orderBy(inByteOrder(db, 'd.published_at'), 'desc')
    .orderBy(inByteOrder(db, 'd.id'), 'asc')
    .limit(need)
    .offset(skip)
    .execute();
  for (const level of levels) {
    const need = page.limit - rows.length;
    if (need <= 0) break;
    const window = Math.ceil(((skip + need) * WALK_FACTOR) / level.rowCost);
    // Worth a walk when the level likely fills the page among the newest `window` documents: a
    // set of title or unit matches holding at least `window` documents (counted no further), or
    // matches of the text that are at least twice as dense as needed.
    const common = reading === 'walk' || (reading === 'either' && (level.score > 0
      ? !(await fewerThan(db, level.set, window))
      : total * window >= 2 * (skip + need) * Math.max(1, documents)));
    let found = common ? await read(level.where, newest(db, window), need) : [];
    if (found.length < need) found = reading === 'walk' ? await read(level.where, newest(db, Number.MAX_SAFE_INTEGER), need) : await read(level.setWhere, level.set, need);
    rows.push(...found.map((row) => ({ ...row, score: level.score })));
    if (found.length > 0) skip = 0;
    else if (skip > 0) {
      // The level holds at most `skip` documents: all of them are before the page.
      const counted = await levelQuery(db, level.setWhere, filters, level.set).select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
      skip -= Number(counted.n);
    }
  }
  return rows;
}

/** How a level is read: among the newest documents first, then by its set ('either'), or (for tests) only one way. */
export type LevelReading = 'either' | 'walk' | 'set';

export interface PageOptions {
  /** countSearchMatches for the same plan and filters; counted again when not given. */
  total?: number;
  /** Matches up to this many are ranked all at once (default RANK_ALL_AT_MOST; tests vary it). */
  rankAllAtMost?: number;
  levelReading?: LevelReading;
}

/** One page of the documents matching the plan and filters, best first: score, then newest, then id. */
export async function findSearchPage(db: Kysely<Database>, plan: SearchPlan, filters: SearchFilters, page: { limit: number; offset: number }, options: PageOptions = {}): Promise<SearchPageRow[]> {
  const [term, ...others] = plan.terms;
  // Levels serve a single term the index can find (a run of letters, digits and marks at least).
  if (!term || others.length > 0 || term.runs.length === 0) return rankAll(db, plan, filters, page);
  const total = options.total ?? await countSearchMatches(db, plan, filters);
  if (total <= (options.rankAllAtMost ?? RANK_ALL_AT_MOST)) return rankAll(db, plan, filters, page);
  return pageByLevels(db, term, total, filters, page, options.levelReading ?? 'either');
}

/** Summary and body of the given documents, by doc_no, for their snippets. */
export async function findSearchTexts(db: Kysely<Database>, docNos: readonly number[]) {
  if (docNos.length === 0) return [];
  return db.selectFrom('search_texts').select(['doc_no', 'summary', 'body']).where('doc_no', 'in', docNos).execute();
}
