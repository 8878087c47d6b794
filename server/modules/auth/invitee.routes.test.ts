import { describe, expect, it } from 'vitest';
import { createPerson, PASSWORD, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const ZH = '这份邀请是发给 c***@example.cn 的，不是您当前登录的邮箱。请退出后用该邮箱登录（或注册），再打开邀请链接。';
const EN = 'This invitation was sent to c***@example.cn, not to the address you are signed in with. Sign out, sign in (or sign up) with that address, then open the invitation link again.';

async function mailedToken({ database }: TestApp, template: 'join_unit' | 'reviewer_invite'): Promise<string> {
  const mail = await database.db.selectFrom('mails').select('text_body').where('template', '=', template).executeTakeFirstOrThrow();
  return /token=([\w-]+)/.exec(mail.text_body)![1]!;
}

/** Another signed-in account, asking in Chinese and then in English. */
async function intruders(test: TestApp): Promise<[TestClient, TestClient]> {
  await createPerson(test.database.db, { email: 'intruder@example.cn' });
  const zh = await signedIn(test.app, 'intruder@example.cn');
  const en = new TestClient(test.app, { 'accept-language': 'en' });
  await en.post('/api/v1/auth/sign-in', { email: 'intruder@example.cn', password: PASSWORD });
  return [zh, en];
}

async function invitationUse(test: TestApp, kind: 'join_unit' | 'reviewer_invite') {
  return test.database.db.selectFrom('one_time_tokens').select(['email', 'used_at']).where('kind', '=', kind).execute();
}

describe(`an invitation is accepted only by the invited account (${testEngine()})`, () => {
  it('refuses a unit invitation to another account, naming the invited address masked, and keeps it for the invitee', async () => {
    const test = await createTestApp();
    await createPerson(test.database.db, { email: 'owner@example.cn', name: '李华' });
    await createPerson(test.database.db, { email: 'colleague@example.cn', name: '王芳' });
    const owner = await signedIn(test.app, 'owner@example.cn');
    const unit = (await owner.post('/api/v1/organizations', UNIT_INPUT)).json().data;
    expect((await owner.post(`/api/v1/organizations/${unit.id}/invitations`, { email: 'Colleague@Example.CN' })).statusCode).toBe(202);
    const token = await mailedToken(test, 'join_unit');

    const [zh, en] = await intruders(test);
    const refused = await zh.post('/api/v1/organization-invitations/accept', { token });
    expect([refused.statusCode, refused.json().error]).toEqual([403, { code: 'invitation_for_other_address', message: ZH }]);
    expect((await en.post('/api/v1/organization-invitations/accept', { token })).json().error).toEqual({ code: 'invitation_for_other_address', message: EN });
    expect((await zh.get('/api/v1/me')).json().data.units).toEqual([]);
    expect(await invitationUse(test, 'join_unit')).toEqual([{ email: 'colleague@example.cn', used_at: null }]);

    const colleague = await signedIn(test.app, 'colleague@example.cn');
    expect((await colleague.post('/api/v1/organization-invitations/accept', { token })).json().data.id).toBe(unit.id);
    const members = (await owner.get(`/api/v1/organizations/${unit.id}/members`)).json().data;
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([['owner@example.cn', 'owner'], ['colleague@example.cn', 'operator']]);
  });

  it('refuses a reviewer invitation to another account the same way', async () => {
    const test = await createTestApp();
    await createPerson(test.database.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    await createPerson(test.database.db, { email: 'chen@example.cn', name: '陈教授' });
    const organizer = await signedIn(test.app, 'organizer@example.cn');
    expect((await organizer.post('/api/v1/campaigns/seventh-collection/reviewer-invitations', { email: 'chen@example.cn' })).statusCode).toBe(202);
    const token = await mailedToken(test, 'reviewer_invite');

    const [zh, en] = await intruders(test);
    const refused = await zh.post('/api/v1/reviewer-invitations/accept', { token });
    expect([refused.statusCode, refused.json().error]).toEqual([403, { code: 'invitation_for_other_address', message: ZH }]);
    expect((await en.post('/api/v1/reviewer-invitations/accept', { token })).json().error).toEqual({ code: 'invitation_for_other_address', message: EN });
    expect((await zh.get('/api/v1/me')).json().data.roles).toEqual([]);
    expect(await invitationUse(test, 'reviewer_invite')).toEqual([{ email: 'chen@example.cn', used_at: null }]);

    const campaign = await test.database.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    const expert = await signedIn(test.app, 'chen@example.cn');
    expect((await expert.post('/api/v1/reviewer-invitations/accept', { token })).json()).toEqual({ campaignId: campaign.id });
    expect((await expert.get('/api/v1/me')).json().data.roles).toEqual([{ role: 'reviewer', campaignId: campaign.id }]);
  });
});
