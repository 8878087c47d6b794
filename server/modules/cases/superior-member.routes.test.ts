import { describe, expect, it } from 'vitest';
import { completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { createPerson, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { createTestApp, TEST_BASE_URL } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { TestClient } from '../../testing/test-client.ts';

// Who may recommend: never the unit itself, by address or by membership; a registered superior
// unit's members, signed in; and an address nobody registered is marked so for organizers.

type App = Awaited<ReturnType<typeof createTestApp>>['app'];
const SUPERIOR = '中共北京市朝阳区建外街道工作委员会';
const MISSING = '00000000-0000-4000-8000-000000000000';

/** A unit registered through the API by a new signed-in member. */
async function registeredUnit(app: App, email: string, name: string) {
  await createPerson(app.db, { email, name: email.split('@')[0] });
  const client = await signedIn(app, email);
  const res = await client.post('/api/v1/organizations', { ...UNIT_INPUT, name, superiorEmail: 'chaoyang@example.cn' });
  if (res.statusCode !== 201) throw new Error(`unit registration failed: ${res.body}`);
  return { client, id: res.json().data.id as string };
}

async function setSuperiorEmail(client: TestClient, caseId: string, superiorEmail: string) {
  const current = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
  const res = await client.put(`/api/v1/cases/${caseId}/draft`, { version: current.version, content: current.content, declaration: {}, superiorName: '街道工委', superiorEmail });
  expect(res.statusCode).toBe(200);
}

async function decideByMail(app: App, caseId: string, to: string) {
  const mail = await app.db.selectFrom('mails').select('text_body').where('to_email', '=', to).where('template', '=', 'superior_review').executeTakeFirstOrThrow();
  const token = /superior-review\?token=([\w-]+)/.exec(mail.text_body)![1]!;
  const superior = new TestClient(app);
  const view = (await superior.get(`/api/v1/superior-review?token=${token}`)).json().data;
  const res = await superior.post('/api/v1/superior-review', { token, decision: 'recommend', opinion: '同意推荐。', contentSha256: view.contentSha256 });
  expect([caseId, res.statusCode]).toEqual([caseId, 200]);
}

describe(`who may recommend a case (${testEngine()})`, () => {
  it("refuses an address of any member of the unit, whatever its case, in the caller's language", async () => {
    const { app } = await createTestApp();
    const { client, caseId, organizationId } = await createDraftCase(app);
    const colleague = await createPerson(app.db, { email: 'colleague@example.cn' });
    await app.db.insertInto('organization_members').values({ organization_id: organizationId, user_id: colleague, role: 'operator', created_at: '2024-05-01T00:00:00.000Z' }).execute();
    await setSuperiorEmail(client, caseId, 'Colleague@Example.CN');

    const zh = await client.post(`/api/v1/cases/${caseId}/superior-review`);
    expect([zh.statusCode, zh.json().error]).toEqual([422, {
      code: 'superior_email_own_unit',
      message: '“colleague@example.cn”是本单位成员的邮箱，不能作为上级党组织的邮箱。请填写上级党组织自己的邮箱，或从平台已注册的单位中选择上级党组织。',
    }]);
    const en = await client.post(`/api/v1/cases/${caseId}/superior-review?lang=en`);
    expect(en.json().error.message).toBe("colleague@example.cn belongs to a member of your own unit, so it cannot be the superior organization's address. Give the superior organization's own address, or choose it from the units registered on the platform.");
    expect(await app.db.selectFrom('mails').select('id').where('template', '=', 'superior_review').execute()).toEqual([]);
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.recommendation).toBe('none');
  });

  it("refuses a member's address as the superior's in the unit profile too, on registering and on editing", async () => {
    const { app } = await createTestApp();
    await createPerson(app.db, { email: 'founder@example.cn' });
    const founder = await signedIn(app, 'founder@example.cn');
    const own = await founder.post('/api/v1/organizations', { ...UNIT_INPUT, superiorEmail: 'Founder@example.cn' });
    expect([own.statusCode, own.json().error.code]).toEqual([422, 'superior_email_own_unit']);
    const unit = (await founder.post('/api/v1/organizations', UNIT_INPUT)).json().data;
    const colleague = await createPerson(app.db, { email: 'colleague@example.cn' });
    await app.db.insertInto('organization_members').values({ organization_id: unit.id, user_id: colleague, role: 'operator', created_at: '2024-05-01T00:00:00.000Z' }).execute();
    const edit = await founder.put(`/api/v1/organizations/${unit.id}`, { ...UNIT_INPUT, superiorEmail: 'colleague@example.cn' });
    expect([edit.statusCode, edit.json().error.message]).toEqual([422, '“colleague@example.cn”是本单位成员的邮箱，不能作为上级党组织的邮箱。请填写上级党组织自己的邮箱，或从平台已注册的单位中选择上级党组织。']);
    expect((await founder.get(`/api/v1/organizations/${unit.id}`)).json().data.superiorEmail).toBe('jianwai@example.cn');
  });

  it('lets the unit choose a registered superior whose members recommend signed in; anyone else gets what a missing case gets', async () => {
    const { app } = await createTestApp();
    const { client, caseId, organizationId } = await createDraftCase(app, { email: 'operator@example.cn' });
    await saveContent(client, caseId, completeContent(800));
    const superior = await registeredUnit(app, 'secretary@example.cn', SUPERIOR);
    const merged = await registeredUnit(app, 'old@example.cn', '建外街道旧党工委');
    await app.db.updateTable('organizations').set({ merged_into: superior.id }).where('id', '=', merged.id).execute();
    const other = await registeredUnit(app, 'other@example.cn', '上海市浦东新区陆家嘴街道党工委');

    const found = (await client.get(`/api/v1/cases/${caseId}/superior-candidates?q=${encodeURIComponent('建外')}`)).json().data;
    expect(found).toEqual([{ id: superior.id, name: SUPERIOR, divisionCode: '110105', level: 'village' }]);
    const own = await client.put(`/api/v1/cases/${caseId}/superior-organization`, { organizationId });
    expect([own.statusCode, own.json().error.code]).toEqual([422, 'superior_unit_invalid']);
    const chosen = await client.put(`/api/v1/cases/${caseId}/superior-organization`, { organizationId: superior.id });
    expect(chosen.json().data).toMatchObject({ superiorOrganizationId: superior.id, superiorName: SUPERIOR, superiorEmail: null, recommendation: 'none' });

    expect((await client.post(`/api/v1/cases/${caseId}/superior-review`)).statusCode).toBe(202);
    // No link to an address: the superior unit's owner is told to sign in.
    const mails = await app.db.selectFrom('mails').select(['to_email', 'template', 'subject', 'text_body']).where('template', 'like', 'superior_review%').execute();
    expect(mails.map((m) => [m.to_email, m.template, m.subject])).toEqual([
      ['secretary@example.cn', 'superior_review_member', '「征集平台」「北京市朝阳区建外街道第一社区党委operator@exa」请贵单位推荐案例'],
    ]);
    expect(mails[0]!.text_body).toContain(`${TEST_BASE_URL}/app/superior-review?case=${caseId}`);
    expect((await superior.client.get('/api/v1/me/superior-reviews')).json().data).toEqual([expect.objectContaining({
      caseId, title: completeContent().title, unitName: expect.stringContaining('建外街道第一社区党委'), superiorName: SUPERIOR, recommendation: 'pending', decidedAt: null,
    })]);
    expect((await other.client.get('/api/v1/me/superior-reviews')).json().data).toEqual([]);

    // A member of another unit, and the submitting unit's own operator, learn nothing.
    for (const outsider of [other.client, client]) {
      for (const [method, body] of [['GET', undefined], ['POST', { decision: 'recommend', opinion: '同意', contentSha256: 'a'.repeat(64) }]] as const) {
        const theirs = await outsider.request({ method, url: `/api/v1/superior-reviews/${caseId}`, body });
        const none = await outsider.request({ method, url: `/api/v1/superior-reviews/${MISSING}`, body });
        expect([theirs.statusCode, theirs.json().error]).toEqual([none.statusCode, none.json().error]);
        expect(theirs.statusCode).toBe(404);
      }
    }

    const view = (await superior.client.get(`/api/v1/superior-reviews/${caseId}`)).json().data;
    expect(view).toMatchObject({ decidable: true, superiorEmail: null, superiorName: SUPERIOR, recommendation: 'pending', changes: null, content: { title: completeContent().title } });
    const decided = await superior.client.post(`/api/v1/superior-reviews/${caseId}`, { decision: 'recommend', opinion: '同意推荐。', contentSha256: view.contentSha256 });
    expect([decided.statusCode, decided.json()]).toEqual([200, { status: 'recommended' }]);
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data).toMatchObject({ recommendation: 'recommended', recommendationVerification: 'signed_in', recommendationNote: '同意推荐。' });
    expect((await client.get(`/api/v1/cases/${caseId}/history`)).json().data.at(-1)).toMatchObject({ action: 'recommend', actor: `${SUPERIOR}：secretary <secretary@example.cn>` });
    const again = await superior.client.post(`/api/v1/superior-reviews/${caseId}`, { decision: 'decline', opinion: '改主意', contentSha256: view.contentSha256 });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'invalid_transition']);
  });

  it('marks a mailed recommendation from an address of no registered unit as unverified for organizers', async () => {
    const { app } = await createTestApp();
    const campaign = await app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
    const organizer = await signedIn(app, 'organizer@example.cn');
    await registeredUnit(app, 'secretary@example.cn', SUPERIOR);

    const unknown = await createDraftCase(app, { unitName: '建外街道第二社区党委' });
    await unknown.client.post(`/api/v1/cases/${unknown.caseId}/superior-review`);
    await decideByMail(app, unknown.caseId, 'jianwai@example.cn');
    const known = await createDraftCase(app, { unitName: '建外街道第三社区党委' });
    await setSuperiorEmail(known.client, known.caseId, 'secretary@example.cn');
    await known.client.post(`/api/v1/cases/${known.caseId}/superior-review`);
    await decideByMail(app, known.caseId, 'secretary@example.cn');

    expect((await organizer.get(`/api/v1/cases/${unknown.caseId}`)).json().data).toMatchObject({ recommendation: 'recommended', recommendationVerification: 'unverified' });
    expect((await organizer.get(`/api/v1/cases/${known.caseId}`)).json().data).toMatchObject({ recommendation: 'recommended', recommendationVerification: 'registered_email' });
    const list = (await organizer.get('/api/v1/campaigns/seventh-collection/cases')).json().data as { id: string; recommendationVerification: string }[];
    expect(Object.fromEntries(list.map((c) => [c.id, c.recommendationVerification]))).toEqual({ [unknown.caseId]: 'unverified', [known.caseId]: 'registered_email' });
  });

  it('refuses a member of both units, and a mailed link whose address has since joined the unit', async () => {
    const { app } = await createTestApp();
    const { client, caseId, organizationId } = await createDraftCase(app);
    const superior = await registeredUnit(app, 'secretary@example.cn', SUPERIOR);
    const both = await app.db.selectFrom('users').select('id').where('email', '=', 'secretary@example.cn').executeTakeFirstOrThrow();
    await app.db.insertInto('organization_members').values({ organization_id: organizationId, user_id: both.id, role: 'operator', created_at: '2024-05-01T00:00:00.000Z' }).execute();
    await client.put(`/api/v1/cases/${caseId}/superior-organization`, { organizationId: superior.id });
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const member = await signedIn(app, 'secretary@example.cn');
    const view = (await member.get(`/api/v1/superior-reviews/${caseId}`)).json().data;
    expect(view.decidable).toBe(false);
    const own = await member.post(`/api/v1/superior-reviews/${caseId}`, { decision: 'recommend', opinion: '同意', contentSha256: view.contentSha256 });
    expect([own.statusCode, own.json().error]).toEqual([403, { code: 'superior_own_case', message: '您也是申报单位的成员，不能为本单位的案例作出推荐。' }]);

    // Back to a mailed address, which then joins the unit before the link is used.
    await client.put(`/api/v1/cases/${caseId}/superior-organization`, { organizationId: null });
    await setSuperiorEmail(client, caseId, 'later@example.cn');
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const later = await createPerson(app.db, { email: 'later@example.cn' });
    await app.db.insertInto('organization_members').values({ organization_id: organizationId, user_id: later, role: 'operator', created_at: '2024-05-01T00:00:00.000Z' }).execute();
    const mail = await app.db.selectFrom('mails').select('text_body').where('to_email', '=', 'later@example.cn').executeTakeFirstOrThrow();
    const token = /superior-review\?token=([\w-]+)/.exec(mail.text_body)![1]!;
    const read = (await new TestClient(app).get(`/api/v1/superior-review?token=${token}`)).json().data;
    const joined = await new TestClient(app).post('/api/v1/superior-review', { token, decision: 'recommend', opinion: '同意', contentSha256: read.contentSha256 });
    expect([joined.statusCode, joined.json().error.code]).toEqual([422, 'superior_email_own_unit']);
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.recommendation).toBe('pending');
  });

  it('drops the recommendation of the superior replaced, and shows the case to the new one only once it is asked', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const first = await registeredUnit(app, 'secretary@example.cn', SUPERIOR);
    const second = await registeredUnit(app, 'other@example.cn', '上海市浦东新区陆家嘴街道党工委');
    await client.put(`/api/v1/cases/${caseId}/superior-organization`, { organizationId: first.id });
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const { contentSha256 } = (await first.client.get(`/api/v1/superior-reviews/${caseId}`)).json().data;
    await first.client.post(`/api/v1/superior-reviews/${caseId}`, { decision: 'recommend', opinion: '同意推荐。', contentSha256 });

    const switched = await client.put(`/api/v1/cases/${caseId}/superior-organization`, { organizationId: second.id });
    expect(switched.json().data).toMatchObject({
      superiorOrganizationId: second.id, superiorName: '上海市浦东新区陆家嘴街道党工委', recommendation: 'none', recommendationNote: null, recommendationVerification: null,
    });
    const unasked = await second.client.get(`/api/v1/superior-reviews/${caseId}`);
    const missing = await second.client.get(`/api/v1/superior-reviews/${MISSING}`);
    expect([unasked.statusCode, unasked.json().error]).toEqual([404, missing.json().error]);
    expect((await second.client.get('/api/v1/me/superior-reviews')).json().data).toEqual([]);

    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    expect((await second.client.get(`/api/v1/superior-reviews/${caseId}`)).json().data).toMatchObject({ recommendation: 'pending', decidable: true });
  });

  it('gives one request one answer when the superior unit\'s members decide at the same moment', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const superior = await registeredUnit(app, 'secretary@example.cn', SUPERIOR);
    const members = [superior.client];
    for (const email of ['deputy@example.cn', 'clerk@example.cn']) {
      const id = await createPerson(app.db, { email });
      await app.db.insertInto('organization_members').values({ organization_id: superior.id, user_id: id, role: 'operator', created_at: '2024-05-01T00:00:00.000Z' }).execute();
      members.push(await signedIn(app, email));
    }
    await client.put(`/api/v1/cases/${caseId}/superior-organization`, { organizationId: superior.id });
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const { contentSha256 } = (await superior.client.get(`/api/v1/superior-reviews/${caseId}`)).json().data;

    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => members[i % 3]!.post(`/api/v1/superior-reviews/${caseId}`, {
      decision: i % 2 === 0 ? 'recommend' : 'decline', opinion: `意见${i}`, contentSha256,
    })));
    const codes = answers.map((a) => (a.statusCode === 200 ? 'ok' : a.json().error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'ok')).toEqual(Array(11).fill('invalid_transition'));
    const decisions = (await client.get(`/api/v1/cases/${caseId}/history`)).json().data.filter((e: { action: string }) => e.action === 'recommend' || e.action === 'decline');
    expect(decisions).toHaveLength(1);
    const detail = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    expect(detail.recommendationNote).toBe(decisions[0].message);
  });
});
