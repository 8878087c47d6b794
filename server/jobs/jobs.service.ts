import type { Kysely } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { newId, type Clock } from '../ids.ts';
import { insertJob, leaseNextJob, markJobAttemptFailed, markJobDone, renewJobLease, type JobRow, type Lease } from './jobs.repository.ts';

export const DEFAULT_MAX_ATTEMPTS = 8;
/** Renewed every third of it while the job runs, so only a stalled or dead worker loses it. */
export const DEFAULT_LEASE_MS = 60_000;
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
  /** Names this attempt's lease; a handler's own claims (a mail being sent) carry it. */
  leaseToken: string;
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
  /** Ran, but the lease had expired when the job finished: the outcome was dropped. */
  lost: number;
}

interface RunOptions {
  db: Kysely<Database>;
  engine: Engine;
  handlers: JobHandlers;
  clock: Clock;
  workerId: string;
  limit: number;
  leaseMs?: number;
  log?: JobLog;
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
  const id = newId();
  await insertJob(db, jobRow(id, job, now));
  return id;
}

/** The row of a new job, due at `runAt` or now. */
export function jobRow(id: string, job: { kind: string; payload: object; runAt?: Date; maxAttempts?: number }, now: Date) {
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a whole number ≥ 1 (got ${maxAttempts})`);
  return {
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
  };
}

/**
 * Runs up to `limit` due jobs whose kind has a handler, leasing one at a time, so a job waits for
 * no other job's run. The lease is renewed while the job runs and carries a token drawn for this
 * attempt: a worker whose lease expired (and whose job another worker may have taken) can no
 * longer finish it. Success completes the job, failure reschedules it with exponential backoff,
 * and the last allowed failure marks it failed. A handler's error never escapes; only a database
 * error does.
 */
export async function runDueJobs(options: RunOptions): Promise<JobRunSummary> {
  const summary: JobRunSummary = { ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 };
  const kinds = Object.keys(options.handlers);
  if (kinds.length === 0) return summary;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  while (summary.ran < options.limit) {
    const now = options.clock();
    const lease: Lease = { workerId: options.workerId, token: newId() };
    const job = await leaseNextJob(options.db, options.engine, { ...lease, kinds, now: now.toISOString(), lockedUntil: later(now, leaseMs) });
    if (!job) break;
    summary.ran += 1;
    summary[await runLeasedJob(options, job, lease, now, leaseMs)] += 1;
  }
  return summary;
}

async function runLeasedJob(
  options: RunOptions,
  job: JobRow,
  lease: Lease,
  leasedAt: Date,
  leaseMs: number,
): Promise<'succeeded' | 'retried' | 'failed' | 'lost'> {
  const { db, log } = options;
  const attempt = job.attempts + 1;
  const ctx: JobContext = {
    jobId: job.id,
    attempt,
    maxAttempts: job.max_attempts,
    isLastAttempt: attempt >= job.max_attempts,
    now: leasedAt,
    workerId: lease.workerId,
    leaseToken: lease.token,
  };
  const renewal = keepLeaseAlive(options, job.id, lease, leaseMs);
  let failure: { error: unknown } | undefined;
  try {
    await options.handlers[job.kind]!(JSON.parse(job.payload) as unknown, ctx);
  } catch (error) {
    failure = { error };
  } finally {
    await renewal.stop();
  }
  const now = options.clock();
  const stamp = now.toISOString();
  if (!failure) {
    if (await markJobDone(db, job.id, { ...lease, now: stamp })) return 'succeeded';
  } else {
    const message = describeError(failure.error);
    const failedAt = ctx.isLastAttempt ? stamp : null;
    const runAt = failedAt ? job.run_at : later(now, retryDelayMs(attempt));
    if (await markJobAttemptFailed(db, job.id, { ...lease, now: stamp }, { attempts: attempt, error: message, runAt, failedAt })) {
      log?.warn(
        { jobId: job.id, kind: job.kind, attempt, maxAttempts: job.max_attempts, error: message, ...(failedAt ? {} : { retryAt: runAt }) },
        failedAt ? 'job failed for good' : 'job failed; will retry',
      );
      return failedAt ? 'failed' : 'retried';
    }
  }
  log?.warn({ jobId: job.id, kind: job.kind, attempt, workerId: lease.workerId }, 'job lease expired before the job finished; its outcome is dropped');
  return 'lost';
}

/** Renews the lease every third of its length until stopped; a renewal never overlaps the last. */
function keepLeaseAlive(options: RunOptions, jobId: string, lease: Lease, leaseMs: number) {
  let renewing: Promise<void> | undefined;
  let held = true;
  const timer = setInterval(() => {
    if (renewing || !held) return;
    const now = options.clock();
    renewing = renewJobLease(options.db, jobId, { ...lease, now: now.toISOString(), lockedUntil: later(now, leaseMs) })
      .then((renewed) => {
        held = renewed;
      })
      .catch((error: unknown) => options.log?.error({ jobId, err: error }, 'job lease renewal failed'))
      .finally(() => {
        renewing = undefined;
      });
  }, Math.max(1, Math.floor(leaseMs / 3)));
  return {
    async stop() {
      clearInterval(timer);
      await renewing;
    },
  };
}

function later(now: Date, ms: number): string {
  return new Date(now.getTime() + ms).toISOString();
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > ERROR_MAX_LENGTH ? `${text.slice(0, ERROR_MAX_LENGTH - 1)}…` : text;
}
