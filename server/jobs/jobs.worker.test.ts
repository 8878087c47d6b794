import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { findJobById } from './jobs.repository.ts';
import { enqueueJob, type JobLog } from './jobs.service.ts';
import { startJobWorker } from './jobs.worker.ts';

const T0 = new Date('2024-03-01T08:00:00.000Z');

function recordingLog() {
  const lines: [string, object, string][] = [];
  const log: JobLog = {
    info: (obj, msg) => void lines.push(['info', obj, msg]),
    warn: (obj, msg) => void lines.push(['warn', obj, msg]),
    error: (obj, msg) => void lines.push(['error', obj, msg]),
  };
  return { log, lines };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe(`job worker (${testEngine()})`, () => {
  it('polls, runs each due job once, and stop() waits for the round in progress', async () => {
    const handle = await createTestDatabase();
    onTestFinished(() => handle.dispose());
    const { db, engine } = handle;
    const first = await enqueueJob(db, { kind: 'test.gate', payload: { n: 1 } }, T0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: unknown[] = [];
    const { log, lines } = recordingLog();
    const worker = startJobWorker({
      db, engine, log, intervalMs: 10, clock: () => T0, workerId: 'w-test',
      handlers: {
        'test.gate': async (payload) => {
          started.push(payload);
          if ((payload as { n: number }).n === 2) await gate;
        },
      },
    });

    await until(async () => (await findJobById(db, first))?.done_at === T0.toISOString());
    const second = await enqueueJob(db, { kind: 'test.gate', payload: { n: 2 } }, T0);
    await until(() => started.length === 2);

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await findJobById(db, second))?.done_at).toBe(T0.toISOString());

    await enqueueJob(db, { kind: 'test.gate', payload: { n: 3 } }, T0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual([{ n: 1 }, { n: 2 }]);
    expect(lines).toEqual([
      ['info', { workerId: 'w-test', ran: 1, succeeded: 1, retried: 0, failed: 0, lost: 0 }, 'jobs ran'],
      ['info', { workerId: 'w-test', ran: 1, succeeded: 1, retried: 0, failed: 0, lost: 0 }, 'jobs ran'],
    ]);
  });

  it('logs a failing job and a failing round, and keeps polling', async () => {
    const handle = await createTestDatabase();
    onTestFinished(() => handle.dispose());
    const { db, engine } = handle;
    const id = await enqueueJob(db, { kind: 'test.broken', payload: {} }, T0);
    const { log, lines } = recordingLog();
    let rounds = 0;
    const worker = startJobWorker({
      db, engine, log, intervalMs: 10, workerId: 'w-test',
      clock: () => {
        rounds += 1;
        if (rounds === 1) throw new Error('clock away');
        return T0;
      },
      handlers: { 'test.broken': async () => Promise.reject(new Error('always broken')) },
    });
    await until(async () => (await findJobById(db, id))?.attempts === 1);
    await worker.stop();
    expect(lines.slice(0, 3)).toEqual([
      ['error', { workerId: 'w-test', err: new Error('clock away') }, 'job round failed'],
      ['warn', { jobId: id, kind: 'test.broken', attempt: 1, maxAttempts: 8, error: 'always broken', retryAt: '2024-03-01T08:00:30.000Z' }, 'job failed; will retry'],
      ['info', { workerId: 'w-test', ran: 1, succeeded: 0, retried: 1, failed: 0, lost: 0 }, 'jobs ran'],
    ]);
  });
});
