import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { findJobById } from './jobs.repository.ts';
import { enqueueJob, runDueJobs, type JobContext, type JobRunSummary } from './jobs.service.ts';

const T0 = new Date('2024-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const none: JobRunSummary = { ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 };

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`job leases (${testEngine()})`, () => {
  it('a worker whose lease expired cannot mark the job done once another worker has taken it', async () => {
    const { db, engine } = await database();
    const id = await enqueueJob(db, { kind: 'test.stall', payload: {} }, T0);
    const ran: string[] = [];
    let w1Now = T0;
    let w2: JobRunSummary | undefined;
    const handlers = {
      'test.stall': async (_: unknown, ctx: JobContext) => {
        ran.push(ctx.workerId);
        if (ctx.workerId !== 'w1') return;
        // w1 stalls past its 60 s lease (its clock stands still meanwhile); w2 finds the job free.
        w2 = await runDueJobs({ db, engine, handlers, clock: () => at(61), workerId: 'w2', limit: 10, leaseMs: 60_000 });
        w1Now = at(62);
      },
    };
    const w1 = await runDueJobs({ db, engine, handlers, clock: () => w1Now, workerId: 'w1', limit: 10, leaseMs: 60_000 });

    expect(ran).toEqual(['w1', 'w2']);
    expect(w2).toEqual({ ...none, ran: 1, succeeded: 1 });
    expect(w1).toEqual({ ...none, ran: 1, lost: 1 });
    const row = await findJobById(db, id);
    expect([row?.done_at, row?.attempts, row?.locked_by, row?.lease_token, row?.last_error]).toEqual(['2024-03-01T08:01:01.000Z', 0, null, null, null]);
  });

  it('a worker whose lease expired cannot mark the job failed either, and the next worker runs it', async () => {
    const { db, engine } = await database();
    const id = await enqueueJob(db, { kind: 'test.flaky', payload: {} }, T0);
    const clocks = [T0, at(61)];
    const handlers = {
      'test.flaky': async (_: unknown, ctx: JobContext) => {
        if (ctx.workerId === 'w1') throw new Error('refused after the lease ran out');
      },
    };
    // w1 leases at T0 for 60 s and fails at +61 s: its lease has expired, so the failure is not recorded.
    const w1 = await runDueJobs({ db, engine, handlers, clock: () => clocks.shift() ?? at(61), workerId: 'w1', limit: 1, leaseMs: 60_000 });
    expect(w1).toEqual({ ...none, ran: 1, lost: 1 });
    const left = await findJobById(db, id);
    expect([left?.attempts, left?.last_error, left?.run_at, left?.failed_at, left?.locked_by, left?.locked_until]).toEqual([
      0, null, '2024-03-01T08:00:00.000Z', null, 'w1', '2024-03-01T08:01:00.000Z',
    ]);
    expect(await runDueJobs({ db, engine, handlers, clock: () => at(70), workerId: 'w3', limit: 1, leaseMs: 60_000 })).toEqual({ ...none, ran: 1, succeeded: 1 });
    expect((await findJobById(db, id))?.done_at).toBe('2024-03-01T08:01:10.000Z');
  });

  it('renews the lease while a job runs, so no other worker takes a job that outlasts it', async () => {
    const { db, engine } = await database();
    const id = await enqueueJob(db, { kind: 'test.slow', payload: {} }, T0);
    const ran: string[] = [];
    const handlers = {
      'test.slow': async (_: unknown, ctx: JobContext) => {
        ran.push(ctx.workerId);
        await sleep(1500);
      },
    };
    const clock = () => new Date();
    const w1 = runDueJobs({ db, engine, handlers, clock, workerId: 'w1', limit: 1, leaseMs: 600 });
    const others: JobRunSummary[] = [];
    for (let i = 0; i < 6; i++) {
      await sleep(220);
      others.push(await runDueJobs({ db, engine, handlers, clock, workerId: `w${i + 2}`, limit: 1, leaseMs: 600 }));
    }
    expect(await w1).toEqual({ ...none, ran: 1, succeeded: 1 });
    expect(others).toEqual(Array(6).fill(none));
    expect(ran).toEqual(['w1']);
    expect((await findJobById(db, id))?.locked_by).toBeNull();
  });
});
