import type { Kysely } from 'kysely';

// A worker leases the oldest due jobs, ordered by (run_at, id). The index ended at run_at, so
// every lease sorted the whole backlog to pick twenty (1–2 ms with a few thousand receipt mails
// waiting after a deadline-day burst). Ending the index in id gives the order directly and the
// lease stops at its limit. Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('jobs_due_order').on('jobs').columns(['done_at', 'failed_at', 'run_at', 'id']).execute();
  await db.schema.dropIndex('jobs_due').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('jobs_due').on('jobs').columns(['done_at', 'failed_at', 'run_at']).execute();
  await db.schema.dropIndex('jobs_due_order').execute();
}
