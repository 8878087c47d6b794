import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { Database, JobsTable } from '../db/schema.ts';

export type JobRow = Selectable<JobsTable>;

export async function insertJob(db: Kysely<Database>, row: Insertable<JobsTable>): Promise<void> {
  await db.insertInto('jobs').values(row).execute();
}

export async function findJobById(db: Kysely<Database>, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Takes the lease of up to `limit` due jobs of the given kinds in one UPDATE and returns them,
 * oldest first. On PostgreSQL the rows are chosen with FOR UPDATE SKIP LOCKED, so a concurrent
 * lease by another instance skips them instead of taking them too. On SQLite the statement
 * runs as its own write transaction and SQLite admits one writer at a time, so two leases
 * never overlap.
 */
export async function leaseDueJobs(
  db: Kysely<Database>,
  engine: Engine,
  lease: { kinds: string[]; now: string; workerId: string; lockedUntil: string; limit: number },
): Promise<JobRow[]> {
  let due = db
    .selectFrom('jobs')
    .select('id')
    .where('kind', 'in', lease.kinds)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('run_at', '<=', lease.now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', lease.now)]))
    .orderBy('run_at')
    .orderBy('id')
    .limit(lease.limit);
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('jobs')
    .set({ locked_by: lease.workerId, locked_until: lease.lockedUntil })
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.run_at.localeCompare(b.run_at) || a.id.localeCompare(b.id));
}

/** Completes a job; only the worker holding the lease may. True when it did. */
export async function markJobDone(db: Kysely<Database>, id: string, workerId: string, doneAt: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ done_at: doneAt, locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a failed attempt: back to the queue at `runAt`, or failed for good when `failedAt` is given. */
export async function markJobAttemptFailed(
  db: Kysely<Database>,
  id: string,
  workerId: string,
  outcome: { attempts: number; error: string; runAt: string; failedAt: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      attempts: outcome.attempts,
      last_error: outcome.error,
      run_at: outcome.runAt,
      failed_at: outcome.failedAt,
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
