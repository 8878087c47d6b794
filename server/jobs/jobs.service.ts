import type { Kysely } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { insertJob, leaseDueJobs, markJobAttemptFailed, markJobDone } from './jobs.repository.ts';

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;
const ERROR_MAX_LENGTH = 2000;

export interface JobContext {
  jobId: string;
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
  /** True when a failure now fails the job for good, so a handler can record that on its own rows. */
  isLastAttempt: boolean;
  now: Date;
  workerId: string;
}

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobRunSummary {
  ran: number;
  succeeded: number;
  retried: number;
  failed: number;
}

/** The wait before the next attempt after `attempts` failures: 30 s, doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * Writes a job through the caller's connection or transaction, so the job exists exactly when
 * the change that causes it commits. Returns the job's id.
 */
export async function enqueueJob(
  db: Kysely<Database>,
  job: { kind: string; payload: object; runAt?: Date; maxAttempts?: number },
  now: Date,
): Promise<string> {
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a whole number ≥ 1 (got ${maxAttempts})`);
  const id = newId();
  await insertJob(db, {
    id,
    kind: job.kind,
    payload: JSON.stringify(job.payload),
    run_at: (job.runAt ?? now).toISOString(),
    max_attempts: maxAttempts,
    locked_until: null,
    locked_by: null,
    last_error: null,
    done_at: null,
    failed_at: null,
    created_at: now.toISOString(),
  });
  return id;
}

/**
 * Leases up to `limit` due jobs whose kind has a handler and runs them one by one. A job is run by
 * one worker at a time (until its lease expires); success completes it, failure reschedules it
 * with exponential backoff, and the last allowed failure marks it failed. A handler's error never
 * escapes; only a database error does.
 */
export async function runDueJobs(options: {
  db: Kysely<Database>;
  engine: Engine;
  handlers: JobHandlers;
  now: Date;
  workerId: string;
  limit: number;
  leaseMs?: number;
  log?: JobLog;
}): Promise<JobRunSummary> {
  const { db, handlers, now, workerId } = options;
  const summary: JobRunSummary = { ran: 0, succeeded: 0, retried: 0, failed: 0 };
  const kinds = Object.keys(handlers);
  if (kinds.length === 0 || options.limit < 1) return summary;
  const stamp = now.toISOString();
  const jobs = await leaseDueJobs(db, options.engine, {
    kinds,
    now: stamp,
    workerId,
    lockedUntil: new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString(),
    limit: options.limit,
  });
  for (const job of jobs) {
    summary.ran += 1;
    const attempt = job.attempts + 1;
    const ctx: JobContext = {
      jobId: job.id,
      attempt,
      maxAttempts: job.max_attempts,
      isLastAttempt: attempt >= job.max_attempts,
      now,
      workerId,
    };
    try {
      await handlers[job.kind]!(JSON.parse(job.payload) as unknown, ctx);
      await markJobDone(db, job.id, workerId, stamp);
      summary.succeeded += 1;
    } catch (error) {
      const message = describeError(error);
      const failedAt = ctx.isLastAttempt ? stamp : null;
      const runAt = failedAt ? job.run_at : new Date(now.getTime() + retryDelayMs(attempt)).toISOString();
      await markJobAttemptFailed(db, job.id, workerId, { attempts: attempt, error: message, runAt, failedAt });
      if (failedAt) summary.failed += 1;
      else summary.retried += 1;
      options.log?.warn(
        { jobId: job.id, kind: job.kind, attempt, maxAttempts: job.max_attempts, error: message, ...(failedAt ? {} : { retryAt: runAt }) },
        failedAt ? 'job failed for good' : 'job failed; will retry',
      );
    }
  }
  return summary;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > ERROR_MAX_LENGTH ? `${text.slice(0, ERROR_MAX_LENGTH - 1)}…` : text;
}
