import { describe, expect, it, onTestFinished } from 'vitest';
import { createReviewer, releaseAssignment, setPhase } from '../../testing/assignments.ts';
import { signedIn } from '../../testing/people.ts';
import { assignedCase, FULL_SCORES } from '../../testing/review-cases.ts';
import { createTestApp, TEST_BASE_URL } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { enqueueJob, runDueJobs } from '../../jobs/jobs.service.ts';
import { createMailSendHandler, MAIL_SEND_JOB } from '../../mail/mail.service.ts';
import { createSmtpTransport } from '../../mail/mail.transport.ts';
import { startSmtpTestServer } from '../../testing/smtp-test-server.ts';
import { createReviewRemindersHandler, currentReminderDay, REVIEW_REMINDERS_JOB, sendReviewReminders } from './review-reminders.service.ts';

// The seventh collection's reviews are due 2024-08-31 23:59:59 Beijing time, reminders 7, 3 and 1 days before.
const DUE = new Date('2024-08-31T15:59:59.999Z');
const before = (days: number) => new Date(DUE.getTime() - days * 86_400_000);

describe('which reminder day is current', () => {
  it('is the fewest days before the due date whose moment has come, and none after the due date', () => {
    expect([8, 7, 6.5, 3, 2, 0.5, 0, -1].map((d) => currentReminderDay([7, 3, 1], DUE, before(d)))).toEqual([null, 7, 7, 3, 3, 1, null, null]);
  });
});

describe(`review reminders (${testEngine()})`, () => {
  it('mails each reviewer with unsubmitted cases once per reminder day, in their language, however often it runs', async () => {
    const { app } = await createTestApp();
    const first = await assignedCase(app, { reviewerEmail: 'chen@example.cn' });
    await setPhase(app, 'collection');
    const second = await assignedCase(app, { reviewerEmail: 'done@example.cn' });
    await releaseAssignment(app, second.caseId, first.reviewer);
    const english = await createReviewer(app, 'smith@example.cn', { locale: 'en' });
    await releaseAssignment(app, first.caseId, english);
    const done = await signedIn(app, 'done@example.cn');
    await done.post(`/api/v1/reviews/assignments/${second.assignmentId}/review/submit`, { version: 0, scores: FULL_SCORES, comment: '', tier: 'best' });
    const mails = async () => (await app.db.selectFrom('mails').select(['to_email', 'subject', 'text_body']).where('template', '=', 'review_reminder').orderBy('created_at').orderBy('to_email').execute());

    expect(await sendReviewReminders(app.db, before(8), TEST_BASE_URL)).toBe(0);
    expect(await Promise.all([sendReviewReminders(app.db, before(6.5), TEST_BASE_URL), sendReviewReminders(app.db, before(6.4), TEST_BASE_URL)])).toEqual(expect.arrayContaining([0]));
    expect((await mails()).map((m) => [m.to_email, m.subject])).toEqual([
      ['chen@example.cn', '「征集平台」「第七届全国基层党建创新典型案例征集活动」评审将于 2024-08-31 23:59:59 截止'],
      ['smith@example.cn', '[Zhengji] Reviews for The Seventh National Collection of Typical Cases of Grass-roots Party-building Innovation are due 2024-08-31 23:59:59'],
    ]);
    expect((await mails())[0]!.text_body).toContain('您在「第七届全国基层党建创新典型案例征集活动」中还有 2 个案例的评分尚未提交。');
    expect((await mails())[0]!.text_body).toContain(`${TEST_BASE_URL}/app/reviews`);
    expect(await sendReviewReminders(app.db, before(2), TEST_BASE_URL)).toBe(2);
    expect(await sendReviewReminders(app.db, before(1.5), TEST_BASE_URL)).toBe(0);
    expect(await sendReviewReminders(app.db, before(-0.1), TEST_BASE_URL)).toBe(0);
    const rows = await app.db.selectFrom('review_reminders').select(['days_before']).orderBy('days_before').execute();
    expect(rows.map((r) => r.days_before)).toEqual([3, 3, 7, 7]);
  });

  it('goes out through the jobs and SMTP, in the reviewer language, once when the job runs twice', async () => {
    const { app, database } = await createTestApp();
    await assignedCase(app, { reviewerEmail: 'chen@example.cn' });
    await app.db.updateTable('users').set({ locale: 'en' }).where('email', '=', 'chen@example.cn').execute();
    // The unit's receipt mail went out long ago; only the reminders are this test's business.
    await app.db.updateTable('mails').set({ status: 'kept' }).execute();
    const server = await startSmtpTestServer();
    const transport = createSmtpTransport(server.url);
    onTestFinished(async () => { transport.close(); await server.close(); });
    const now = before(3);
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const handlers = {
      [REVIEW_REMINDERS_JOB]: createReviewRemindersHandler({ db: app.db, baseUrl: TEST_BASE_URL, log: quiet }),
      [MAIL_SEND_JOB]: createMailSendHandler({ db: app.db, transport, from: 'no-reply@zhengji.example.cn', clock: () => now }),
    };
    const run = () => runDueJobs({ db: app.db, engine: database.engine, handlers, clock: () => now, workerId: 'w1', limit: 10, leaseMs: 60_000 });
    for (let i = 0; i < 2; i += 1) {
      await enqueueJob(app.db, { kind: REVIEW_REMINDERS_JOB, payload: {} }, now);
      await run();
      await run();
    }
    const parsed = await server.parsed();
    expect(parsed.map((m) => [m.to && 'text' in m.to ? m.to.text : '', m.subject])).toEqual([
      ['chen@example.cn', '[Zhengji] Reviews for The Seventh National Collection of Typical Cases of Grass-roots Party-building Innovation are due 2024-08-31 23:59:59'],
    ]);
    expect(parsed[0]!.text).toContain('You have 1 case in The Seventh National Collection');
  });
});
