import { sql, type Kysely } from 'kysely';

// A case's working copy (the content, up to about 16 KB of JSON, and the declaration form's
// fields) moves out of `cases` into a table of its own. Every status change, version bump and
// submission rewrote the whole row, content included; now those touch a row of a few hundred
// bytes and the text is written only when the text changes. Frozen in time: never import
// application code here.

/**
 * Runs `work` in one transaction. The migrator already opens one on PostgreSQL; on SQLite it
 * does not (Kysely treats its DDL as non-transactional, though it is), and this migration moves
 * data: half of it must never stay applied.
 */
async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, moveIn);
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, moveBack);
}

async function moveIn(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_contents')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('declaration', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await sql`insert into case_contents (case_id, content, declaration) select id, content, declaration from cases`.execute(db);
  await db.schema.alterTable('cases').dropColumn('content').execute();
  await db.schema.alterTable('cases').dropColumn('declaration').execute();
}

async function moveBack(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('content', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('cases').addColumn('declaration', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await sql`update cases set content = coalesce((select content from case_contents where case_id = cases.id), ''), declaration = coalesce((select declaration from case_contents where case_id = cases.id), '{}')`.execute(db);
  await db.schema.dropTable('case_contents').execute();
}
