import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newId } from '../../ids.ts';
import { createOrganizerOfAnotherCampaign, createPerson, PASSWORD, signedIn } from '../../testing/people.ts';
import { SELECTION, selectionWorld } from '../../testing/selection-world.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { bigCampaign } from '../../testing/big-campaign.ts';
import { createTestApp } from '../../testing/test-app.ts';

const BASE = `/api/v1/campaigns/${SEVENTH}/exports`;
const EVIL = '=HYPERLINK("http://evil","x")';
// One best place, one excellent, at least one rural case: A (urban) best, C (rural) excellent.
const QUOTAS = { best: 1, excellent: 1, categories: { rural: { min: 1 } }, provinceCap: null };

/**
 * The selection world (A 82.69, C 78.93, D 75.91, B 40.34 normalized) with B titled like a formula,
 * the suggestion accepted and A demoted with a reason, one screening decision and one objection
 * written straight into their tables (the notice's service is another module's).
 */
async function exportWorld() {
  const world = await selectionWorld(QUOTAS);
  const { app, organizer, cases, campaignId } = world;
  await app.db.updateTable('cases').set({ title: EVIL }).where('id', '=', cases.B.caseId).execute();
  expect((await organizer.post(`${SELECTION}/suggestion`, {})).statusCode).toBe(200);
  expect((await organizer.post(`${SELECTION}/accept`, {})).statusCode).toBe(200);
  expect((await organizer.put(`${SELECTION}/cases/${cases.A.caseId}`, { tier: 'none', reason: '材料存疑，待核实' })).statusCode).toBe(200);
  const submission = await app.db.selectFrom('case_submissions').select('id').where('case_id', '=', cases.D.caseId).executeTakeFirstOrThrow();
  await app.db.insertInto('screening_decisions').values({
    id: newId(), campaign_id: campaignId, case_id: cases.D.caseId, submission_id: submission.id, seq: 1, ordinal: 1, decision: 'rejected',
    reason: '-与主题无关', due_at: null, reverses_id: null, definition_version: 1, actor_id: 'u', actor_label: '秘书处 <organizer@example.cn>',
    decided_at: '2024-07-03T02:30:00.000Z',
  }).execute();
  await app.db.insertInto('objections').values({
    id: newId(), campaign_id: campaignId, reference: 'YY-7-0001-K3QF', case_id: cases.C.caseId, author_name: '刘某', author_organization: '某村村委会',
    phone: '13800000000', email: 'liu@example.cn', body: '@所述成效与事实不符', status: 'dismissed', outcome_tier: null, outcome_reason: '经核实，材料属实',
    resolved_by: null, resolved_at: '2024-08-02T08:00:00.000Z', created_at: '2024-08-01T01:02:03.000Z',
  }).execute();
  return world;
}

/** Downloads one export through the route and reads its one sheet back: the name and every row, cell by cell. */
async function download(client: TestClient, kind: string, query = '') {
  const res = await client.get(`${BASE}/${kind}${query}`);
  expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  expect(workbook.worksheets.length).toBe(1);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return { name: sheet.name, rows, disposition: String(res.headers['content-disposition']), sheet, raw: res.rawPayload };
}

describe(`exports (${testEngine()})`, () => {
  it('exports the cases with their unit, category and status, a formula-like title kept as text, under a Chinese file name', async () => {
    const { app, organizer, cases } = await exportWorld();
    const { name, rows, disposition, sheet } = await download(organizer, 'cases');
    expect(name).toBe('案例');
    expect(disposition).toMatch(/^attachment; filename="seventh-collection-cases-\d{8}-\d{4}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^第七届基层党建创新典型案例征集-案例-\d{8}-\d{4}\.xlsx$/);
    expect(rows[0]).toEqual(['案例编号', '案例名称', '申报单位', '行政区划代码', '类别', '案例状态', '初审', '上级推荐', '提交次数', '回执编号', '最后提交时间（北京时间）']);
    const facts = await app.db.selectFrom('cases as c').innerJoin('organizations as o', 'o.id', 'c.organization_id')
      .innerJoin('case_submissions as s', 's.case_id', 'c.id').select(['c.id', 'o.name', 'o.division_code', 's.receipt_number']).execute();
    const fact = new Map(facts.map((f) => [f.id, f]));
    const A = fact.get(cases.A.caseId)!;
    expect(rows.find((r) => r[0] === cases.A.caseId)).toEqual([
      cases.A.caseId, '案例甲', A.name, A.division_code, '城市基层党建', '已提交', '已通过', '未申请推荐', 1, A.receipt_number, expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    ]);
    expect(rows.find((r) => r[0] === cases.C.caseId)![4]).toBe('农村基层党建');
    // The formula stays text: written as a string with a leading apostrophe, never as a formula cell.
    const evil = sheet.getRow(rows.findIndex((r) => r[0] === cases.B.caseId) + 1).getCell(2);
    expect([evil.type, evil.value]).toEqual([ExcelJS.ValueType.String, `'${EVIL}`]);
    expect(rows.length).toBe(5);
  });

  it('exports the scores: each reviewer, raw and normalized on every criterion, with the case score and rank', async () => {
    const { organizer, cases } = await exportWorld();
    const { rows } = await download(organizer, 'scores');
    expect(rows[0]).toEqual([
      '案例编号', '案例名称', '申报单位', '类别', '评审专家', '专家邮箱',
      '真实性（原始分）', '创新性（原始分）', '实效性（原始分）', '典型性（原始分）', '真实性（标准化）', '创新性（标准化）', '实效性（标准化）', '典型性（标准化）',
      '加权总分（原始）', '加权总分（标准化）', '推荐等次', '评语', '决定时间（北京时间）', '案例原始分', '案例标准化得分', '总排名',
    ]);
    // The ranking test's numbers: R1's 5 on A normalizes to 4.98251, R2's 4 to 4.23925, R3's 3 to 3.18236.
    const ofA = rows.filter((r) => r[0] === cases.A.caseId).map((r) => [r[4], r[5], ...r.slice(6, 16), r[16], r[17], r[19], r[20], r[21]]);
    expect(ofA.map((r) => r.map((v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)))).toEqual(expect.arrayContaining([
      ['王一', 'r1@example.cn', 5, 5, 5, 5, 4.98, 4.98, 4.98, 4.98, 100, 99.65, '优秀案例', 'A5', 80, 82.69, 1],
      ['李二', 'r2@example.cn', 4, 4, 4, 4, 4.24, 4.24, 4.24, 4.24, 80, 84.79, '优秀案例', 'A4', 80, 82.69, 1],
      ['张三', 'r3@example.cn', 3, 3, 3, 3, 3.18, 3.18, 3.18, 3.18, 60, 63.65, '优秀案例', 'A3', 80, 82.69, 1],
    ]));
    expect(ofA.length).toBe(3);
    expect(rows.length).toBe(1 + 10);
  });

  it('exports the selection with the reason of a changed decision, and the screening decisions', async () => {
    const { organizer, cases } = await exportWorld();
    const selection = await download(organizer, 'selection');
    expect(selection.rows[0]).toEqual(['案例编号', '案例名称', '申报单位', '评选结果', '建议名单中的等次', '来源', '理由', '决定人', '决定时间（北京时间）', '最终结果', '证书编号']);
    expect(selection.rows.find((r) => r[0] === cases.A.caseId)!.slice(1, 8)).toEqual(['案例甲', expect.any(String), '未入选', '最佳', '人工改动', '材料存疑，待核实', 'organizer']);
    expect(selection.rows.find((r) => r[0] === cases.C.caseId)!.slice(3, 8)).toEqual(['优秀', '优秀', '采纳建议', null, 'organizer']);
    const screening = await download(organizer, 'screening');
    expect(screening.rows.slice(1)).toEqual([
      [cases.D.caseId, '案例丁', expect.any(String), 1, '不通过', "'-与主题无关", null, null, '秘书处 <organizer@example.cn>', '2024-07-03 10:30:00'],
    ]);
  });

  it('exports assignments with reviewer identities, and objections with their authors and outcomes, in English when asked', async () => {
    const { app, organizer, cases } = await exportWorld();
    const assignments = await download(organizer, 'assignments', '?lang=en');
    expect(assignments.name).toBe('Review assignments');
    expect(assignments.rows[0]!.slice(3, 8)).toEqual(['Reviewer', 'Reviewer e-mail', 'Assignment state', 'Assigned by', 'Released at (Beijing time)']);
    expect(assignments.rows.filter((r) => r[0] === cases.B.caseId).map((r) => [r[1], r[3], r[4], r[5], r[10], r[11]]).sort()).toEqual([
      [`'${EVIL}`, '张三', 'r3@example.cn', 'Released', 'Submitted', 'Excellent case'],
      [`'${EVIL}`, '李二', 'r2@example.cn', 'Released', 'Submitted', 'Excellent case'],
      [`'${EVIL}`, '王一', 'r1@example.cn', 'Released', 'Submitted', 'Excellent case'],
    ]);
    const english = new TestClient(app, { 'accept-language': 'en' });
    await english.post('/api/v1/auth/sign-in', { email: 'organizer@example.cn', password: PASSWORD });
    const objections = await download(english, 'objections');
    expect(objections.disposition).toMatch(/filename\*=UTF-8''7th%20Collection%20of%20Grass-roots%20Party-building%20Cases-Objections-\d{8}-\d{4}\.xlsx$/);
    expect(objections.rows).toEqual([
      ['Reference', 'Case ID', 'Title', 'Submitting unit', 'Filed by', 'Organization of the author', 'Phone', 'E-mail', 'Objection', 'Filed at (Beijing time)',
        'Status', 'Tier afterwards', 'Outcome', 'Resolved by', 'Resolved at (Beijing time)'],
      ['YY-7-0001-K3QF', cases.C.caseId, '案例丙', expect.any(String), '刘某', '某村村委会', '13800000000', 'liu@example.cn', "'@所述成效与事实不符", '2024-08-01 09:02:03',
        'Dismissed', null, '经核实，材料属实', null, '2024-08-02 16:00:00'],
    ]);
  });

  it('reads the cases a page at a time and writes each once: 1,201 cases over three pages', async () => {
    const { app } = await createTestApp();
    const { caseIds } = await bigCampaign(app, { cases: 1201, reviewers: 0 });
    await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const { rows } = await download(await signedIn(app, 'organizer@example.cn'), 'cases');
    expect(rows.slice(1).map((r) => r[0])).toEqual([...caseIds].sort());
    expect(rows[1201]![4]).toBe('城市基层党建');
  }, 120_000);

  it('refuses units, reviewers, strangers and organizers of another campaign, in the caller language, before writing a byte', async () => {
    const { app, cases, reviewers } = await exportWorld();
    await createOrganizerOfAnotherCampaign(app.db, 'other-organizer@example.cn');
    const refusal = async (client: TestClient, kind = 'scores') => {
      const res = await client.get(`${BASE}/${kind}`);
      return [res.statusCode, res.json().error.code, res.json().error.message];
    };
    expect(await refusal(new TestClient(app))).toEqual([401, 'unauthenticated', '请先登录。']);
    expect(await refusal(new TestClient(app, { 'accept-language': 'en' }))).toEqual([401, 'unauthenticated', 'Please sign in first.']);
    expect(await refusal(cases.A.client)).toEqual([403, 'forbidden', '您没有执行此操作的权限。']);
    expect(await refusal(cases.A.client, 'cases?lang=en')).toEqual([403, 'forbidden', 'You may not do this.']);
    const reviewer = await signedIn(app, reviewers[0]!.email);
    expect(await refusal(reviewer, 'assignments')).toEqual([403, 'forbidden', '您没有执行此操作的权限。']);
    expect(await refusal(reviewer, 'assignments?lang=en')).toEqual([403, 'forbidden', 'You may not do this.']);
    const other = await signedIn(app, 'other-organizer@example.cn');
    expect(await refusal(other, 'objections')).toEqual([404, 'campaign_not_found', `未找到征集活动“${SEVENTH}”。`]);
    expect(await refusal(other, 'objections?lang=en')).toEqual([404, 'campaign_not_found', `There is no collection “${SEVENTH}”.`]);
    expect((await refusal(await signedIn(app, 'organizer@example.cn'), 'everything'))[0]).toBe(400);
  });
});
