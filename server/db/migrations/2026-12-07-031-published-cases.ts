import { sql, type Kysely } from 'kysely';

// Published copies of cases (网上展示, issue 16; decision 0039): what the public reads, apart from
// the submitted version so organizers can edit it without touching what the unit submitted.
// Frozen in time: never import application code here.

async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema
      .createTable('published_cases')
      // The id in the public URL: random, and not the case's id, which the workbench uses.
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id').onDelete('cascade'))
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      // The submitted version the copy was made from.
      .addColumn('submission_id', 'text', (c) => c.notNull().references('case_submissions.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('unit_name', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      // JSON: section key → sanitized HTML.
      .addColumn('sections', 'text', (c) => c.notNull())
      // JSON: the ids of the submitted version's pictures shown, in order.
      .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('published', 'unpublished')`))
      // Bumped by every change; a change naming an older version is refused, never applied.
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // The last publishing; first_published_at tells a copy taken down from one never shown.
      .addColumn('published_by', 'text')
      .addColumn('published_at', 'text')
      .addColumn('first_published_at', 'text')
      .addColumn('unpublished_by', 'text')
      .addColumn('unpublished_at', 'text')
      .addCheckConstraint('published_cases_published', sql`state = 'unpublished' or (published_at is not null and first_published_at is not null)`)
      .execute();
    await trx.schema.createIndex('published_cases_campaign').on('published_cases').columns(['campaign_id', 'state']).execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropTable('published_cases').execute();
  });
}
