import type { Kysely } from 'kysely';

// A job's lease carries a token drawn anew for each attempt, so a worker whose lease expired can
// no longer finish the job once another has taken it. A periodic job carries a key naming its
// period, unique, so two instances cannot both enqueue it. A mail being sent names the job and
// the lease token that claimed it, so a second worker sends it only once that lease has expired.
// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('lease_token', 'text').execute();
  await db.schema.alterTable('jobs').addColumn('unique_key', 'text').execute();
  await db.schema.createIndex('jobs_unique_key').on('jobs').column('unique_key').unique().execute();
  await db.schema.alterTable('mails').addColumn('sending_job_id', 'text').execute();
  await db.schema.alterTable('mails').addColumn('sending_lease_token', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mails').dropColumn('sending_lease_token').execute();
  await db.schema.alterTable('mails').dropColumn('sending_job_id').execute();
  await db.schema.dropIndex('jobs_unique_key').execute();
  await db.schema.alterTable('jobs').dropColumn('unique_key').execute();
  await db.schema.alterTable('jobs').dropColumn('lease_token').execute();
}
