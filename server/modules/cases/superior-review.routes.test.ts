import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCampaignFiles } from '../campaigns/campaign-files.ts';
import { syncCampaigns } from '../campaigns/campaigns.service.ts';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { TestClient } from '../../testing/test-client.ts';

/** The review link of the latest mail to `to`; mails of one test share a timestamp, so `except` skips earlier ones. */
async function mailedToken(app: Awaited<ReturnType<typeof createTestApp>>['app'], to: string, except: string[] = []): Promise<string> {
  const mails = await app.db.selectFrom('mails').selectAll().where('to_email', '=', to).where('template', '=', 'superior_review').execute();
  const tokens = mails.map((m) => /superior-review\?token=([\w-]+)/.exec(m.text_body)?.[1]).filter((t) => t && !except.includes(t));
  if (tokens.length !== 1) throw new Error(`expected one new review link, found ${tokens.length}`);
  return tokens[0]!;
}

/** Reads the case by the link and decides on the text it read, as the page does. */
async function decide(client: TestClient, token: string, decision: 'recommend' | 'decline', opinion: string) {
  const view = await client.get(`/api/v1/superior-review?token=${token}`);
  return client.post('/api/v1/superior-review', { token, decision, opinion, contentSha256: view.json().data.contentSha256 });
}

describe(`recommendation by the superior organization (${testEngine()})`, () => {
  it('mails a link; the superior reads the case without an account and recommends it', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await saveContent(client, caseId, completeContent(800));
    expect((await client.post(`/api/v1/cases/${caseId}/superior-review`)).statusCode).toBe(202);
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.recommendation).toBe('pending');

    const token = await mailedToken(app, 'jianwai@example.cn');
    const stranger = new TestClient(app);
    const view = await stranger.get(`/api/v1/superior-review?token=${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().data).toMatchObject({ unitName: expect.stringContaining('建外街道'), superiorEmail: 'jianwai@example.cn', content: { title: completeContent().title } });

    const decided = await stranger.post('/api/v1/superior-review', { token, decision: 'recommend', opinion: '同意推荐，该案例做法实、成效好。', contentSha256: view.json().data.contentSha256 });
    expect(decided.statusCode).toBe(200);
    const detail = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    expect(detail).toMatchObject({ recommendation: 'recommended', recommendationNote: '同意推荐，该案例做法实、成效好。', status: 'draft' });
    const history = (await client.get(`/api/v1/cases/${caseId}/history`)).json().data;
    expect(history.at(-1)).toMatchObject({ action: 'recommend', actor: '中共北京市朝阳区建外街道工作委员会 <jianwai@example.cn>', message: '同意推荐，该案例做法实、成效好。' });

    expect((await stranger.get(`/api/v1/superior-review?token=${token}`)).json().error.code).toBe('link_invalid');
    const again = await stranger.post('/api/v1/superior-review', { token, decision: 'decline', opinion: '改主意', contentSha256: view.json().data.contentSha256 });
    expect([again.statusCode, again.json().error.code]).toEqual([400, 'link_invalid']);
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.recommendation).toBe('recommended');
  });

  it('lets the superior return the case with a reason, and a new request replaces the old link', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const first = await mailedToken(app, 'jianwai@example.cn');
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const second = await mailedToken(app, 'jianwai@example.cn', [first]);
    const stranger = new TestClient(app);
    const replaced = await stranger.get(`/api/v1/superior-review?token=${first}`);
    expect([replaced.statusCode, replaced.json().error.code]).toEqual([400, 'link_invalid']);
    await decide(stranger, second, 'decline', '成效数据不足，请补充。');
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data).toMatchObject({ recommendation: 'declined', recommendationNote: '成效数据不足，请补充。' });
  });

  it('refuses a made-up token and a request without the superior\'s address', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const stranger = new TestClient(app);
    expect((await stranger.get(`/api/v1/superior-review?token=${'x'.repeat(43)}`)).json().error.code).toBe('link_invalid');
    const current = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    await client.put(`/api/v1/cases/${caseId}/draft`, { version: current.version, content: current.content, declaration: {}, superiorName: '街道工委', superiorEmail: '' });
    const res = await client.post(`/api/v1/cases/${caseId}/superior-review`);
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'invalid_request']);
    expect(await app.db.selectFrom('mails').select('id').where('template', '=', 'superior_review').execute()).toEqual([]);
  });

  it('blocks submitting until recommended when the campaign requires it', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await saveContent(client, caseId, completeContent(800));
    await attachRequiredFiles(app, caseId);
    // The campaign file changed to a "required" campaign and synced, as a restart does.
    const [source] = readCampaignFiles('campaigns');
    await syncCampaigns(app.db, [{ ...source!, campaign: { ...source!.campaign, recommendation: 'required' } }], new Date());

    const refused = await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.problems).toEqual([{ code: 'recommendation_missing', target: 'recommendation', params: { status: 'none' } }]);
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const token = await mailedToken(app, 'jianwai@example.cn');
    expect((await decide(new TestClient(app), token, 'recommend', '同意推荐。')).statusCode).toBe(200);
    expect((await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
  });

  it('ends a mailed link when the unit changes the superior\'s address, and refuses new requests after the deadline', async () => {
    const { app, setNow } = await createTestApp();
    const { client, caseId, email } = await createDraftCase(app);
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const token = await mailedToken(app, 'jianwai@example.cn');
    const current = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    await client.put(`/api/v1/cases/${caseId}/draft`, { version: current.version, content: current.content, declaration: {}, superiorName: '新的上级党委', superiorEmail: 'new-superior@example.cn' });
    expect((await new TestClient(app).get(`/api/v1/superior-review?token=${token}`)).json().error.code).toBe('link_invalid');

    setNow(new Date('2024-07-01T00:00:00.000Z'));
    const late = await signedIn(app, email);
    const res = await late.post(`/api/v1/cases/${caseId}/superior-review`);
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'case_read_only']);
  });
});

