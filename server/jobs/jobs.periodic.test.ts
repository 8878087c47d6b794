import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { enqueuePeriodicJobs, periodKey } from './jobs.periodic.ts';
import type { JobLog } from './jobs.service.ts';
import { startJobWorker } from './jobs.worker.ts';

const T0 = new Date('2024-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const HOURLY = { kind: 'test.hourly', everyMs: 3_600_000 };
const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe(`periodic jobs (${testEngine()})`, () => {
  it('names each period by its start, aligned to the epoch', () => {
    expect([periodKey(HOURLY, at(0)), periodKey(HOURLY, at(3599)), periodKey(HOURLY, at(3600))]).toEqual([
      'test.hourly@2024-03-01T08:00:00.000Z', 'test.hourly@2024-03-01T08:00:00.000Z', 'test.hourly@2024-03-01T09:00:00.000Z',
    ]);
  });

  it('is enqueued once per period even when many instances tick at the same time', async () => {
    const { db } = await database();
    // Each instance has its own memory of what it enqueued; only the database is shared.
    const tick = (now: Date) => Promise.all(Array.from({ length: 12 }, () => enqueuePeriodicJobs(db, [HOURLY], now, new Map())));
    const first = await tick(at(10));
    const again = await tick(at(3599));
    const next = await tick(at(3600));
    expect([first, again, next].map((ticks) => ticks.flat())).toEqual([
      ['test.hourly@2024-03-01T08:00:00.000Z'], [], ['test.hourly@2024-03-01T09:00:00.000Z'],
    ]);
    const rows = await db.selectFrom('jobs').select(['kind', 'unique_key', 'run_at', 'done_at']).orderBy('run_at').execute();
    expect(rows).toEqual([
      { kind: 'test.hourly', unique_key: 'test.hourly@2024-03-01T08:00:00.000Z', run_at: '2024-03-01T08:00:10.000Z', done_at: null },
      { kind: 'test.hourly', unique_key: 'test.hourly@2024-03-01T09:00:00.000Z', run_at: '2024-03-01T09:00:00.000Z', done_at: null },
    ]);
  });

  it('tries the database once per period per worker, not on every tick', async () => {
    const { db } = await database();
    const enqueued = new Map<string, string>();
    expect(await enqueuePeriodicJobs(db, [HOURLY], at(1), enqueued)).toEqual(['test.hourly@2024-03-01T08:00:00.000Z']);
    // Gone from the database (as after the retention), the job is still not enqueued again this period.
    await db.deleteFrom('jobs').execute();
    expect(await enqueuePeriodicJobs(db, [HOURLY], at(2), enqueued)).toEqual([]);
    expect(await db.selectFrom('jobs').select('id').execute()).toEqual([]);
  });

  it('runs once per period across two workers polling the same database', async () => {
    const { db, engine } = await database();
    let now = at(5);
    const runs: [string, string][] = [];
    const handlers = { [HOURLY.kind]: async (_: unknown, ctx: { workerId: string; now: Date }) => void runs.push([ctx.workerId, ctx.now.toISOString()]) };
    const workers = ['w1', 'w2'].map((workerId) =>
      startJobWorker({ db, engine, handlers, periodic: [HOURLY], log: quiet, intervalMs: 5, clock: () => now, workerId }));
    onTestFinished(() => Promise.all(workers.map((w) => w.stop())).then(() => undefined));
    await until(() => runs.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    now = at(3605);
    await until(() => runs.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs.map(([, when]) => when)).toEqual(['2024-03-01T08:00:05.000Z', '2024-03-01T09:00:05.000Z']);
    const rows = await db.selectFrom('jobs').select(['unique_key', 'done_at']).orderBy('run_at').execute();
    expect(rows).toEqual([
      { unique_key: 'test.hourly@2024-03-01T08:00:00.000Z', done_at: '2024-03-01T08:00:05.000Z' },
      { unique_key: 'test.hourly@2024-03-01T09:00:00.000Z', done_at: '2024-03-01T09:00:05.000Z' },
    ]);
  });
});
