import { describe, expect, it } from 'vitest';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`roles taken at the same moment (${testEngine()})`, () => {
  it('makes an expert a reviewer once when ten invitations are accepted together', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const expertId = await createPerson(database.db, { email: 'expert@example.cn', name: '陈教授' });
    const organizer = await signedIn(app, 'organizer@example.cn');
    for (let i = 0; i < 10; i++) {
      expect((await organizer.post(`/api/v1/campaigns/${SEVENTH}/reviewer-invitations`, { email: 'expert@example.cn' })).statusCode).toBe(202);
    }
    const mails = await database.db.selectFrom('mails').select('text_body').where('template', '=', 'reviewer_invite').execute();
    const tokens = mails.map((m) => /token=([\w-]+)/.exec(m.text_body)![1]!);
    const expert = await signedIn(app, 'expert@example.cn');
    const campaign = await database.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();

    const answers = await Promise.all(tokens.map((token) => expert.post('/api/v1/reviewer-invitations/accept', { token })));

    expect(answers.map((a) => [a.statusCode, a.json()])).toEqual(Array(10).fill([200, { campaignId: campaign.id }]));
    const grants = await database.db.selectFrom('role_grants').select(['user_id', 'role', 'campaign_id']).where('user_id', '=', expertId).execute();
    expect(grants).toEqual([{ user_id: expertId, role: 'reviewer', campaign_id: campaign.id }]);
    const audited = await database.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'role.grant').execute();
    expect(audited).toEqual([{ subject_id: expertId }]);
    const listed = (await organizer.get(`/api/v1/campaigns/${SEVENTH}/reviewers`)).json().data;
    expect(listed.map((r: { email: string }) => r.email)).toEqual(['expert@example.cn']);
  });

  it('makes a person a learner once when asked ten times together', async () => {
    const { app, database } = await createTestApp();
    const userId = await createPerson(database.db, { email: 'learner@example.cn' });
    const learner = await signedIn(app, 'learner@example.cn');

    const answers = await Promise.all(Array.from({ length: 10 }, () => learner.post('/api/v1/me/learner')));

    expect(answers.map((a) => [a.statusCode, a.json()])).toEqual(Array(10).fill([200, { status: 'learner' }]));
    const grants = await database.db.selectFrom('role_grants').select(['role', 'campaign_id']).where('user_id', '=', userId).execute();
    expect(grants).toEqual([{ role: 'learner', campaign_id: null }]);
    const audited = await database.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'role.grant').execute();
    expect(audited).toEqual([{ subject_id: userId }]);
  });
});
