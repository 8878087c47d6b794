import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createOrganizerOfAnotherCampaign, createPerson, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { reviewerSheet } from '../../testing/reviewer-sheets.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';
import { XLSX_TYPE } from '../reviewers/reviewer-pool.routes.ts';

const UNIT_NAME = '北京市朝阳区建外街道第二社区党委';

async function setUp() {
  const test = await createTestApp();
  const { app, database } = test;
  const campaign = await database.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
  await createPerson(database.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
  await createPerson(database.db, { email: 'declarer@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
  await createPerson(database.db, { email: 'outsider@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
  const organizer = await signedIn(app, 'organizer@example.cn');
  const { client: unit, caseId } = await createDraftCase(app, { unitName: UNIT_NAME });
  await saveContent(unit, caseId, completeContent(4000));
  await attachRequiredFiles(app, caseId);
  expect((await unit.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
  // A recommendation given through a mailed link, as the case's history records it.
  await database.db.insertInto('case_events').values({
    id: randomUUID(), case_id: caseId, seq: 99, at: '2024-05-01T03:00:00.000Z', actor_id: null, actor_label: `${UNIT_INPUT.superiorName} <boss@example.cn>`,
    action: 'recommend', from_status: 'draft', to_status: 'draft', message: '同意推荐', due_at: null, submission_id: null,
  }).execute();
  const sheet = await reviewerSheet([
    ['同单位', 'same@example.cn', 'urban', 5, '', UNIT_NAME],
    ['上级', 'sup@example.cn', 'urban', 5, '', UNIT_INPUT.superiorName],
    ['上级邮箱', UNIT_INPUT.superiorEmail, 'urban', 5, '', ''],
    ['同区', 'div@example.cn', 'urban', 5, '北京市朝阳区', ''],
    ['海淀', 'haidian@example.cn', 'urban', 5, '110108', ''],
    ['推荐人', 'boss@example.cn', 'urban', 5, '440305', ''],
    ['声明人', 'declarer@example.cn', 'urban', 5, '440305', ''],
  ]);
  const imported = await organizer.request({ method: 'POST', url: `/api/v1/campaigns/${SEVENTH}/reviewer-imports`, body: sheet, headers: { 'content-type': XLSX_TYPE } });
  expect(imported.json().data.counts).toEqual({ imported: 7, updated: 0, refused: 0 });
  const ids = Object.fromEntries((await database.db.selectFrom('campaign_reviewers').select(['id', 'email']).execute()).map((r) => [r.email, r.id]));
  return { ...test, organizer, unit, caseId, ids, campaignId: campaign.id };
}

type Listed = { email: string; reasons: { code: string; message: string }[]; dismissed: boolean; declaredReason: string | null; dismissal: { reason: string } | null };
const summary = (list: Listed[]) => list.map((c) => [c.email, c.reasons.map((r) => r.code), c.dismissed]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe(`conflicts of interest (${testEngine()})`, () => {
  it('finds each kind of conflict, counts them per reviewer, and lets an organizer dismiss one with a recorded reason', async () => {
    const { organizer, caseId, ids, database } = await setUp();
    const list = async () => (await organizer.get(`/api/v1/cases/${caseId}/conflicts`)).json().data as Listed[];
    expect(summary(await list())).toEqual([
      ['boss@example.cn', ['recommended'], false],
      ['div@example.cn', ['same_division'], false],
      ['jianwai@example.cn', ['superior_unit'], false],
      ['same@example.cn', ['same_unit', 'same_division'], false],
      ['sup@example.cn', ['superior_unit'], false],
    ]);
    expect((await list()).find((c) => c.email === 'same@example.cn')!.reasons.map((r) => r.message)).toEqual(['与申报单位为同一单位', '与申报单位同属一个地区']);
    const counts = async () => Object.fromEntries(((await organizer.get(`/api/v1/campaigns/${SEVENTH}/reviewer-pool`)).json().data as { email: string; conflicts: number }[]).map((r) => [r.email, r.conflicts]));
    expect(await counts()).toEqual({ 'same@example.cn': 1, 'sup@example.cn': 1, 'jianwai@example.cn': 1, 'div@example.cn': 1, 'haidian@example.cn': 0, 'boss@example.cn': 1, 'declarer@example.cn': 0 });

    const dismiss = (reviewer: string) => organizer.post(`/api/v1/cases/${caseId}/conflicts/${reviewer}/dismissal`, { reason: '该专家已调离朝阳区，经核实无利害关系' });
    expect((await dismiss(ids['div@example.cn']!)).json()).toEqual({ status: 'dismissed' });
    const div = (await list()).find((c) => c.email === 'div@example.cn')!;
    expect([div.dismissed, div.dismissal?.reason]).toEqual([true, '该专家已调离朝阳区，经核实无利害关系']);
    expect((await counts())['div@example.cn']).toBe(0);
    const again = await dismiss(ids['div@example.cn']!);
    expect([again.statusCode, again.json().error.message]).toEqual([409, '该利益冲突已被排除。']);
    expect([(await dismiss(ids['haidian@example.cn']!)).statusCode, (await dismiss('no-such-reviewer')).statusCode]).toEqual([404, 404]);
    const audit = await database.db.selectFrom('audit_log').select(['subject_id', 'change']).where('action', '=', 'conflict.dismiss').execute();
    expect(audit.map((a) => [a.subject_id, JSON.parse(a.change)])).toEqual([[caseId, {
      reviewerId: ids['div@example.cn'], reviewerEmail: 'div@example.cn', reasons: ['same_division'], reason: '该专家已调离朝阳区，经核实无利害关系',
    }]]);
  });

  it('lets a reviewer in the pool declare a conflict, which no organizer can dismiss', async () => {
    const { app, organizer, unit, caseId, ids } = await setUp();
    const declarer = await signedIn(app, 'declarer@example.cn');
    expect((await declarer.post(`/api/v1/cases/${caseId}/conflict-declaration`, { reason: '曾为该单位授课' })).json()).toEqual({ status: 'declared' });
    const listed = ((await organizer.get(`/api/v1/cases/${caseId}/conflicts`)).json().data as (Listed & { email: string })[]).find((c) => c.email === 'declarer@example.cn')!;
    expect([listed.reasons.map((r) => r.code), listed.declaredReason, listed.dismissed]).toEqual([['declared'], '曾为该单位授课', false]);
    const dismissal = await organizer.post(`/api/v1/cases/${caseId}/conflicts/${ids['declarer@example.cn']}/dismissal?lang=en`, { reason: '不认可该声明理由' });
    expect([dismissal.statusCode, dismissal.json().error]).toEqual([409, { code: 'conflict_declared', message: 'The reviewer declared this conflict of interest themselves; it cannot be dismissed.' }]);

    // A reviewer outside the pool, the unit and a stranger get what a missing case gets.
    const outsider = await signedIn(app, 'outsider@example.cn');
    const missing = await declarer.post('/api/v1/cases/00000000-0000-4000-8000-000000000000/conflict-declaration', { reason: '曾为该单位授课' });
    for (const client of [outsider, unit]) {
      const res = await client.post(`/api/v1/cases/${caseId}/conflict-declaration`, { reason: '曾为该单位授课' });
      expect([res.statusCode, res.json().error]).toEqual([missing.statusCode, missing.json().error]);
    }
    expect(missing.statusCode).toBe(404);
    expect((await new TestClient(app).post(`/api/v1/cases/${caseId}/conflict-declaration`, { reason: '曾为该单位授课' })).statusCode).toBe(401);
  });

  it('records a declaration on the pool row the reviewer joined, not on another row of their address', async () => {
    const { app, database, caseId, campaignId } = await setUp();
    const account = await database.db.selectFrom('users').select('id').where('email', '=', 'declarer@example.cn').executeTakeFirstOrThrow();
    const joinedId = randomUUID();
    await database.db.insertInto('campaign_reviewers').values({
      id: joinedId, campaign_id: campaignId, email: 'declarer-old@example.cn', name: '声明人', division_code: null, affiliation_unit_id: null,
      user_id: account.id, source: 'invitation', created_at: '2024-05-01T00:00:00.000Z', updated_at: '2024-05-01T00:00:00.000Z',
    }).execute();
    expect((await (await signedIn(app, 'declarer@example.cn')).post(`/api/v1/cases/${caseId}/conflict-declaration`, { reason: '曾为该单位授课' })).statusCode).toBe(200);
    expect(await database.db.selectFrom('review_conflicts').select(['reviewer_id', 'kind']).execute()).toEqual([{ reviewer_id: joinedId, kind: 'declared' }]);
  });

  it('shows conflicts and counts to organizers of the campaign only', async () => {
    const { app, unit, caseId, ids, database } = await setUp();
    const reviewer = await signedIn(app, 'declarer@example.cn');
    await createOrganizerOfAnotherCampaign(database.db, 'other-organizer@example.cn');
    const other = await signedIn(app, 'other-organizer@example.cn');
    const codes = async (client: TestClient) => [
      (await client.get(`/api/v1/cases/${caseId}/conflicts`)).json().error?.code,
      (await client.get(`/api/v1/campaigns/${SEVENTH}/reviewer-pool`)).json().error?.code,
      (await client.post(`/api/v1/cases/${caseId}/conflicts/${ids['div@example.cn']}/dismissal`, { reason: '无利害关系' })).json().error?.code,
    ];
    expect(await codes(new TestClient(app))).toEqual(['unauthenticated', 'unauthenticated', 'unauthenticated']);
    expect(await codes(unit)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(await codes(reviewer)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(await codes(other)).toEqual(['not_found', 'campaign_not_found', 'not_found']);
    expect(await database.db.selectFrom('review_conflicts').select('id').where('kind', '=', 'dismissed').execute()).toEqual([]);
  });

  it('records one dismissal when two organizers dismiss the same conflict at once', async () => {
    const { organizer, caseId, ids, database } = await setUp();
    const url = `/api/v1/cases/${caseId}/conflicts/${ids['sup@example.cn']}/dismissal`;
    const answers = await Promise.all([organizer.post(url, { reason: '甲：已核实' }), organizer.post(url, { reason: '乙：已核实' })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect((await database.db.selectFrom('review_conflicts').select('id').where('kind', '=', 'dismissed').execute()).length).toBe(1);
    expect((await database.db.selectFrom('audit_log').select('seq').where('action', '=', 'conflict.dismiss').execute()).length).toBe(1);
  });
});
