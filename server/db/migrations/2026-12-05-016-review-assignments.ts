import { sql, type Kysely } from 'kysely';

// Expert review's tables. An assignment run is one solve of the assignment problem, with its
// progress and figures. An assignment gives one case (as one submitted version) to one pool
// reviewer: proposed by a run or by hand, released to the reviewer, or ended (handed back for a
// conflict, or removed before release). At most one live (proposed or released) assignment per case
// and reviewer, held by a partial unique index on both engines. A review belongs to one assignment
// and records the campaign definition version it was scored under. Frozen in time: never import
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
      .createTable('assignment_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${listOf(['running', 'done', 'failed'])})`))
      .addColumn('definition_version', 'integer', (c) => c.notNull())
      // JSON: the last progress message of the solver (stage, elapsed ms).
      .addColumn('progress', 'text', (c) => c.notNull().defaultTo('{}'))
      // JSON: figures (coverage, load spread, expertise match, optimal…) and the diagnosis.
      .addColumn('result', 'text')
      .addColumn('error', 'text')
      .addColumn('started_by', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await trx.schema.createIndex('assignment_runs_campaign').on('assignment_runs').columns(['campaign_id', 'started_at']).execute();

    await trx.schema
      .createTable('review_assignments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('reviewer_id', 'text', (c) => c.notNull().references('campaign_reviewers.id').onDelete('cascade'))
      .addColumn('submission_id', 'text', (c) => c.notNull().references('case_submissions.id'))
      .addColumn('definition_version', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in (${listOf(['proposed', 'released', 'handed_back', 'removed'])})`))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in (${listOf(['solver', 'manual'])})`))
      .addColumn('run_id', 'text', (c) => c.references('assignment_runs.id').onDelete('set null'))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('released_at', 'text')
      .addColumn('released_by', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('ended_by', 'text')
      .addColumn('end_reason', 'text')
      .execute();
    await trx.schema
      .createIndex('review_assignments_live_once')
      .on('review_assignments')
      .columns(['case_id', 'reviewer_id'])
      .unique()
      .where(sql.ref('state'), 'in', ['proposed', 'released'])
      .execute();
    await trx.schema.createIndex('review_assignments_campaign').on('review_assignments').columns(['campaign_id', 'state']).execute();
    await trx.schema.createIndex('review_assignments_reviewer').on('review_assignments').columns(['reviewer_id', 'state']).execute();

    await trx.schema
      .createTable('reviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('assignment_id', 'text', (c) => c.notNull().unique().references('review_assignments.id').onDelete('cascade'))
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('reviewer_id', 'text', (c) => c.notNull().references('campaign_reviewers.id').onDelete('cascade'))
      .addColumn('submission_id', 'text', (c) => c.notNull().references('case_submissions.id'))
      .addColumn('definition_version', 'integer', (c) => c.notNull())
      // JSON: criterion key → score on that criterion's scale.
      .addColumn('scores', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('tier', 'text', (c) => c.check(sql`tier in (${listOf(['best', 'excellent', 'neither'])})`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${listOf(['draft', 'submitted'])})`))
      // Bumped by every save; a save naming an older version is a conflict, never an overwrite.
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .execute();
    await trx.schema.createIndex('reviews_campaign').on('reviews').columns(['campaign_id', 'status']).execute();
    await trx.schema.createIndex('reviews_case').on('reviews').column('case_id').execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropTable('reviews').execute();
    await trx.schema.dropTable('review_assignments').execute();
    await trx.schema.dropTable('assignment_runs').execute();
  });
}
