import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { newId, type Clock } from '../ids.ts';
import { enqueuePeriodicJobs, type PeriodicJob } from './jobs.periodic.ts';
import { DEFAULT_LEASE_MS, runDueJobs, type JobHandlers, type JobLog } from './jobs.service.ts';

export interface JobWorker {
  readonly workerId: string;
  /** Stops polling and resolves once the round in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Polls for due jobs every `intervalMs` until stopped. Each round first enqueues the periodic
 * jobs of the current period (once across all instances), then runs up to `limit` due jobs.
 * Rounds never overlap: the next one is scheduled only after the previous one ends, at once when
 * it filled its limit (more may be waiting). A failing round (the database away) is logged and
 * retried on the next tick.
 */
export function startJobWorker(options: {
  db: Kysely<Database>;
  engine: Engine;
  handlers: JobHandlers;
  periodic?: readonly PeriodicJob[];
  log: JobLog;
  intervalMs: number;
  clock: Clock;
  workerId?: string;
  limit?: number;
  leaseMs?: number;
}): JobWorker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
  const limit = options.limit ?? 20;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;
  const periodsEnqueued = new Map<string, string>();

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      round = runRound().finally(() => {
        round = undefined;
      });
    }, delayMs);
  };

  const runRound = async () => {
    let full = false;
    try {
      if (options.periodic) await enqueuePeriodicJobs(options.db, options.periodic, options.clock(), periodsEnqueued);
      const summary = await runDueJobs({
        db: options.db,
        engine: options.engine,
        handlers: options.handlers,
        clock: options.clock,
        workerId,
        limit,
        leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
        log: options.log,
      });
      if (summary.ran > 0) options.log.info({ workerId, ...summary }, 'jobs ran');
      full = summary.ran >= limit;
    } catch (error) {
      options.log.error({ workerId, err: error }, 'job round failed');
    }
    schedule(full ? 0 : options.intervalMs);
  };

  schedule(0);
  return {
    workerId,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await round;
    },
  };
}
