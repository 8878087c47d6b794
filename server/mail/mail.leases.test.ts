import { describe, expect, it, onTestFinished } from 'vitest';
import type { Clock } from '../ids.ts';
import { runDueJobs, type JobHandlers, type JobRunSummary } from '../jobs/jobs.service.ts';
import { startSmtpTestServer } from '../testing/smtp-test-server.ts';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { createMailSendHandler, MAIL_SEND_JOB, queueMail } from './mail.service.ts';
import { createSmtpTransport } from './mail.transport.ts';

const T0 = new Date('2024-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const FROM = '征集平台 <no-reply@zhengji.example.cn>';
const VERIFY = { to: 'li.na@example.cn', locale: 'zh-CN', template: 'verify_email', params: { link: 'https://zhengji.example.cn/app/verify?token=t1' } } as const;
const systemTime: Clock = () => new Date();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => Promise<boolean>) {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(5);
  }
}

/** A database, an SMTP server answering each message after `delayMs`, and workers sharing both. */
async function setup(options: { delayMs: number; leaseMs: number; clock: Clock }) {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  const server = await startSmtpTestServer(0, { delayMs: options.delayMs });
  onTestFinished(() => server.close());
  const transport = createSmtpTransport(server.url);
  onTestFinished(() => transport.close());
  const { db, engine } = handle;
  const handlers: JobHandlers = { [MAIL_SEND_JOB]: createMailSendHandler({ db, transport, from: FROM, clock: options.clock }) };
  const worker = (workerId: string, startAfterMs = 0): Promise<JobRunSummary> =>
    sleep(startAfterMs).then(() => runDueJobs({ db, engine, handlers, clock: options.clock, workerId, limit: 10, leaseMs: options.leaseMs }));
  return { db, server, worker };
}

const total = (summaries: JobRunSummary[], key: keyof JobRunSummary) => summaries.reduce((sum, s) => sum + s[key], 0);

describe(`mail delivery under job leases (${testEngine()})`, () => {
  it('delivers each mail exactly once when the SMTP server is slower than the lease and a second worker polls meanwhile', async () => {
    const { db, server, worker } = await setup({ delayMs: 1200, leaseMs: 400, clock: systemTime });
    const ids = [await queueMail(db, { ...VERIFY, to: 'user0@example.cn' }, at(0)), await queueMail(db, { ...VERIFY, to: 'user1@example.cn' }, at(1))];
    // w2 polls once w1's first lease would have run out without renewal; w3 while w2 still sends.
    const summaries = await Promise.all([worker('w1'), worker('w2', 600), worker('w3', 1500)]);

    expect(server.received.map((m) => m.envelope.to).sort()).toEqual([['user0@example.cn'], ['user1@example.cn']]);
    expect((await server.parsed()).map((m) => m.messageId).sort()).toEqual(ids.map((id) => `<${id}@zhengji>`).sort());
    expect([total(summaries, 'ran'), total(summaries, 'succeeded'), total(summaries, 'lost')]).toEqual([2, 2, 0]);
    const rows = await db.selectFrom('mails').select(['id', 'status', 'sending_job_id', 'sending_lease_token']).orderBy('created_at').execute();
    expect(rows).toEqual(ids.map((id) => ({ id, status: 'sent', sending_job_id: null, sending_lease_token: null })));
  });

  it('a second job for a mail being sent does not send it again while the first attempt holds its lease', async () => {
    const { db, server, worker } = await setup({ delayMs: 800, leaseMs: 60_000, clock: systemTime });
    const id = await queueMail(db, VERIFY, at(0));
    // Due only once w1 has started: w1 cannot take both jobs in one round, w2 gets this one.
    const dueSoon = new Date(Date.now() + 50).toISOString();
    await db.insertInto('jobs').values({ id: 'dup', kind: MAIL_SEND_JOB, payload: JSON.stringify({ mailId: id }), run_at: dueSoon, max_attempts: 8, created_at: dueSoon }).execute();
    let seenMidSend: unknown;
    const w2 = until(async () => (await db.selectFrom('mails').select('status').executeTakeFirst())?.status === 'sending').then(async () => {
      await sleep(60);
      const summary = await worker('w2');
      seenMidSend = await db.selectFrom('mails').select(['status', 'sending_job_id']).executeTakeFirst();
      return summary;
    });
    const summaries = await Promise.all([worker('w1'), w2]);

    expect(server.received.length).toBe(1);
    const first = await db.selectFrom('jobs').select('id').where('id', '!=', 'dup').executeTakeFirstOrThrow();
    // w2 ran the duplicate job and left the mail to the attempt sending it.
    expect(seenMidSend).toEqual({ status: 'sending', sending_job_id: first.id });
    expect(summaries.map((s) => [s.ran, s.succeeded])).toEqual([[1, 1], [1, 1]]);
    expect(await db.selectFrom('mails').select(['status', 'message_id']).executeTakeFirst()).toEqual({ status: 'sent', message_id: `<${id}@zhengji>` });
  });

  it('sends again, with the same Message-ID, a mail left sending by an attempt whose lease expired', async () => {
    const { db, server, worker } = await setup({ delayMs: 0, leaseMs: 60_000, clock: () => at(31) });
    const id = await queueMail(db, VERIFY, at(0));
    // A worker claimed the mail and died before SMTP answered: its lease ran out at +30 s.
    const job = await db.updateTable('jobs').set({ locked_by: 'crashed', lease_token: 'dead', locked_until: at(30).toISOString() }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('mails').set({ status: 'sending', sending_job_id: job.id, sending_lease_token: 'dead' }).execute();

    expect(await worker('w2')).toEqual({ ran: 1, succeeded: 1, retried: 0, failed: 0, lost: 0 });
    expect((await server.parsed()).map((m) => [m.messageId, m.to])).toEqual([[`<${id}@zhengji>`, expect.objectContaining({ text: 'li.na@example.cn' })]]);
    expect(await db.selectFrom('mails').select(['status', 'sent_at', 'sending_lease_token']).executeTakeFirst()).toEqual({ status: 'sent', sent_at: '2024-03-01T08:00:31.000Z', sending_lease_token: null });
  });
});
