import { sql, type Kysely } from 'kysely';

// At most one running assignment run per campaign, held by the database on both engines: two
// organizers (or one double click) starting a run at once make one run, the other insert fails
// on this index and is refused. Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('assignment_runs_one_running')
    .on('assignment_runs')
    .column('campaign_id')
    .unique()
    .where(sql.ref('status'), '=', 'running')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assignment_runs_one_running').execute();
}
