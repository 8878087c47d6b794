import { describe, expect, it } from 'vitest';
import { createPerson } from '../../testing/people.ts';
import { createTestApp, TEST_BASE_URL } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { publishAuditHead } from './audit-heads.service.ts';
import { appendAudit } from './audit.service.ts';

// 2024-05-01 23:30 UTC is already 2 May in Beijing.
const NOW = new Date('2024-05-01T23:30:00.000Z');

describe(`the published audit head (${testEngine()})`, () => {
  it('seals, publishes the head once per Beijing day, mails each platform organizer in their language, and shows it to anyone', async () => {
    const { app } = await createTestApp();
    await createPerson(app.db, { email: 'platform@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const english = await createPerson(app.db, { email: 'second@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    await app.db.updateTable('users').set({ locale: 'en' }).where('id', '=', english).execute();
    const campaign = await app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    await createPerson(app.db, { email: 'campaign-only@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
    await app.db.transaction().execute((trx) => appendAudit(trx, { actorId: null, actorLabel: 'system', action: 'role.grant', subjectType: 'user', subjectId: 'u-1', change: {} }, NOW));

    const published = await publishAuditHead(app.db, NOW, TEST_BASE_URL);
    const head = await app.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    expect(published).toEqual({ day: '2024-05-02', seq: head.seq, hash: head.hash, publishedAt: NOW.toISOString() });
    expect(await publishAuditHead(app.db, new Date(NOW.getTime() + 3_600_000), TEST_BASE_URL)).toBeNull();

    const mails = await app.db.selectFrom('mails').select(['to_email', 'subject', 'text_body']).where('template', '=', 'audit_head').orderBy('to_email').execute();
    expect(mails.map((m) => [m.to_email, m.subject])).toEqual([
      ['platform@example.cn', '「征集平台」2024-05-02 审计日志链头'],
      ['second@example.cn', '[Zhengji] Audit log head for 2024-05-02'],
    ]);
    expect(mails[0]!.text_body).toContain(`npm run audit:verify -- --head ${head.seq}:${head.hash}`);
    expect(mails[0]!.text_body).toContain(`${TEST_BASE_URL}/audit-heads`);

    const page = await app.inject({ url: '/audit-heads?lang=zh-CN' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('审计日志链头公示');
    expect(page.body).toContain('2024-05-02');
    expect(page.body.replace(/<wbr\/?>/g, '')).toContain(head.hash);
    const json = await app.inject({ url: '/api/v1/audit/heads' });
    expect(json.json()).toEqual({ data: [{ day: '2024-05-02', seq: head.seq, hash: head.hash, publishedAt: NOW.toISOString() }] });

  });

  it('publishes nothing while the log is empty, and says so on the page', async () => {
    const { app } = await createTestApp();
    await app.db.deleteFrom('audit_log').execute();
    await app.db.deleteFrom('audit_head').execute();
    expect(await publishAuditHead(app.db, NOW, TEST_BASE_URL)).toBeNull();
    const page = await app.inject({ url: '/audit-heads?lang=en' });
    expect(page.body).toContain('No head has been published yet.');
  });
});
