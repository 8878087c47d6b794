import { describe, expect, it } from 'vitest';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`reviewer invitations and profiles (${testEngine()})`, () => {
  it('an organizer invites an expert, who accepts, fills the profile and is listed', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    await createPerson(database.db, { email: 'expert@example.cn', name: '陈教授' });
    const organizer = await signedIn(app, 'organizer@example.cn');
    const invite = await organizer.post('/api/v1/campaigns/seventh-collection/reviewer-invitations', { email: 'expert@example.cn' });
    expect(invite.statusCode).toBe(202);
    const mail = await database.db.selectFrom('mails').selectAll().where('template', '=', 'reviewer_invite').executeTakeFirstOrThrow();
    expect(mail.text_body).toContain('第七届全国基层党建创新典型案例征集活动');
    const token = /token=([\w-]+)/.exec(mail.text_body)![1]!;

    const expert = await signedIn(app, 'expert@example.cn');
    expect((await expert.get('/api/v1/me/reviewer-profile')).statusCode).toBe(404);
    const campaign = await database.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    expect((await expert.post('/api/v1/reviewer-invitations/accept', { token })).json()).toEqual({ campaignId: campaign.id });
    expect((await expert.get('/api/v1/me')).json().data.roles).toEqual([{ role: 'reviewer', campaignId: campaign.id }]);

    const profile = { expertise: ['rural', 'urban'], organization: '中国浦东干部学院', divisionCode: '310115', capacity: 30 };
    expect((await expert.put('/api/v1/me/reviewer-profile', profile)).json()).toEqual({ data: profile });
    const listed = (await organizer.get('/api/v1/campaigns/seventh-collection/reviewers')).json().data;
    expect(listed).toEqual([{ userId: listed[0].userId, email: 'expert@example.cn', displayName: '陈教授', ...profile }]);
    expect((await expert.post('/api/v1/reviewer-invitations/accept', { token })).json().error.code).toBe('link_invalid');
  });

  it('keeps campaign organizers to their own campaign', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'other@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const { id: userId } = await database.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    await database.db.deleteFrom('role_grants').execute();
    await database.db.insertInto('campaigns').values({
      id: 'c8', slug: 'eighth-collection', edition: 8, definition: '{}', content_hash: 'x', source_file: 'x', time_zone: 'Asia/Shanghai',
      opens_at: '2026-01-01T00:00:00.000Z', closes_at: '2026-06-30T00:00:00.000Z', created_at: 'x', updated_at: 'x',
    }).execute();
    await database.db.insertInto('role_grants').values({ id: 'g', user_id: userId, role: 'organizer', campaign_id: 'c8', created_at: 'x' }).execute();
    const organizer = await signedIn(app, 'other@example.cn');
    const res = await organizer.post('/api/v1/campaigns/seventh-collection/reviewer-invitations', { email: 'x@example.cn' });
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'campaign_not_found']);
  });
});
