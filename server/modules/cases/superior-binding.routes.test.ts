import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalCaseContent } from '../../../core/case/canonical.ts';
import { translate } from '../../../core/i18n/messages.ts';
import { readCampaignFiles } from '../campaigns/campaign-files.ts';
import { syncCampaigns } from '../campaigns/campaigns.service.ts';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { TestClient } from '../../testing/test-client.ts';

// A recommendation stands on the text it was given on; a later change voids it, and the
// superior organization, asked again, is shown what changed.

type App = Awaited<ReturnType<typeof createTestApp>>['app'];
const PARAGRAPH = '社区党委牵头成立红色物业联盟，把党支部建在小区上，组织党员认领楼栋，群众有事找支部。';
const NEW_PARAGRAPH = '每月召开一次红色物业联席会议，现场解决居民提出的问题。';

async function latestToken(app: App, to: string): Promise<string> {
  const mails = await app.db.selectFrom('mails').select(['text_body', 'created_at', 'id']).where('to_email', '=', to).where('template', '=', 'superior_review').execute();
  const tokens = mails.map((m) => /superior-review\?token=([\w-]+)/.exec(m.text_body)![1]!);
  return tokens.at(-1)!;
}

async function requestAndRecommend(app: App, client: TestClient, caseId: string, opinion: string) {
  await client.post(`/api/v1/cases/${caseId}/superior-review`);
  const token = await latestToken(app, 'jianwai@example.cn');
  const superior = new TestClient(app);
  const view = (await superior.get(`/api/v1/superior-review?token=${token}`)).json().data;
  const res = await superior.post('/api/v1/superior-review', { token, decision: 'recommend', opinion, contentSha256: view.contentSha256 });
  expect(res.statusCode).toBe(200);
  return view;
}

async function requireRecommendation(app: App) {
  const [source] = readCampaignFiles('campaigns');
  await syncCampaigns(app.db, [{ ...source!, campaign: { ...source!.campaign, recommendation: 'required' } }], new Date());
}

describe(`a recommendation bound to the text it was given on (${testEngine()})`, () => {
  it('is void once a section changes, blocks submitting, and the superior asked again sees the changed paragraphs', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const content = completeContent(800);
    await saveContent(client, caseId, content);
    await attachRequiredFiles(app, caseId);
    await requireRecommendation(app);
    const first = await requestAndRecommend(app, client, caseId, '同意推荐。');
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.recommendation).toBe('recommended');
    expect((await client.get(`/api/v1/cases/${caseId}/preflight`)).json().data.problems).toEqual([]);

    const practice = content.sections.practice!;
    const edited = { ...content, sections: { ...content.sections, practice: `${practice.slice(0, practice.lastIndexOf('<p>'))}<p>${NEW_PARAGRAPH}</p>` } };
    await saveContent(client, caseId, edited);

    const detail = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    expect([detail.recommendation, detail.recommendationNote]).toEqual(['void', '同意推荐。']);
    expect(translate('zh-CN', `case.recommendation.${detail.recommendation}` as 'case.recommendation.void')).toBe('推荐已失效：案例在推荐后已修改');
    expect(translate('en', 'case.recommendation.void')).toBe('Recommendation void: the case was changed after it was recommended');
    expect((await client.get('/api/v1/me/cases')).json().data.map((c: { recommendation: string }) => c.recommendation)).toEqual(['void']);
    expect((await client.get(`/api/v1/cases/${caseId}/preflight`)).json().data.problems).toEqual([
      { code: 'recommendation_missing', target: 'recommendation', params: { status: 'void' } },
    ]);
    const refused = await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
    expect([refused.statusCode, refused.json().error.details.problems]).toEqual([422, [{ code: 'recommendation_missing', target: 'recommendation', params: { status: 'void' } }]]);

    // Asked again: the mail says the text changed, and the page shows exactly what.
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const mail = await app.db.selectFrom('mails').select('text_body').where('template', '=', 'superior_review').orderBy('created_at', 'desc').orderBy('id').execute();
    expect(mail.filter((m) => m.text_body.includes('该案例在贵单位上次审阅后已修改')).length).toBe(1);
    const token = await latestToken(app, 'jianwai@example.cn');
    const view = (await new TestClient(app).get(`/api/v1/superior-review?token=${token}`)).json().data;
    expect(view.changes).toEqual([{
      field: 'section:practice',
      ops: [
        { op: 'same', text: '二、做法' },
        ...Array.from({ length: 3 }, () => ({ op: 'same', text: PARAGRAPH })),
        { op: 'removed', text: PARAGRAPH },
        { op: 'added', text: NEW_PARAGRAPH },
      ],
    }]);
    expect(view.contentSha256).not.toBe(first.contentSha256);

    // Recommended again: it stands, bound to the new text's hash.
    await new TestClient(app).post('/api/v1/superior-review', { token, decision: 'recommend', opinion: '修改后仍同意推荐。', contentSha256: view.contentSha256 });
    const expected = createHash('sha256').update(canonicalCaseContent({ campaign: 'seventh-collection', caseId, content: edited })).digest('hex');
    expect(view.contentSha256).toBe(expected);
    const row = await app.db.selectFrom('cases').select(['recommendation', 'recommendation_sha256', 'content_sha256']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ recommendation: 'recommended', recommendation_sha256: expected, content_sha256: expected });
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data).toMatchObject({ recommendation: 'recommended', recommendationNote: '修改后仍同意推荐。' });
    expect((await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
  });

  it('records nothing when the unit changed the text after the superior read it', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await saveContent(client, caseId, completeContent(800));
    await client.post(`/api/v1/cases/${caseId}/superior-review`);
    const token = await latestToken(app, 'jianwai@example.cn');
    const superior = new TestClient(app);
    const read = (await superior.get(`/api/v1/superior-review?token=${token}`)).json().data;
    await saveContent(client, caseId, completeContent(800, '改过的标题'));

    const res = await superior.post('/api/v1/superior-review', { token, decision: 'recommend', opinion: '同意推荐。', contentSha256: read.contentSha256 });
    expect([res.statusCode, res.json().error]).toEqual([409, { code: 'case_changed_since_read', message: '申报单位在您阅读后修改了案例，您的意见未保存。请刷新页面，查看修改之处后再作决定。' }]);
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.recommendation).toBe('pending');
    // The link still works: the superior reads the new text and decides on it.
    const reread = (await superior.get(`/api/v1/superior-review?token=${token}`)).json().data;
    expect(reread.content.title).toBe('改过的标题');
    expect((await superior.post('/api/v1/superior-review', { token, decision: 'recommend', opinion: '同意推荐。', contentSha256: reread.contentSha256 })).statusCode).toBe(200);
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.recommendation).toBe('recommended');
  });
});
