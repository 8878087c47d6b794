import { sql, type Kysely } from 'kysely';

// The public notice (公示) of the selection, the objections filed against it, and the final
// results with their certificates (issue 15, items 3 and 4). Frozen in time: never import
// application code here.

const listOf = (values: string[]) => sql.join(values.map((v) => sql.lit(v)));

/** Runs `work` in one transaction (the migrator opens one on PostgreSQL only; see 004). */
async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema
      .createTable('notices')
      .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaigns.id').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      // JSON: the shortlist as published (case, tier, title, unit, category, province), never edited.
      .addColumn('entries', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('finalized_by', 'text')
      .addColumn('finalized_at', 'text')
      .execute();

    await trx.schema
      .createTable('objections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_organization', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${listOf(['open', 'upheld', 'dismissed'])})`))
      // Upheld: the case's tier after the objection (none: it leaves the list).
      .addColumn('outcome_tier', 'text', (c) => c.check(sql`outcome_tier in (${listOf(['best', 'excellent', 'none'])})`))
      .addColumn('outcome_reason', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('objections_contact', sql`phone is not null or email is not null`)
      .addCheckConstraint('objections_resolved', sql`status = 'open' or (outcome_reason is not null and resolved_at is not null)`)
      .execute();
    await trx.schema.createIndex('objections_campaign').on('objections').columns(['campaign_id', 'created_at']).execute();

    await trx.schema
      .createTable('final_results')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in (${listOf(['best', 'excellent'])})`))
      // The certificate's number, printed on it and in its verification link.
      .addColumn('serial', 'text', (c) => c.notNull().unique())
      .addColumn('finalized_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('final_results_pk', ['campaign_id', 'case_id'])
      .execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropTable('final_results').execute();
    await trx.schema.dropTable('objections').execute();
    await trx.schema.dropTable('notices').execute();
  });
}
