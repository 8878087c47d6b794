import { sql, type Kysely } from 'kysely';

// The selection of best and excellent cases (issue 15, item 2): the campaign's last suggested
// selection, with the candidates and quotas it was computed from, and the organizers' decision
// per case, suggested (accepted from the suggestion) or changed by hand with a reason.
// Frozen in time: never import application code here.

const listOf = (values: string[]) => sql.join(values.map((v) => sql.lit(v)));

/** Runs `work` in one transaction (the migrator opens one on PostgreSQL only; see 004). */
async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema
      .createTable('selection_suggestions')
      .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaigns.id').onDelete('cascade'))
      // JSON: the candidates (id, category, province, normalized score) and the quotas solved under.
      .addColumn('candidates', 'text', (c) => c.notNull())
      .addColumn('quotas', 'text', (c) => c.notNull())
      // JSON: the suggested entries (case, tier) and the binding quotas with what each cost.
      .addColumn('entries', 'text', (c) => c.notNull())
      .addColumn('binding', 'text', (c) => c.notNull())
      .addColumn('computed_by', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addColumn('accepted_by', 'text')
      .addColumn('accepted_at', 'text')
      .execute();

    await trx.schema
      .createTable('selection_decisions')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in (${listOf(['best', 'excellent', 'none'])})`))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in (${listOf(['suggested', 'changed'])})`))
      .addColumn('reason', 'text')
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('selection_decisions_pk', ['campaign_id', 'case_id'])
      .addCheckConstraint('selection_decisions_reason', sql`source = 'suggested' or reason is not null`)
      .execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropTable('selection_decisions').execute();
    await trx.schema.dropTable('selection_suggestions').execute();
  });
}
