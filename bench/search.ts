import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { seededRandom } from '../core/random/seeded.ts';
import { openPostgres, openSqlite, type DatabaseHandle } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { Database } from '../server/db/schema.ts';
import { indexDocument } from '../server/modules/search/search-index.ts';
import { findSearchPage } from '../server/modules/search/search.repository.ts';
import { planSearch, searchDocuments } from '../server/modules/search/search.service.ts';
import { createEmptyPostgresDatabase, dropPostgresDatabase } from '../server/testing/postgres-admin.ts';
import { cpuCheckMs, machineDescription } from './harness.ts';
import { queryFrom, searchCorpusDocument } from './search-corpus.ts';

// The case library's search over BENCH_SEARCH_DOCS generated cases (100,000 by default) and
// BENCH_SEARCH_QUERIES queries (1,000) taken from the documents' own text: 25 % one character, 20 %
// two, the rest three to six, one in ten of those with a second term. p95_ms times a first page of
// 20 results with snippets, as the library page asks. Every 10th query (BENCH_SEARCH_LIKE_EVERY;
// 100 queries, the same mix) is also run as a LIKE '%term%' scan over the normalized text:
// recall_vs_like is the share of the scan's documents the search found (with extra_vs_like,
// documents found that the scan did not), speedup_vs_like the scan's mean time over the search's on
// those queries. SQLite always; PostgreSQL too when BENCH_DATABASE_URL is set (a fresh database
// there, dropped afterwards). One JSON line per engine. Target: recall 1.0, p95 ≤ 50 ms on SQLite.
// BENCH_SEARCH_ZI sets the length of generated bodies (default: the generator's 1,700–4,700 字).
// BENCH_SEARCH_ENGINES=postgres skips SQLite (to run the engines side by side).
// BENCH_SEARCH_SQLITE_FILE=path queries an index this bench built earlier (a run stopped during its
// build keeps the batches it committed, cases 0…n−1) instead of building one; the file is brought to
// the latest migration first. With BENCH_SEARCH_BUILD=1 the file is created or extended up to
// BENCH_SEARCH_DOCS first (cases n…DOCS−1), so a long build can be kept, resumed and queried again.

const DOCS = Number(process.env.BENCH_SEARCH_DOCS ?? 100_000);
const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 1_000);
const TARGET_ZI = process.env.BENCH_SEARCH_ZI ? Number(process.env.BENCH_SEARCH_ZI) : undefined;
const LIKE_EVERY = Number(process.env.BENCH_SEARCH_LIKE_EVERY ?? 10);
const BATCH = 500;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? NaN;

function makeQueries(docs: number): string[] {
  const random = seededRandom('search-bench-queries');
  return Array.from({ length: QUERIES }, (_, i) => {
    const doc = searchCorpusDocument(random.int(0, docs - 1), TARGET_ZI);
    const r = (i % 20) / 20; // the mix is exact in every 20 queries, and so in every sample
    const length = r < 0.25 ? 1 : r < 0.45 ? 2 : random.int(3, 6);
    return queryFrom(doc, length, random, length >= 3 && i % 10 === 7);
  });
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

async function likeScan(db: Kysely<Database>, query: string): Promise<string[]> {
  let scan = db.selectFrom('search_documents as d').innerJoin('search_texts as t', 't.doc_no', 'd.doc_no').select('d.id');
  for (const { term } of planSearch(query).terms) scan = scan.where(sql<boolean>`t.norm_text like ${`%${escapeLike(term)}%`} escape '\\'`);
  return (await scan.execute()).map((r) => r.id);
}

async function runEngine(handle: DatabaseHandle, queries: string[], build = true, from = 0): Promise<Record<string, unknown>> {
  const { db } = handle;
  const buildStart = performance.now();
  if (build) await migrateToLatest(db);
  for (let start = from; build && start < DOCS; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, DOCS - start) }, (_, k) => searchCorpusDocument(start + k, TARGET_ZI));
    await db.transaction().execute(async (trx) => {
      for (const doc of docs) await indexDocument(trx, doc);
    });
  }
  if (handle.engine === 'postgres') await sql`analyze`.execute(db);
  const buildS = build ? round((performance.now() - buildStart) / 1000, 0) : null;
  const docs = Number((await db.selectFrom('search_documents').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

  const times: number[] = [];
  for (const query of queries) {
    const t0 = performance.now();
    await searchDocuments(db, { query, page: 1, pageSize: 20 });
    times.push(performance.now() - t0);
  }
  let expected = 0;
  let found = 0;
  let extra = 0;
  let likeMs = 0;
  let searchMs = 0;
  for (let i = 0; i < queries.length; i += LIKE_EVERY) {
    const query = queries[i]!;
    const t0 = performance.now();
    const like = new Set(await likeScan(db, query));
    likeMs += performance.now() - t0;
    searchMs += times[i]!;
    const all = await findSearchPage(db, planSearch(query), {}, { limit: docs, offset: 0 });
    const ids = new Set(all.map((r) => r.id));
    expected += like.size;
    for (const id of ids) if (like.has(id)) found += 1; else extra += 1;
  }
  const short = queries.filter((q) => [...q].length <= 2).length;
  return {
    bench: 'search',
    engine: handle.engine,
    docs,
    queries: queries.length,
    short_queries: round(short / queries.length),
    p50_ms: round(percentile(times, 0.5)),
    p95_ms: round(percentile(times, 0.95)),
    p99_ms: round(percentile(times, 0.99)),
    recall_vs_like: expected === 0 ? 1 : round(found / expected, 4),
    extra_vs_like: extra,
    like_queries: Math.ceil(queries.length / LIKE_EVERY),
    speedup_vs_like: round(likeMs / searchMs, 1),
    build_s: buildS,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const machine = () => ({ load_average: round(os.loadavg()[0]!), cpu_check_ms: cpuCheckMs(), machine: machineDescription() });
  const base = process.env.BENCH_DATABASE_URL;
  const engines = (process.env.BENCH_SEARCH_ENGINES ?? 'sqlite,postgres').split(',');
  const built = process.env.BENCH_SEARCH_SQLITE_FILE;
  if (built) {
    const handle = openSqlite(built);
    try {
      await migrateToLatest(handle.db);
      const count = async () => Number((await handle.db.selectFrom('search_documents').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
      const n = await count();
      if (process.env.BENCH_SEARCH_BUILD === '1' && n < DOCS) {
        // Cases 0…n−1 are there (the build commits them in order): the rest are added, then queried.
        return { ...(await runEngine(handle, makeQueries(DOCS), true, n)), ...machine() };
      }
      return { ...(await runEngine(handle, makeQueries(n), false)), ...machine() };
    } finally {
      await handle.close();
    }
  }
  const queries = makeQueries(DOCS);
  if (base && !engines.includes('sqlite')) return runPostgres(base, queries, machine);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhengji-search-bench-'));
  const sqlite = openSqlite(path.join(dir, 'search.sqlite'));
  let result: Record<string, unknown>;
  try {
    result = { ...(await runEngine(sqlite, queries)), ...machine() };
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!base || !engines.includes('postgres')) return result;
  console.log(JSON.stringify(result));
  return runPostgres(base, queries, machine);
}

async function runPostgres(base: string, queries: string[], machine: () => Record<string, unknown>): Promise<Record<string, unknown>> {
  const pg = await createEmptyPostgresDatabase(base);
  const handle = openPostgres(pg.url);
  try {
    return { ...(await runEngine(handle, queries)), ...machine() };
  } finally {
    await handle.close();
    await dropPostgresDatabase(base, pg.name);
  }
}
