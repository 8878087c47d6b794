import { sql, SqliteAdapter, type Kysely } from 'kysely';

// The case library answers a search's first page without ranking every match (decision 0045).
// A result's score comes from its title and unit name only, so those two fields get a token
// index of their own, search_heads: which documents have a term's tokens in their title, which
// in their unit name. And the documents get an index in the order results of equal score are
// shown (published_at descending, then id, in byte order), so that the documents of one score
// can be read newest first and the reading can stop when the page is full.
// Existing documents are indexed here from their normalized title and unit name.
// Frozen in time: never import application code here (the tokens below are those of
// core/search/tokens.ts as of this migration: the distinct characters and pairs of runs of
// letters, digits and marks).

async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

const RUN = /[\p{L}\p{N}\p{M}]+/gu;

function tokensOf(normal: string): string[] {
  const tokens = new Set<string>();
  for (const match of normal.matchAll(RUN)) {
    const run = [...match[0]];
    run.forEach((char, i) => {
      tokens.add(char);
      if (i > 0) tokens.add(run[i - 1]! + char);
    });
  }
  return [...tokens];
}

const BATCH = 1000;

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    const sqlite = isSqlite(trx);
    if (sqlite) {
      // Presence only (detail=column): the title's and the unit name's tokens, each in its column.
      await sql`create virtual table search_heads using fts5(title, unit, content='', contentless_delete=1, tokenize='ascii', detail='column')`.execute(trx);
      await sql`create index search_documents_rank on search_documents (published_at desc, id)`.execute(trx);
    } else {
      await trx.schema.createTable('search_heads')
        .addColumn('doc_no', 'integer', (c) => c.primaryKey().references('search_documents.doc_no').onDelete('cascade'))
        .addColumn('title_tokens', sql`text[]`, (c) => c.notNull())
        .addColumn('unit_tokens', sql`text[]`, (c) => c.notNull())
        .execute();
      await sql`create index search_heads_title on search_heads using gin (title_tokens)`.execute(trx);
      await sql`create index search_heads_unit on search_heads using gin (unit_tokens)`.execute(trx);
      await sql`create index search_documents_rank on search_documents (published_at collate "C" desc, id collate "C")`.execute(trx);
    }
    for (let after = -1; ;) {
      const rows = await trx.selectFrom('search_documents').select(['doc_no', 'norm_title', 'norm_unit'])
        .where('doc_no', '>', after).orderBy('doc_no').limit(BATCH).execute() as { doc_no: number; norm_title: string; norm_unit: string }[];
      if (rows.length === 0) break;
      after = rows.at(-1)!.doc_no;
      if (sqlite) {
        for (const row of rows) {
          await sql`insert into search_heads (rowid, title, unit) values (${row.doc_no}, ${tokensOf(row.norm_title).join(' ')}, ${tokensOf(row.norm_unit).join(' ')})`.execute(trx);
        }
      } else {
        await trx.insertInto('search_heads')
          .values(rows.map((row) => ({ doc_no: row.doc_no, title_tokens: tokensOf(row.norm_title), unit_tokens: tokensOf(row.norm_unit) })))
          .execute();
      }
    }
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    if (isSqlite(trx)) await sql`drop table search_heads`.execute(trx);
    else await trx.schema.dropTable('search_heads').execute();
    await trx.schema.dropIndex('search_documents_rank').execute();
  });
}
