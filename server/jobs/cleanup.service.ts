import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { pruneRateLimits } from '../db/rate-limit-counters.ts';
import { deleteExpiredSessions, deleteFinishedJobs, deleteSpentOneTimeTokens } from './cleanup.repository.ts';
import type { PeriodicJob } from './jobs.periodic.ts';
import type { JobHandler, JobLog } from './jobs.service.ts';

export const CLEANUP_JOB = 'maintenance.cleanup';
/** Hourly, once across all instances. */
export const CLEANUP_PERIODIC: PeriodicJob = { kind: CLEANUP_JOB, everyMs: 3_600_000 };
/** Finished jobs are kept this long for diagnosis; the mails they sent are kept as records. */
export const FINISHED_JOB_RETENTION_DAYS = 30;

export interface Removed {
  sessions: number;
  oneTimeLinks: number;
  jobs: number;
  rateLimitWindows: number;
}

/**
 * Deletes what no longer serves anyone: sessions past their expiry, one-time links (verification,
 * password reset, invitations, superior review) used or expired — each answers "link invalid"
 * alike whether its row is there or not, except a used verification link, kept until it expires
 * — jobs finished more than 30 days ago, and rate-limit windows that are over. Mails stay.
 */
export async function removeExpiredRecords(db: Kysely<Database>, now: Date): Promise<Removed> {
  const stamp = now.toISOString();
  const finishedBy = new Date(now.getTime() - FINISHED_JOB_RETENTION_DAYS * 86_400_000).toISOString();
  return {
    sessions: await deleteExpiredSessions(db, stamp),
    oneTimeLinks: await deleteSpentOneTimeTokens(db, stamp),
    jobs: await deleteFinishedJobs(db, finishedBy),
    rateLimitWindows: await pruneRateLimits(db, now),
  };
}

/** The 'maintenance.cleanup' job: removeExpiredRecords at the time the job runs. */
export function createCleanupHandler(options: { db: Kysely<Database>; log: JobLog }): JobHandler {
  return async (_payload, ctx) => {
    const removed = await removeExpiredRecords(options.db, ctx.now);
    if (removed.sessions + removed.oneTimeLinks + removed.jobs + removed.rateLimitWindows > 0) options.log.info({ ...removed }, 'expired records removed');
  };
}
