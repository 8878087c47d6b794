import { describe, expect, it } from 'vitest';
import { setPhase } from '../../testing/assignments.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { assignedCase, FULL_SCORES } from '../../testing/review-cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

async function setUp() {
  const test = await createTestApp();
  const c = await assignedCase(test.app, { reviewerEmail: 'chen@example.cn' });
  const reviewer = await signedIn(test.app, 'chen@example.cn');
  const english = new TestClient(test.app, { 'accept-language': 'en' });
  await english.post('/api/v1/auth/sign-in', { email: 'chen@example.cn', password: 'Zhengji-test-2024!' });
  return { ...test, ...c, reviewer, english, url: `/api/v1/reviews/assignments/${c.assignmentId}` };
}

describe(`the reviewer workbench (${testEngine()})`, () => {
  it('lists my released assignment with its progress and the due date on the campaign clock', async () => {
    const { reviewer, assignmentId } = await setUp();
    expect((await reviewer.get('/api/v1/reviews/assignments')).json().data).toEqual({
      assignments: [{
        id: assignmentId, campaign: { slug: SEVENTH, title: '第七届全国基层党建创新典型案例征集活动' }, caseTitle: '■■：“红色物业”让社区治理更有温度',
        category: 'urban', blind: true, state: 'not_started', scored: 0, criteria: 4,
        dueAt: '2024-08-31T15:59:59.999Z', dueAtLocal: '2024-08-31 23:59:59', zone: '北京时间', releasedAt: '2024-07-02T00:00:00.000Z',
      }],
      progress: { total: 1, submitted: 0, drafts: 0 },
    });
  });

  it('shows the assigned case without the unit in blind review: no name, division, people, form or seal', async () => {
    const { reviewer, url, unitName, photoId, assignmentId } = await setUp();
    const data = (await reviewer.get(url)).json().data;
    expect([data.blind, data.canScore, data.case.unit, data.case.title, data.case.category]).toEqual([
      true, true, null, '■■：“红色物业”让社区治理更有温度', { key: 'urban', name: '城市基层党建' },
    ]);
    expect(data.case.sections[0]).toEqual({ key: 'background', name: '背景', html: expect.stringMatching(/^<h3>一、背景<\/h3><p>■■书记■■（电话 ■■）牵头。<\/p>/) });
    expect(JSON.stringify(data)).not.toMatch(new RegExp([unitName, UNIT_INPUT.contactName, UNIT_INPUT.contactPhone, UNIT_INPUT.contactEmail, UNIT_INPUT.address, UNIT_INPUT.superiorName, UNIT_INPUT.divisionCode].join('|')));
    expect(data.declaration.map((f: { key: string; hidden: boolean }) => [f.key, f.hidden])).toEqual([
      ['case-title', false], ['category', false], ['unit', true], ['address', true], ['postcode', true], ['contact-person', true],
      ['position', true], ['phone', true], ['email', true], ['summary', false], ['unit-opinion', true], ['superior-opinion', true],
    ]);
    expect(data.attachments).toEqual([{
      id: photoId, kind: 'photos', kindName: '相关图片', fileName: '■■活动照片.png', size: 66, mediaType: 'image/png',
      fileUrl: `/api/v1/reviews/assignments/${assignmentId}/attachments/${photoId}/file`, thumbnailUrl: null,
    }]);
    expect(data.criteria.map((c: { key: string; weight: number; levels: unknown[] }) => [c.key, c.weight, c.levels.length])).toEqual([
      ['authenticity', 25, 5], ['innovation', 25, 5], ['effectiveness', 30, 5], ['typicality', 20, 5],
    ]);
    expect(data.criteria[0].levels[4]).toEqual({ score: 5, rubric: '完全来源于真实实践，细节翔实，佐证充分，上级党组织意见明确认可。' });
    expect(data.review).toBeNull();
  });

  it('serves the photo under a masked name and refuses the declaration form and the seal scan in blind review', async () => {
    const { app, reviewer, url, photoId, caseId } = await setUp();
    const photo = await reviewer.get(`${url}/attachments/${photoId}/file`);
    expect([photo.statusCode, photo.headers['content-type'], photo.headers['content-disposition']]).toEqual([
      200, 'image/png', expect.stringContaining(`filename*=UTF-8''${encodeURIComponent('■■活动照片.png')}`),
    ]);
    const hidden = await app.db.selectFrom('attachments').select(['id', 'kind']).where('case_id', '=', caseId).where('kind', '!=', 'photos').orderBy('kind').execute();
    expect(hidden.map((h) => h.kind)).toEqual(['declaration-form', 'sealed-form']);
    for (const h of hidden) expect((await reviewer.get(`${url}/attachments/${h.id}/file`)).json().error.code).toBe('not_found');
    // Nor through the unit's own attachment route.
    expect((await reviewer.get(`/api/v1/attachments/${hidden[1]!.id}/file`)).statusCode).toBe(404);
  });

  it('shows the unit, the whole form and every file when the campaign does not review blind', async () => {
    const { app, reviewer, url, unitName } = await setUp();
    const campaign = await app.db.selectFrom('campaigns').select(['id', 'definition']).where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
    const definition = JSON.parse(campaign.definition);
    definition.review.blind = false;
    await app.db.updateTable('campaigns').set({ definition: JSON.stringify(definition), content_hash: 'open-review' }).where('id', '=', campaign.id).execute();
    await setPhase(app, 'review');
    const data = (await reviewer.get(url)).json().data;
    expect([data.blind, data.case.unit, data.case.title]).toEqual([false, { name: unitName, divisionCode: '110105' }, `${unitName}：“红色物业”让社区治理更有温度`]);
    expect(data.declaration.find((f: { key: string }) => f.key === 'phone')).toEqual({ key: 'phone', label: '联系电话', value: UNIT_INPUT.contactPhone, hidden: false });
    expect(data.attachments.map((a: { kind: string }) => a.kind)).toEqual(['declaration-form', 'sealed-form', 'photos']);
  });

  it('saves drafts under a version, refuses a stale one without losing the saved review, and ends editing at submit', async () => {
    const { app, reviewer, english, url, caseId } = await setUp();
    const first = await reviewer.put(`${url}/review`, { version: 0, scores: { authenticity: 4 }, comment: ' 材料扎实 ', tier: null });
    expect(first.json().data).toEqual({
      status: 'draft', version: 1, scores: { authenticity: 4 }, comment: '材料扎实', tier: null, total: null,
      updatedAt: '2024-05-01T02:00:00.000Z', submittedAt: null,
    });
    const stale = await english.put(`${url}/review`, { version: 0, scores: { authenticity: 1 }, comment: '', tier: null });
    expect([stale.statusCode, stale.json().error.code, stale.json().error.message, stale.json().error.details.review.scores]).toEqual([
      409, 'review_version_conflict', 'This review was saved elsewhere (another tab). Look at the latest version before saving; what you typed is kept.', { authenticity: 4 },
    ]);
    const incomplete = await reviewer.post(`${url}/review/submit`, { version: 1, scores: { authenticity: 4, innovation: 3 }, comment: '', tier: 'best' });
    expect([incomplete.statusCode, incomplete.json().error.message, incomplete.json().error.details.problems]).toEqual([
      422, '请为“实效性”打分后再提交。', [{ code: 'score_missing', criterion: 'effectiveness' }, { code: 'score_missing', criterion: 'typicality' }],
    ]);
    const outOfRange = await english.put(`${url}/review`, { version: 1, scores: { ...FULL_SCORES, typicality: 6 }, comment: '', tier: null });
    expect([outOfRange.statusCode, outOfRange.json().error.message]).toEqual([422, 'The score for “Typicality” must be a whole number from 1 to 5.']);
    const fraction = await reviewer.put(`${url}/review`, { version: 1, scores: { innovation: 2.5 }, comment: '', tier: null });
    expect(fraction.json().error.message).toBe('“创新性”的分数须是 1 到 5 之间的整数。');
    const noTier = await english.post(`${url}/review/submit`, { version: 1, scores: FULL_SCORES, comment: '', tier: null });
    expect(noTier.json().error.message).toBe('Choose a recommended tier before submitting.');
    const unknown = await reviewer.put(`${url}/review`, { version: 1, scores: { style: 3 }, comment: '', tier: 'gold' });
    expect(unknown.json().error.message).toBe('没有名为“style”的评审标准。');
    const long = await reviewer.put(`${url}/review`, { version: 1, scores: {}, comment: '很'.repeat(2001), tier: null });
    expect(long.json().error.message).toBe('评审意见不能超过 2000 字。');
    // None of the refused saves changed what was saved.
    expect((await reviewer.get(url)).json().data.review).toMatchObject({ version: 1, scores: { authenticity: 4 }, comment: '材料扎实' });

    const submitted = await reviewer.post(`${url}/review/submit`, { version: 1, scores: FULL_SCORES, comment: '材料扎实，成效突出', tier: 'excellent' });
    expect(submitted.json().data).toEqual({
      status: 'submitted', version: 2, scores: FULL_SCORES, comment: '材料扎实，成效突出', tier: 'excellent', total: 81,
      updatedAt: '2024-05-01T02:00:00.000Z', submittedAt: '2024-05-01T02:00:00.000Z',
    });
    const after = await english.put(`${url}/review`, { version: 2, scores: FULL_SCORES, comment: 'changed', tier: 'best' });
    expect([after.statusCode, after.json().error.message]).toEqual([409, 'This review has been submitted and can no longer be changed.']);
    const again = await reviewer.post(`${url}/review/submit`, { version: 2, scores: FULL_SCORES, comment: '', tier: 'best' });
    expect([again.statusCode, again.json().error.message]).toEqual([409, '该评分已提交，不能再修改。']);
    expect((await reviewer.get(url)).json().data.canScore).toBe(false);
    expect((await reviewer.get('/api/v1/reviews/assignments')).json().data.progress).toEqual({ total: 1, submitted: 1, drafts: 0 });
    const audit = await app.db.selectFrom('audit_log').select(['action', 'subject_id', 'change']).where('action', '=', 'review.submit').execute();
    expect(audit.map((a) => [a.action, a.subject_id, JSON.parse(a.change).tier])).toEqual([['review.submit', caseId, 'excellent']]);
    const row = await app.db.selectFrom('reviews').select(['status', 'scores', 'tier', 'definition_version']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', scores: JSON.stringify(FULL_SCORES), tier: 'excellent', definition_version: 1 });
  });

  it('scores only in the review phase, and says so in the caller language', async () => {
    const { app, reviewer, english, url } = await setUp();
    await setPhase(app, 'screening');
    expect((await reviewer.get(url)).json().data.canScore).toBe(false);
    const zh = await reviewer.put(`${url}/review`, { version: 0, scores: { authenticity: 4 }, comment: '', tier: null });
    const en = await english.post(`${url}/review/submit`, { version: 0, scores: FULL_SCORES, comment: '', tier: 'best' });
    expect([zh.statusCode, zh.json().error.message, en.json().error.message]).toEqual([
      409, '征集活动当前处于“初审”阶段，此操作现在不可用。', 'The collection is in its screening phase; this action is not open now.',
    ]);
    expect(await app.db.selectFrom('reviews').select('id').execute()).toEqual([]);
  });

  it('hands the case back on "I have a conflict": declared, audited, organizers mailed, and gone from my list', async () => {
    const { app, reviewer, url, caseId, assignmentId } = await setUp();
    const campaign = await app.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
    await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
    await reviewer.put(`${url}/review`, { version: 0, scores: { authenticity: 4 }, comment: '', tier: null });
    const res = await reviewer.post(`${url}/conflict`, { reason: '本人曾在该社区挂职' });
    expect(res.json()).toEqual({ status: 'handed_back' });
    const assignment = await app.db.selectFrom('review_assignments').select(['state', 'ended_at', 'end_reason']).where('id', '=', assignmentId).executeTakeFirstOrThrow();
    expect(assignment).toEqual({ state: 'handed_back', ended_at: '2024-05-01T02:00:00.000Z', end_reason: '本人曾在该社区挂职' });
    const marks = await app.db.selectFrom('review_conflicts').select(['case_id', 'kind', 'reason']).execute();
    expect(marks).toEqual([{ case_id: caseId, kind: 'declared', reason: '本人曾在该社区挂职' }]);
    const audit = await app.db.selectFrom('audit_log').select(['subject_id', 'change']).where('action', '=', 'conflict.declare').execute();
    expect(audit.map((a) => [a.subject_id, JSON.parse(a.change).handedBack, JSON.parse(a.change).assignmentId])).toEqual([[caseId, true, assignmentId]]);
    const mails = await app.db.selectFrom('mails').select(['to_email', 'template', 'subject']).where('template', '=', 'review_handed_back').execute();
    expect(mails.map((m) => m.to_email)).toEqual(['organizer@example.cn']);
    expect(mails[0]!.subject).toMatch(/^「征集平台」评审专家声明利益冲突，案例「.+：“红色物业”让社区治理更有温度」待重新分配$/);
    expect((await reviewer.get(url)).statusCode).toBe(404);
    expect((await reviewer.post(`${url}/conflict`, { reason: '再次声明' })).statusCode).toBe(404);
    expect((await reviewer.get('/api/v1/reviews/assignments')).json().data).toEqual({ assignments: [], progress: { total: 0, submitted: 0, drafts: 0 } });
  });

  it('refuses a conflict after the scores are submitted', async () => {
    const { reviewer, url } = await setUp();
    await reviewer.post(`${url}/review/submit`, { version: 0, scores: FULL_SCORES, comment: '', tier: 'neither' });
    const res = await reviewer.post(`${url}/conflict`, { reason: '本人曾在该社区挂职' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'review_submitted']);
  });
});
