import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { insertJobOnce } from './jobs.repository.ts';
import { jobRow } from './jobs.service.ts';

/** A job every instance's worker enqueues once per period; the periods are aligned to the epoch (UTC). */
export interface PeriodicJob {
  kind: string;
  everyMs: number;
}

/** The key naming the period `now` falls in, such as "maintenance.cleanup@2024-03-01T08:00:00.000Z". */
export function periodKey(job: PeriodicJob, now: Date): string {
  const start = Math.floor(now.getTime() / job.everyMs) * job.everyMs;
  return `${job.kind}@${new Date(start).toISOString()}`;
}

/**
 * Enqueues each periodic job for the period `now` falls in, unless any instance already has: the
 * job's unique key names its period, and an insert that meets it does nothing. `enqueued`
 * remembers, per worker, the periods already handled, so a worker tries once per period, not on
 * every tick. Returns the keys this call enqueued.
 */
export async function enqueuePeriodicJobs(
  db: Kysely<Database>,
  periodic: readonly PeriodicJob[],
  now: Date,
  enqueued: Map<string, string>,
): Promise<string[]> {
  const mine: string[] = [];
  for (const job of periodic) {
    const key = periodKey(job, now);
    if (enqueued.get(job.kind) === key) continue;
    if (await insertJobOnce(db, { ...jobRow(newId(), { kind: job.kind, payload: {} }, now), unique_key: key })) mine.push(key);
    enqueued.set(job.kind, key);
  }
  return mine;
}
