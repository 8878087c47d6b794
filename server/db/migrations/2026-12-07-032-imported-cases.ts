import { sql, type Kysely } from 'kysely';

// Published cases of earlier editions imported from a file (issue 16, item 3; decision 0044):
// each row is its own public copy, in a finished campaign made for its edition, with no unit
// account, no case and no submitted version behind it. Frozen in time: never import application code.

async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema
      .createTable('imported_cases')
      // The id in the public URL, drawn like a published copy's.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('edition', 'integer', (c) => c.notNull())
      .addColumn('year', 'integer')
      // Normalized title and unit: the same case imported twice is found, never doubled.
      .addColumn('duplicate_key', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('unit_name', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.check(sql`tier in ('best', 'excellent')`))
      // Sanitized case HTML.
      .addColumn('summary', 'text', (c) => c.notNull())
      // JSON: section key → sanitized HTML.
      .addColumn('sections', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text')
      // The run that wrote the row: one audit entry names it.
      .addColumn('import_id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('imported_cases_duplicate', ['campaign_id', 'duplicate_key'])
      .execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropTable('imported_cases').execute();
  });
}
