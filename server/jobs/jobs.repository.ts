import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { Database, JobsTable } from '../db/schema.ts';

export type JobRow = Selectable<JobsTable>;

/** The attempt that holds a job: its worker and the token drawn for this lease. */
export interface Lease {
  workerId: string;
  token: string;
}

export async function insertJob(db: Kysely<Database>, row: Insertable<JobsTable>): Promise<void> {
  await db.insertInto('jobs').values(row).execute();
}

/** Inserts a job unless one with its unique key exists. True when this call inserted it. */
export async function insertJobOnce(db: Kysely<Database>, row: Insertable<JobsTable> & { unique_key: string }): Promise<boolean> {
  const inserted = await db.insertInto('jobs').values(row).onConflict((oc) => oc.column('unique_key').doNothing()).returning('id').execute();
  return inserted.length > 0;
}

export async function findJobById(db: Kysely<Database>, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Takes the lease of the oldest due job of the given kinds in one UPDATE and returns it. On
 * PostgreSQL the row is chosen with FOR UPDATE SKIP LOCKED, so a concurrent lease by another
 * instance skips it instead of taking it too. On SQLite the statement runs as its own write
 * transaction and SQLite admits one writer at a time, so two leases never overlap.
 */
export async function leaseNextJob(
  db: Kysely<Database>,
  engine: Engine,
  lease: Lease & { kinds: string[]; now: string; lockedUntil: string },
): Promise<JobRow | undefined> {
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
    .limit(1);
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('jobs')
    .set({ locked_by: lease.workerId, lease_token: lease.token, locked_until: lease.lockedUntil })
    .where('id', 'in', due)
    .returningAll()
    .executeTakeFirst();
}

// Renewing and finishing a job need the lease still held, unexpired, by the same attempt: once
// it has expired, the job belongs to whichever worker takes it next.
const leaseStillHeld = (id: string, lease: Lease & { now: string }) => (eb: ExpressionBuilder<Database, 'jobs'>) => eb.and([
  eb('id', '=', id),
  eb('locked_by', '=', lease.workerId),
  eb('lease_token', '=', lease.token),
  eb('locked_until', '>', lease.now),
]);

/** Extends a lease still held; false when it was lost (expired, or taken by another attempt). */
export async function renewJobLease(db: Kysely<Database>, id: string, lease: Lease & { now: string; lockedUntil: string }): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ locked_until: lease.lockedUntil })
    .where(leaseStillHeld(id, lease))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Completes a job; only the attempt holding its live lease may. True when it did. */
export async function markJobDone(db: Kysely<Database>, id: string, lease: Lease & { now: string }): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ done_at: lease.now, locked_by: null, lease_token: null, locked_until: null, last_error: null })
    .where(leaseStillHeld(id, lease))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a failed attempt: back to the queue at `runAt`, or failed for good when `failedAt` is given. */
export async function markJobAttemptFailed(
  db: Kysely<Database>,
  id: string,
  lease: Lease & { now: string },
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
      lease_token: null,
      locked_until: null,
    })
    .where(leaseStillHeld(id, lease))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
