import { describe, expect, it } from 'vitest';
import { assignmentWorld, BASE, finishedRun, moveTo } from '../../testing/assignment-world.ts';
import { AFTER_WINDOW } from '../../testing/fixtures.ts';
import { testEngine } from '../../testing/test-database.ts';

type Preview = {
  summary: { cases: number; covered: number; proposed: number; released: number; shortfall: unknown[] };
  reviewers: { id: string; email: string; capacity: number; proposed: number; released: number }[];
  cases: { id: string; title: string; missing: number; reviewers: { assignmentId: string; reviewerId: string; state: string; source: string }[]; options: { id: string }[] }[];
};

describe(`reviewer assignment (${testEngine()})`, () => {
  it('runs the solver on the passed cases, proposes a conflict-free assignment within capacity and names the rural shortfall', async () => {
    const { organizer, cases, ids, database, campaignId } = await assignmentWorld();
    const started = await organizer.post(`${BASE}/assignment-runs`, {});
    expect([started.statusCode, started.json().data.status]).toEqual([202, 'running']);
    const run = await finishedRun(organizer);
    expect(run.status).toBe('done');
    expect(run.progress.phase).toBe('done');
    expect(run.result.optimal).toBe(true);
    expect(run.result.cases).toBe(3);
    expect(run.result.shortfall).toEqual([{ category: 'rural', cases: 1, missing: 2 }]);
    expect(run.result.diagnosis.categories).toEqual([{ category: 'rural', demand: 3, supply: 1, shortfall: 2 }]);
    expect([run.result.figures.coverage, run.result.figures.casesCovered, run.result.figures.reviewsMissing, run.result.figures.sameProvincePairs]).toEqual([0.6667, 2, 2, 0]);

    const rows = await database.db.selectFrom('review_assignments').select(['case_id', 'reviewer_id', 'state', 'source', 'run_id', 'definition_version', 'campaign_id']).execute();
    expect(new Set(rows.map((r) => `${r.state} ${r.source} ${r.run_id} ${r.definition_version} ${r.campaign_id}`))).toEqual(new Set([`proposed solver ${run.id} 1 ${campaignId}`]));
    const onCase = (id: string) => rows.filter((r) => r.case_id === id).map((r) => r.reviewer_id);
    expect(onCase(cases.A.caseId)).toHaveLength(3);
    expect(onCase(cases.B.caseId)).toHaveLength(3);
    expect(onCase(cases.C.caseId)).toEqual([]);
    expect(onCase(cases.D.caseId)).toEqual([ids.rural]);
    const urban = [ids.r1!, ids.r2!, ids.r3!, ids.r4!];
    expect([...onCase(cases.A.caseId), ...onCase(cases.B.caseId)].every((r) => urban.includes(r))).toBe(true);
    const loads = urban.map((r) => rows.filter((x) => x.reviewer_id === r).length);
    expect(loads.every((n) => n <= 2) && loads.reduce((a, b) => a + b) === 6).toBe(true);

    const preview = (await organizer.get(`${BASE}/assignments`)).json() as { data: Preview; total: number };
    expect(preview.total).toBe(3);
    expect(preview.data.summary).toEqual({ reviewsPerCase: 3, cases: 3, covered: 2, proposed: 7, released: 0, shortfall: [{ category: 'rural', cases: 1, missing: 2 }] });
    expect(preview.data.reviewers.map((r) => [r.email, r.capacity, r.proposed]).find((r) => r[0] === 'near@example.cn')).toEqual(['near@example.cn', 5, 0]);
    for (const c of preview.data.cases) {
      const on = new Set(c.reviewers.map((r) => r.reviewerId));
      const expected = c.id === cases.D.caseId ? [] : urban.filter((r) => !on.has(r) && rows.filter((x) => x.reviewer_id === r).length < 2);
      expect(c.options.map((o) => o.id).sort()).toEqual(expected.sort());
    }
    const short = (await organizer.get(`${BASE}/assignments?state=short`)).json();
    expect([short.total, short.data.cases.map((c: { title: string; missing: number }) => [c.title, c.missing])]).toEqual([1, [['农村案例丁', 2]]]);
    const rural = (await organizer.get(`${BASE}/assignments?category=urban&reviewer=${ids.rural}`)).json();
    expect(rural.total).toBe(0);
    const bad = await organizer.get(`${BASE}/assignments?state=late&page=0`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a second run while one is solving', async () => {
    const { organizer } = await assignmentWorld();
    expect((await organizer.post(`${BASE}/assignment-runs`, {})).statusCode).toBe(202);
    const second = await organizer.post(`${BASE}/assignment-runs`, {});
    expect([second.statusCode, second.json().error]).toEqual([409, { code: 'assignment_run_running', message: '本次征集已有一次分配正在计算，请等它结束后再开始。' }]);
    await finishedRun(organizer);
    expect((await organizer.post(`${BASE}/assignment-runs`, {})).statusCode).toBe(202);
    await finishedRun(organizer);
  });

  it('adds and removes pairs by hand, refusing each bad pair with its reason, and audits each change', async () => {
    const { organizer, cases, ids, database } = await assignmentWorld();
    const add = (caseId: string, reviewerId: string, lang = 'zh-CN') => organizer.request({ method: 'POST', url: `${BASE}/assignments`, body: { caseId, reviewerId }, headers: { 'accept-language': lang } });
    const refusal = async (caseId: string, reviewerId: string, lang?: string) => { const r = await add(caseId, reviewerId, lang); return [r.statusCode, r.json().error.message]; };
    expect(await refusal(cases.A.caseId, ids.near!)).toEqual([409, '该专家与该案例存在利益冲突，不能分配。']);
    expect(await refusal(cases.A.caseId, ids.near!, 'en')).toEqual([409, 'This reviewer has a conflict of interest with the case and cannot be assigned to it.']);
    expect(await refusal(cases.A.caseId, ids.zero!)).toEqual([409, '该专家已分配 0 件，已达上限 0 件。']);
    expect(await refusal(cases.A.caseId, ids.rural!)).toEqual([409, '该专家的专长不含该案例的类别“城市基层党建”。']);
    expect(await refusal(cases.C.caseId, ids.r1!)).toEqual([409, '该案例未通过初审，不能分配评审专家。']);
    expect((await add(cases.A.caseId, 'no-such-reviewer')).statusCode).toBe(404);

    const first = await add(cases.A.caseId, ids.r1!);
    expect(first.statusCode).toBe(201);
    expect(await refusal(cases.A.caseId, ids.r1!)).toEqual([409, '该专家已分配到该案例。']);
    expect((await add(cases.B.caseId, ids.r1!)).statusCode).toBe(201);
    expect(await refusal(cases.D.caseId, ids.r1!)).toEqual([409, '该专家的专长不含该案例的类别“农村基层党建”。']);
    await database.db.updateTable('campaign_reviewers').set({ expertise: '["urban","rural"]' }).where('id', '=', ids.r1!).execute();
    expect(await refusal(cases.D.caseId, ids.r1!, 'en')).toEqual([409, 'This reviewer already has 2 cases, their limit of 2.']);

    const id = first.json().data.id as string;
    expect((await organizer.request({ method: 'DELETE', url: `${BASE}/assignments/${id}` })).json()).toEqual({ status: 'removed' });
    expect((await organizer.request({ method: 'DELETE', url: `${BASE}/assignments/${id}` })).statusCode).toBe(404);
    const row = await database.db.selectFrom('review_assignments').select(['state', 'source', 'end_reason']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'removed', source: 'manual', end_reason: 'removed_by_organizer' });
    const audit = await database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', 'like', 'assignment.%').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'assignment.add', subject_id: cases.A.caseId }, { action: 'assignment.add', subject_id: cases.B.caseId }, { action: 'assignment.remove', subject_id: cases.A.caseId },
    ]);
  });

  it('releases in the review phase only, refuses a shortfall unless overridden with a reason, mails each reviewer once, and keeps released pairs on the next run', async () => {
    const { organizer, database, ids, cases, setNow } = await assignmentWorld();
    await organizer.post(`${BASE}/assignment-runs`, {});
    await finishedRun(organizer);
    const early = await organizer.post(`${BASE}/assignments/release`, {});
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'phase_closed']);
    await moveTo(organizer, 'review');

    const short = await organizer.post(`${BASE}/assignments/release`, {});
    expect([short.statusCode, short.json().error]).toEqual([409, {
      code: 'assignment_short',
      message: '部分类别评审人次不足，不能发布：农村基层党建缺 2 人次（1 件案例）。请增加专家或调整分配后再发布，或填写理由后强制发布。',
      details: [{ category: 'rural', cases: 1, missing: 2 }],
    }]);
    const en = await organizer.request({ method: 'POST', url: `${BASE}/assignments/release`, body: {}, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toContain('Rural grass-roots Party building: 2 reviews missing (1 cases)');
    const noReason = await organizer.post(`${BASE}/assignments/release`, { override: true, reason: ' ' });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'assignment_override_reason']);
    expect(await database.db.selectFrom('review_assignments').select('id').where('state', '=', 'released').execute()).toEqual([]);

    const given = await database.db.selectFrom('review_assignments as a').innerJoin('campaign_reviewers as r', 'r.id', 'a.reviewer_id').select('r.email').where('a.state', '=', 'proposed').execute();
    const reviewers = [...new Set(given.map((g) => g.email))].sort();
    const released = await organizer.post(`${BASE}/assignments/release`, { override: true, reason: '农村类专家仍在邀请中，先行发布' });
    expect(released.json().data).toEqual({ released: 7, reviewers: reviewers.length, shortfall: [{ category: 'rural', cases: 1, missing: 2 }] });
    const mails = await database.db.selectFrom('mails').select(['to_email', 'template', 'locale', 'subject']).where('template', '=', 'assignment_released').execute();
    expect(mails.map((m) => m.to_email).sort()).toEqual(reviewers);
    expect(mails.find((m) => m.to_email === 'rural@example.cn')).toEqual({
      to_email: 'rural@example.cn', template: 'assignment_released', locale: 'zh-CN', subject: '「征集平台」「第七届全国基层党建创新典型案例征集活动」已为您分配 1 件评审案例',
    });
    const audit = await database.db.selectFrom('audit_log').select('change').where('action', '=', 'assignment.release').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.change)).toMatchObject({ released: 7, override: true, reason: '农村类专家仍在邀请中，先行发布' });
    const again = await organizer.post(`${BASE}/assignments/release`, {});
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'assignment_nothing_to_release']);

    const before = await database.db.selectFrom('review_assignments').select(['id', 'case_id', 'reviewer_id']).where('state', '=', 'released').orderBy('id').execute();
    // A rural reviewer joins; the next run keeps every released pair and proposes the rural case's missing two.
    await database.db.updateTable('campaign_reviewers').set({ expertise: '["urban","rural"]' }).where('id', 'in', [ids.r1!, ids.r2!, ids.r3!, ids.r4!]).execute();
    await database.db.updateTable('campaign_reviewers').set({ capacity: 3 }).where('id', 'in', [ids.r1!, ids.r2!, ids.r3!, ids.r4!]).execute();
    setNow(new Date(AFTER_WINDOW.getTime() + 60_000));
    await organizer.post(`${BASE}/assignment-runs`, {});
    const rerun = await finishedRun(organizer);
    expect(rerun.result.shortfall).toEqual([]);
    expect(await database.db.selectFrom('review_assignments').select(['id', 'case_id', 'reviewer_id']).where('state', '=', 'released').orderBy('id').execute()).toEqual(before);
    const proposed = await database.db.selectFrom('review_assignments').select(['case_id']).where('state', '=', 'proposed').execute();
    expect(proposed).toEqual([{ case_id: cases.D.caseId }, { case_id: cases.D.caseId }]);
  });
});
