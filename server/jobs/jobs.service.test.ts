import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { findJobById, leaseNextJob } from './jobs.repository.ts';
import { enqueueJob, retryDelayMs, runDueJobs, type JobContext } from './jobs.service.ts';

const T0 = new Date('2024-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle;
}

describe('retryDelayMs', () => {
  it('waits 30 s, doubling per failure, never more than an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe(`jobs (${testEngine()})`, () => {
  it('writes a job row with its payload as JSON, due now, 8 attempts by default', async () => {
    const { db } = await database();
    const id = await enqueueJob(db, { kind: 'test.echo', payload: { n: 1, text: '征集' } }, T0);
    expect(await findJobById(db, id)).toEqual({
      id, kind: 'test.echo', payload: '{"n":1,"text":"征集"}', run_at: '2024-03-01T08:00:00.000Z', attempts: 0, max_attempts: 8,
      locked_until: null, locked_by: null, lease_token: null, unique_key: null, last_error: null, done_at: null, failed_at: null,
      created_at: '2024-03-01T08:00:00.000Z',
    });
  });

  it('does not exist when the transaction that enqueued it rolls back', async () => {
    const { db } = await database();
    let enqueued = '';
    await expect(
      db.transaction().execute(async (trx) => {
        enqueued = await enqueueJob(trx, { kind: 'test.echo', payload: {} }, T0);
        throw new Error('the causing change failed');
      }),
    ).rejects.toThrow('the causing change failed');
    expect(enqueued).not.toBe('');
    expect(await findJobById(db, enqueued)).toBeUndefined();
    expect(await db.selectFrom('jobs').select('id').execute()).toEqual([]);
  });

  it('runs a due job once with its payload and marks it done', async () => {
    const { db, engine } = await database();
    const id = await enqueueJob(db, { kind: 'test.echo', payload: { n: 7 } }, T0);
    const seen: [unknown, JobContext][] = [];
    const handlers = { 'test.echo': async (payload: unknown, ctx: JobContext) => void seen.push([payload, ctx]) };
    const run = (now: Date) => runDueJobs({ db, engine, handlers, clock: () => now, workerId: 'w1', limit: 10, leaseMs: 60_000 });

    expect(await run(at(5))).toEqual({ ran: 1, succeeded: 1, retried: 0, failed: 0, lost: 0 });
    expect(await run(at(6))).toEqual({ ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 });
    expect(seen).toEqual([[{ n: 7 }, { jobId: id, attempt: 1, maxAttempts: 8, isLastAttempt: false, now: at(5), workerId: 'w1', leaseToken: expect.any(String) }]]);
    const row = await findJobById(db, id);
    expect([row?.done_at, row?.failed_at, row?.attempts, row?.locked_by, row?.locked_until]).toEqual(['2024-03-01T08:00:05.000Z', null, 0, null, null]);
  });

  it('leaves jobs that are not due, have no handler here, or are leased by a live worker', async () => {
    const { db, engine } = await database();
    const later = await enqueueJob(db, { kind: 'test.echo', payload: {}, runAt: at(60) }, T0);
    await enqueueJob(db, { kind: 'test.other', payload: {} }, T0);
    const leased = await enqueueJob(db, { kind: 'test.echo', payload: {} }, T0);
    await db.updateTable('jobs').set({ locked_by: 'w0', locked_until: at(30).toISOString() }).where('id', '=', leased).execute();
    const ran: string[] = [];
    const handlers = { 'test.echo': async (_: unknown, ctx: JobContext) => void ran.push(ctx.jobId) };
    const run = (now: Date) => runDueJobs({ db, engine, handlers, clock: () => now, workerId: 'w1', limit: 10, leaseMs: 60_000 });

    expect(await run(at(10))).toEqual({ ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 });
    // The lease of the worker that vanished expires at +30 s; the delayed job is due at +60 s.
    expect(await run(at(30))).toEqual({ ran: 1, succeeded: 1, retried: 0, failed: 0, lost: 0 });
    expect(await run(at(60))).toEqual({ ran: 1, succeeded: 1, retried: 0, failed: 0, lost: 0 });
    expect(ran).toEqual([leased, later]);
  });

  it('takes at most `limit` jobs a round, oldest first', async () => {
    const { db, engine } = await database();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await enqueueJob(db, { kind: 'test.echo', payload: { i }, runAt: at(i) }, T0));
    const ran: unknown[] = [];
    const handlers = { 'test.echo': async (payload: unknown) => void ran.push(payload) };
    expect(await runDueJobs({ db, engine, handlers, clock: () => at(10), workerId: 'w1', limit: 3, leaseMs: 60_000 })).toEqual({ ran: 3, succeeded: 3, retried: 0, failed: 0, lost: 0 });
    expect(await runDueJobs({ db, engine, handlers, clock: () => at(10), workerId: 'w1', limit: 3, leaseMs: 60_000 })).toEqual({ ran: 2, succeeded: 2, retried: 0, failed: 0, lost: 0 });
    expect(ran).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }, { i: 3 }, { i: 4 }]);
  });

  it('retries a failing job with backoff written to run_at and fails it after max attempts', async () => {
    const { db, engine } = await database();
    const id = await enqueueJob(db, { kind: 'test.flaky', payload: {}, maxAttempts: 3 }, T0);
    const attempts: [number, boolean][] = [];
    const handlers = {
      'test.flaky': async (_: unknown, ctx: JobContext) => {
        attempts.push([ctx.attempt, ctx.isLastAttempt]);
        throw new Error(`refused #${ctx.attempt}`);
      },
    };
    const run = (now: Date) => runDueJobs({ db, engine, handlers, clock: () => now, workerId: 'w1', limit: 10, leaseMs: 60_000 });
    const state = async () => {
      const r = await findJobById(db, id);
      return [r?.attempts, r?.run_at, r?.last_error, r?.failed_at, r?.done_at, r?.locked_by];
    };

    expect(await run(T0)).toEqual({ ran: 1, succeeded: 0, retried: 1, failed: 0, lost: 0 });
    expect(await state()).toEqual([1, '2024-03-01T08:00:30.000Z', 'refused #1', null, null, null]);
    expect(await run(at(29))).toEqual({ ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 });
    expect(await run(at(30))).toEqual({ ran: 1, succeeded: 0, retried: 1, failed: 0, lost: 0 });
    expect(await state()).toEqual([2, '2024-03-01T08:01:30.000Z', 'refused #2', null, null, null]);
    expect(await run(at(90))).toEqual({ ran: 1, succeeded: 0, retried: 0, failed: 1, lost: 0 });
    expect(await state()).toEqual([3, '2024-03-01T08:01:30.000Z', 'refused #3', '2024-03-01T08:01:30.000Z', null, null]);
    expect(await run(at(100_000))).toEqual({ ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 });
    expect(attempts).toEqual([[1, false], [2, false], [3, true]]);
  });

  it('never gives one job to two workers running at the same time, and leases one job at a time', async () => {
    const { db, engine } = await database();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await enqueueJob(db, { kind: 'test.slow', payload: { i }, runAt: at(i / 100) }, T0));
    const runs: [string, string][] = [];
    const handlers = {
      'test.slow': async (_: unknown, ctx: JobContext) => {
        // While this job runs, only it is leased: the rest stay free for the other worker.
        const leased = await db.selectFrom('jobs').select('id').where('locked_by', '=', ctx.workerId).execute();
        expect(leased).toEqual([{ id: ctx.jobId }]);
        runs.push([ctx.jobId, ctx.workerId]);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    };
    const round = (workerId: string) => runDueJobs({ db, engine, handlers, clock: () => at(1), workerId, limit: 12, leaseMs: 60_000 });
    const [a, b] = await Promise.all([round('w1'), round('w2')]);
    expect(a.ran + b.ran).toBe(12);
    expect([a.ran, b.ran].every((n) => n > 0)).toBe(true);
    expect([a.succeeded + b.succeeded, a.lost + b.lost]).toEqual([12, 0]);
    expect(runs.map(([id]) => id).sort()).toEqual([...ids].sort());
    const done = await db.selectFrom('jobs').select(['id', 'done_at', 'locked_by', 'lease_token']).orderBy('id').execute();
    expect(done).toEqual([...ids].sort().map((id) => ({ id, done_at: '2024-03-01T08:00:01.000Z', locked_by: null, lease_token: null })));
  });

  it.runIf(testEngine() === 'postgres')('skips, without waiting, a job another instance is leasing in an open transaction', async () => {
    const { db, engine } = await database();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await enqueueJob(db, { kind: 'test.echo', payload: { i }, runAt: at(i) }, T0));
    const ranByW2: string[] = [];
    const handlers = { 'test.echo': async (_: unknown, ctx: JobContext) => void ranByW2.push(ctx.jobId) };
    const lease = { kinds: ['test.echo'], now: at(20).toISOString(), lockedUntil: at(80).toISOString(), token: 'w1-token' };
    await db.transaction().execute(async (trx) => {
      expect((await leaseNextJob(trx, engine, { ...lease, workerId: 'w1' }))?.id).toBe(ids[0]);
      // w1 has not committed: its row still looks free to others, but it is row-locked.
      const w2 = await runDueJobs({ db, engine, handlers, clock: () => at(20), workerId: 'w2', limit: 8, leaseMs: 60_000 });
      expect(w2).toEqual({ ran: 3, succeeded: 3, retried: 0, failed: 0, lost: 0 });
    });
    expect(ranByW2).toEqual(ids.slice(1));
    expect(await runDueJobs({ db, engine, handlers, clock: () => at(21), workerId: 'w3', limit: 8, leaseMs: 60_000 })).toEqual({ ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 });
    const rows = await db.selectFrom('jobs').select(['id', 'locked_by', 'lease_token', 'done_at']).orderBy('run_at').execute();
    expect(rows).toEqual(ids.map((id, i) => (i === 0
      ? { id, locked_by: 'w1', lease_token: 'w1-token', done_at: null }
      : { id, locked_by: null, lease_token: null, done_at: '2024-03-01T08:00:20.000Z' })));
  });
});
