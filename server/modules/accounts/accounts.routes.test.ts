import { describe, expect, it } from 'vitest';
import { createPerson, PASSWORD, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const NEW_PASSWORD = 'Jiedao-dangwei-2024';

describe(`account settings (${testEngine()})`, () => {
  it('changes name and mail language', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'me@example.cn', name: '旧名' });
    const me = await signedIn(app, 'me@example.cn');
    expect((await me.put('/api/v1/me', { displayName: '新名', locale: 'en' })).json()).toEqual({ status: 'saved' });
    const data = (await me.get('/api/v1/me')).json().data;
    expect([data.displayName, data.locale]).toEqual(['新名', 'en']);
  });

  it('changes the password only with the current one, and ends every other session', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'me@example.cn' });
    const here = await signedIn(app, 'me@example.cn');
    const elsewhere = await signedIn(app, 'me@example.cn');
    const wrong = await here.post('/api/v1/me/password', { currentPassword: 'not-it-at-all', newPassword: NEW_PASSWORD });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'invalid_credentials']);
    const weak = await here.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: '1234567890' });
    expect(weak.json().error.code).toBe('weak_password');
    expect((await here.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).json()).toEqual({ status: 'password_changed' });
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).json()).toEqual({ data: null });
    expect((await new TestClient(app).post('/api/v1/auth/sign-in', { email: 'me@example.cn', password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('takes the site-wide learner role once, alongside the roles it had', async () => {
    const { app, database } = await createTestApp();
    const campaign = await database.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    await createPerson(database.db, { email: 'me@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
    const me = await signedIn(app, 'me@example.cn');
    expect((await me.post('/api/v1/me/learner')).json()).toEqual({ status: 'learner' });
    expect((await me.post('/api/v1/me/learner')).json()).toEqual({ status: 'learner' });
    const roles = (await me.get('/api/v1/me')).json().data.roles;
    expect(roles.sort((a: { role: string }, b: { role: string }) => a.role.localeCompare(b.role))).toEqual([
      { role: 'learner', campaignId: null },
      { role: 'reviewer', campaignId: campaign.id },
    ]);
  });

  it('lists organizers with their scope for platform organizers', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'boss@example.cn', name: '秘书处', grants: [{ role: 'organizer', campaignId: null }] });
    const list = (await (await signedIn(app, 'boss@example.cn')).get('/api/v1/organizers')).json().data;
    expect(list.map((o: { email: string; campaign: string | null }) => [o.email, o.campaign])).toEqual([['boss@example.cn', null]]);
  });
});

describe(`asking to join an existing unit (${testEngine()})`, () => {
  it("mails the unit's owner, and gives the asker nothing until invited", async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'owner@example.cn', name: '李华' });
    await createPerson(database.db, { email: 'newcomer@example.cn', name: '赵强' });
    const unit = (await (await signedIn(app, 'owner@example.cn')).post('/api/v1/organizations', UNIT_INPUT)).json().data;
    const newcomer = await signedIn(app, 'newcomer@example.cn');
    const taken = (await newcomer.post('/api/v1/organizations', UNIT_INPUT)).json().error;
    expect(taken.details.organizationId).toBe(unit.id);
    const res = await newcomer.post(`/api/v1/organizations/${taken.details.organizationId}/join-requests`);
    expect([res.statusCode, res.json()]).toEqual([202, { status: 'requested' }]);
    const mail = await database.db.selectFrom('mails').selectAll().where('template', '=', 'join_request').executeTakeFirstOrThrow();
    expect([mail.to_email, mail.subject]).toEqual(['owner@example.cn', '「征集平台」赵强申请加入「北京市朝阳区建外街道第一社区党委」']);
    expect(mail.text_body).toContain('newcomer@example.cn');
    expect((await newcomer.get(`/api/v1/organizations/${unit.id}`)).statusCode).toBe(404);
    const missing = await newcomer.post('/api/v1/organizations/00000000-0000-4000-8000-000000000000/join-requests');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'not_found']);
  });
});
