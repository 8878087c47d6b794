import { sql, type Kysely } from 'kysely';

// Screening (初审) decisions and format reports. Every decision on a submitted version is kept
// (pass, reject, return, and the reversal of a pass or rejection with its reason), so the outcome
// on cases.screening can always be explained. A format report is the preflight of a submitted
// version as organizers see it (its category, the problems found and how many), worked out once
// per version and campaign definition so that the queue filters 3,000 cases in SQL.
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
      .createTable('screening_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('submission_id', 'text', (c) => c.notNull().references('case_submissions.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      // 1, 2, 3… per case, in the order the decisions were taken (several may share a timestamp).
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in (${listOf(['passed', 'rejected', 'returned', 'reversed'])})`))
      .addColumn('reason', 'text')
      .addColumn('due_at', 'text')
      // A reversal names the decision it undoes.
      .addColumn('reverses_id', 'text', (c) => c.references('screening_decisions.id'))
      .addColumn('definition_version', 'integer', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('screening_decisions_case').on('screening_decisions').columns(['case_id', 'ordinal']).unique().execute();

    await trx.schema
      .createTable('screening_reports')
      .addColumn('submission_id', 'text', (c) => c.primaryKey().references('case_submissions.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('category', 'text', (c) => c.notNull())
      // SHA-256 of the version's canonical content without the declaration: what a recommendation is bound to.
      .addColumn('content_sha256', 'text', (c) => c.notNull())
      // JSON: the preflight problems (core/case/preflight.ts) of the submitted version, the recommendation
      // aside: it can change after the check, so the queue reads it live from cases.
      .addColumn('problems', 'text', (c) => c.notNull())
      .addColumn('problem_count', 'integer', (c) => c.notNull())
      .addColumn('definition_version', 'integer', (c) => c.notNull())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('screening_reports_campaign').on('screening_reports').columns(['campaign_id', 'category']).execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropTable('screening_reports').execute();
    await trx.schema.dropTable('screening_decisions').execute();
  });
}
