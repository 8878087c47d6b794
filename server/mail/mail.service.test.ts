import { describe, expect, it, onTestFinished } from 'vitest';
import { runDueJobs, type JobHandlers } from '../jobs/jobs.service.ts';
import { createTestDatabase, testEngine } from '../testing/test-database.ts';
import { findMailById } from './mail.repository.ts';
import { createMailSendHandler, MAIL_SEND_JOB, queueMail } from './mail.service.ts';
import { createSmtpTransport, type MailTransport } from './mail.transport.ts';
import { closedPort, startSmtpTestServer } from '../testing/smtp-test-server.ts';

const T0 = new Date('2024-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const FROM = '征集平台 <no-reply@zhengji.example.cn>';
const VERIFY = { to: 'li.na@example.cn', locale: 'zh-CN', template: 'verify_email', params: { link: 'https://zhengji.example.cn/app/verify?token=t1' } } as const;

async function setup(transport: MailTransport | undefined) {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  if (transport) onTestFinished(() => transport.close());
  const { db, engine } = handle;
  const handlers: JobHandlers = { [MAIL_SEND_JOB]: createMailSendHandler({ db, transport, from: FROM, clock: () => at(1) }) };
  const run = (now: Date, workerId = 'w1') => runDueJobs({ db, engine, handlers, clock: () => now, workerId, limit: 10, leaseMs: 60_000 });
  return { db, engine, run };
}

async function smtp(port?: number) {
  const server = await startSmtpTestServer(port);
  onTestFinished(() => server.close());
  return server;
}

const statusOf = async (db: Parameters<typeof findMailById>[0], id: string) => {
  const m = await findMailById(db, id);
  return [m?.status, m?.last_error, m?.message_id, m?.sent_at];
};

describe(`mail delivery (${testEngine()})`, () => {
  it('delivers a queued mail once through SMTP and marks it sent', async () => {
    const server = await smtp();
    const { db, run } = await setup(createSmtpTransport(server.url));
    const id = await queueMail(db, VERIFY, T0);
    expect(await statusOf(db, id)).toEqual(['queued', null, null, null]);

    expect(await run(T0)).toEqual({ ran: 1, succeeded: 1, retried: 0, failed: 0, lost: 0 });
    expect(await run(at(60))).toEqual({ ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 });

    expect(await statusOf(db, id)).toEqual(['sent', null, `<${id}@zhengji>`, '2024-03-01T08:00:01.000Z']);
    expect(server.received.map((m) => m.envelope)).toEqual([{ from: 'no-reply@zhengji.example.cn', to: ['li.na@example.cn'] }]);
    const [mail] = await server.parsed();
    expect(mail?.subject).toBe('「征集平台」请验证您的邮箱');
    expect(mail?.messageId).toBe(`<${id}@zhengji>`);
    expect(mail?.from?.value).toEqual([{ name: '征集平台', address: 'no-reply@zhengji.example.cn' }]);
    expect(mail?.to).toEqual({ value: [{ name: '', address: 'li.na@example.cn' }], html: expect.any(String), text: 'li.na@example.cn' });
    expect(mail?.text?.split('\n\n')[2]).toBe('验证邮箱：\nhttps://zhengji.example.cn/app/verify?token=t1');
    expect(mail?.html).toContain('<a href="https://zhengji.example.cn/app/verify?token=t1"');
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('never sends a mail twice, even when its job runs again', async () => {
    const server = await smtp();
    const { db, run } = await setup(createSmtpTransport(server.url));
    const id = await queueMail(db, VERIFY, T0);
    // A second job for the same mail, as after a worker died between sending and finishing.
    await db.insertInto('jobs').values({ id: 'dup', kind: MAIL_SEND_JOB, payload: JSON.stringify({ mailId: id }), run_at: T0.toISOString(), max_attempts: 8, created_at: T0.toISOString() }).execute();
    expect(await run(T0)).toEqual({ ran: 2, succeeded: 2, retried: 0, failed: 0, lost: 0 });
    expect(await run(at(3600))).toEqual({ ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 });
    expect(server.received.length).toBe(1);
  });

  it('delivers each mail exactly once when two workers run at the same time', async () => {
    const server = await smtp();
    const { db, run } = await setup(createSmtpTransport(server.url));
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await queueMail(db, { ...VERIFY, to: `user${i}@example.cn` }, at(i)));
    const [a, b] = await Promise.all([run(at(10), 'w1'), run(at(10), 'w2')]);
    expect(a.succeeded + b.succeeded).toBe(6);
    expect(server.received.flatMap((m) => m.envelope.to).sort()).toEqual(['user0', 'user1', 'user2', 'user3', 'user4', 'user5'].map((u) => `${u}@example.cn`));
    const rows = await db.selectFrom('mails').select(['id', 'status', 'message_id']).orderBy('created_at').execute();
    expect(rows).toEqual(ids.map((id) => ({ id, status: 'sent', message_id: `<${id}@zhengji>` })));
  });

  it('retries with backoff while SMTP is down and delivers once it is back', async () => {
    const port = await closedPort();
    const { db, run } = await setup(createSmtpTransport(`smtp://127.0.0.1:${port}`));
    const id = await queueMail(db, VERIFY, T0);
    const refused = `connect ECONNREFUSED 127.0.0.1:${port}`;
    const job = async () => db.selectFrom('jobs').select(['attempts', 'run_at', 'last_error', 'done_at', 'failed_at']).executeTakeFirstOrThrow();

    expect(await run(T0)).toEqual({ ran: 1, succeeded: 0, retried: 1, failed: 0, lost: 0 });
    expect(await job()).toEqual({ attempts: 1, run_at: '2024-03-01T08:00:30.000Z', last_error: refused, done_at: null, failed_at: null });
    expect(await statusOf(db, id)).toEqual(['queued', refused, null, null]);
    expect(await run(at(29))).toEqual({ ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 });
    expect(await run(at(30))).toEqual({ ran: 1, succeeded: 0, retried: 1, failed: 0, lost: 0 });
    expect(await job()).toEqual({ attempts: 2, run_at: '2024-03-01T08:01:30.000Z', last_error: refused, done_at: null, failed_at: null });

    const server = await smtp(port);
    expect(await run(at(90))).toEqual({ ran: 1, succeeded: 1, retried: 0, failed: 0, lost: 0 });
    expect(await job()).toEqual({ attempts: 2, run_at: '2024-03-01T08:01:30.000Z', last_error: null, done_at: '2024-03-01T08:01:30.000Z', failed_at: null });
    expect(await statusOf(db, id)).toEqual(['sent', null, `<${id}@zhengji>`, '2024-03-01T08:00:01.000Z']);
    expect((await server.parsed()).map((m) => [m.subject, m.messageId])).toEqual([['「征集平台」请验证您的邮箱', `<${id}@zhengji>`]]);
  });

  it('fails the job and the mail after the eighth refused attempt', async () => {
    const port = await closedPort();
    const { db, run } = await setup(createSmtpTransport(`smtp://127.0.0.1:${port}`));
    const id = await queueMail(db, VERIFY, T0);
    const schedule: string[] = [];
    let now = T0;
    for (let attempt = 1; attempt <= 8; attempt++) {
      const summary = await run(now);
      expect(summary).toEqual({ ran: 1, succeeded: 0, retried: attempt < 8 ? 1 : 0, failed: attempt < 8 ? 0 : 1, lost: 0 });
      const { run_at } = await db.selectFrom('jobs').select('run_at').executeTakeFirstOrThrow();
      schedule.push(run_at);
      now = new Date(run_at);
    }
    expect(schedule).toEqual([
      '2024-03-01T08:00:30.000Z', '2024-03-01T08:01:30.000Z', '2024-03-01T08:03:30.000Z', '2024-03-01T08:07:30.000Z',
      '2024-03-01T08:15:30.000Z', '2024-03-01T08:31:30.000Z', '2024-03-01T09:03:30.000Z', '2024-03-01T09:03:30.000Z',
    ]);
    const job = await db.selectFrom('jobs').select(['attempts', 'failed_at', 'done_at']).executeTakeFirstOrThrow();
    expect(job).toEqual({ attempts: 8, failed_at: '2024-03-01T09:03:30.000Z', done_at: null });
    expect(await statusOf(db, id)).toEqual(['failed', `connect ECONNREFUSED 127.0.0.1:${port}`, null, null]);
    expect(await run(at(100_000))).toEqual({ ran: 0, succeeded: 0, retried: 0, failed: 0, lost: 0 });
  });

  it('keeps the mail for organizers when no SMTP server is configured', async () => {
    const { db, run } = await setup(undefined);
    const id = await queueMail(db, { to: 'reviewer@example.cn', locale: 'en', template: 'reviewer_invite', params: { campaignTitle: 'The Seventh Collection', link: 'https://a.cn/r' } }, T0);
    expect(await run(T0)).toEqual({ ran: 1, succeeded: 1, retried: 0, failed: 0, lost: 0 });
    const mail = await findMailById(db, id);
    expect(mail).toMatchObject({ status: 'kept', to_email: 'reviewer@example.cn', locale: 'en', template: 'reviewer_invite', subject: '[Zhengji] Invitation to review for The Seventh Collection', message_id: null, sent_at: null, last_error: null });
  });

  it('writes neither the mail nor its job when the causing transaction rolls back', async () => {
    const { db } = await setup(undefined);
    await expect(
      db.transaction().execute(async (trx) => {
        await queueMail(trx, VERIFY, T0);
        throw new Error('sign-up failed');
      }),
    ).rejects.toThrow('sign-up failed');
    expect(await db.selectFrom('mails').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('jobs').select('id').execute()).toEqual([]);
  });

  it('queues the mail and its job together', async () => {
    const { db } = await setup(undefined);
    const id = await db.transaction().execute((trx) => queueMail(trx, VERIFY, T0));
    expect(await db.selectFrom('jobs').select(['kind', 'payload', 'run_at', 'max_attempts']).execute()).toEqual([
      { kind: 'mail.send', payload: JSON.stringify({ mailId: id }), run_at: '2024-03-01T08:00:00.000Z', max_attempts: 8 },
    ]);
  });
});
