import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// Each delete takes at most this many rows per statement: on SQLite a statement runs on the event
// loop and holds the one writer, so a backlog (the jobs of a deadline day) goes in short steps.
const BATCH = 500;

async function inBatches(deleteBatch: () => Promise<bigint>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = Number(await deleteBatch());
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/** Deletes sessions whose expiry has passed; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  return inBatches(async () => {
    const due = db.selectFrom('sessions').select('id').where('expires_at', '<=', now).limit(BATCH);
    return (await db.deleteFrom('sessions').where('id', 'in', due).executeTakeFirst()).numDeletedRows;
  });
}

/**
 * Deletes one-time links that were used or have expired; returns how many. A used verification
 * link stays until it expires: opened again, it tells its holder the address is verified already
 * (auth.service verifyEmail), which needs its row.
 */
export async function deleteSpentOneTimeTokens(db: Kysely<Database>, now: string): Promise<number> {
  return inBatches(async () => {
    const due = db
      .selectFrom('one_time_tokens')
      .select('id')
      .where((eb) => eb.or([eb.and([eb('used_at', 'is not', null), eb('kind', '!=', 'verify_email')]), eb('expires_at', '<=', now)]))
      .limit(BATCH);
    return (await db.deleteFrom('one_time_tokens').where('id', 'in', due).executeTakeFirst()).numDeletedRows;
  });
}

/** Deletes jobs done or failed at or before `finishedBy`; returns how many. */
export async function deleteFinishedJobs(db: Kysely<Database>, finishedBy: string): Promise<number> {
  return inBatches(async () => {
    const due = db
      .selectFrom('jobs')
      .select('id')
      .where((eb) => eb.or([eb('done_at', '<=', finishedBy), eb('failed_at', '<=', finishedBy)]))
      .limit(BATCH);
    return (await db.deleteFrom('jobs').where('id', 'in', due).executeTakeFirst()).numDeletedRows;
  });
}
