import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachStoredFile, completeContent, createSubmittedCase } from '../../testing/cases.ts';
import { DURING_WINDOW, SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const QUEUE = `/api/v1/campaigns/${SEVENTH}/screening`;
const DECIDE = `${QUEUE}/decisions`;
const DUE = '2024-07-20T00:00:00.000Z';

type Row = { caseId: string; title: string; submissionId: string; state: string; category: string; divisionCode: string; recommendation: string; problems: unknown[]; similarity: { top: number | null; count: number }; sameFile: boolean };

/** Three submitted cases in screening: a near-duplicate pair (urban, rural) and one sharing a photo with the rural one, in Guangdong. */
async function world() {
  const test = await createTestApp();
  const { app, database } = test;
  const db = database.db;
  const campaign = await db.selectFrom('campaigns').selectAll().executeTakeFirstOrThrow();
  await createPerson(db, { email: 'organizer@example.cn', name: '王芳', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  const organizer = await signedIn(app, 'organizer@example.cn');
  const red = await createSubmittedCase(app, { title: '红色物业暖民心' });
  const rural = await createSubmittedCase(app, { content: { ...completeContent(1200, '乡村振兴党建引领'), category: 'rural' } });
  const south = await createSubmittedCase(app, { title: '深圳社区党建联盟' });
  await db.updateTable('organizations').set({ division_code: '440305' }).where('id', '=', south.organizationId).execute();
  const photo = new TextEncoder().encode('same photo bytes');
  await attachStoredFile(app, rural.caseId, 'photos', '活动.jpg', photo, 'image/jpeg');
  await attachStoredFile(app, south.caseId, 'photos', '活动.jpg', photo, 'image/jpeg');
  const match = (caseId: string, submissionId: string, other: string, exact: number) => ({
    id: randomUUID(), campaign_id: campaign.id, case_id: caseId, submission_id: submissionId, other_case_id: other, reference_id: null, estimated: exact, exact, computed_at: '2024-05-01T03:00:00.000Z',
  });
  await db.insertInto('similarity_matches').values([match(red.caseId, red.submissionId, rural.caseId, 0.82), match(rural.caseId, rural.submissionId, red.caseId, 0.82)]).execute();
  await db.updateTable('campaigns').set({ phase: 'screening' }).execute();
  return { ...test, db, campaign, organizer, red, rural, south };
}

const rowsOf = async (client: TestClient, query = '') => (await client.get(`${QUEUE}${query}`)).json() as { data: Row[]; total: number; counts: unknown };
const seen = (r: Row) => ({ caseId: r.caseId, submissionId: r.submissionId, state: r.state });

describe(`the screening queue (${testEngine()})`, () => {
  it('lists every submitted case with its format report, similarity and same-file flag, filtered and counted by the server', async () => {
    const { organizer, red, rural, south } = await world();
    const all = await rowsOf(organizer);
    expect(Object.fromEntries(all.data.map((r) => [r.caseId, [r.category, r.divisionCode, r.state, r.recommendation, r.problems, r.similarity, r.sameFile]]))).toEqual({
      [red.caseId]: ['urban', '110105', 'pending', 'none', [], { top: 0.82, count: 1 }, false],
      [rural.caseId]: ['rural', '110105', 'pending', 'none', [], { top: 0.82, count: 1 }, true],
      [south.caseId]: ['urban', '440305', 'pending', 'none', [], { top: null, count: 0 }, true],
    });
    expect([all.total, all.counts]).toEqual([3, {
      states: { pending: 3, passed: 0, rejected: 0, returned: 0 },
      flags: { similar: 2, same_file: 2, not_recommended: 3, preflight: 0 },
    }]);
    const ids = async (query: string) => (await rowsOf(organizer, query)).data.map((r) => r.caseId);
    expect((await ids('?category=urban')).sort()).toEqual([red.caseId, south.caseId].sort());
    expect(await ids('?province=440000')).toEqual([south.caseId]);
    expect(await ids('?flags=similar,same_file')).toEqual([rural.caseId]);
    expect(await ids('?sort=similarity&pageSize=1&page=3')).toEqual([south.caseId]);
    expect(await ids(`?q=${encodeURIComponent('深圳')}`)).toEqual([south.caseId]);
    const paged = await rowsOf(organizer, '?pageSize=2&page=2');
    expect([paged.data.length, paged.total]).toEqual([1, 3]);
  });

  it('shows a recommendation as standing only on the submitted text it was given on', async () => {
    const { organizer, db, red, rural } = await world();
    // Recommended on the text as submitted (the working copy's hash), and on a text since changed.
    for (const id of [red.caseId, rural.caseId]) {
      const row = await db.selectFrom('cases').select('content_sha256').where('id', '=', id).executeTakeFirstOrThrow();
      await db.updateTable('cases').set({ recommendation: 'recommended', recommendation_sha256: id === red.caseId ? row.content_sha256 : 'f'.repeat(64) }).where('id', '=', id).execute();
    }
    const all = await rowsOf(organizer);
    expect(Object.fromEntries(all.data.map((r) => [r.caseId, r.recommendation]))).toMatchObject({ [red.caseId]: 'recommended', [rural.caseId]: 'void' });
    expect((await rowsOf(organizer, '?flags=not_recommended')).data.map((r) => r.caseId).includes(red.caseId)).toBe(false);
  });

  it('refuses a filter it cannot apply, in the caller’s language', async () => {
    const { organizer } = await world();
    const res = await organizer.get(`${QUEUE}?category=mars`);
    expect([res.statusCode, res.json().error.message]).toEqual([400, '筛选条件“category”的值“mars”无效。']);
    const en = await organizer.get(`${QUEUE}?province=44&flags=shiny&lang=en`);
    expect(en.statusCode).toBe(400);
  });

  it('passes, rejects and returns, each recorded on its submitted version, in the history, the audit log and a mail to the unit', async () => {
    const { organizer, db, red, rural, south } = await world();
    const rows = (await rowsOf(organizer)).data;
    const byId = (id: string) => seen(rows.find((r) => r.caseId === id)!);
    expect((await organizer.post(DECIDE, { decision: 'pass', cases: [byId(red.caseId)] })).json()).toEqual({ data: { decided: 1 } });
    expect((await organizer.post(DECIDE, { decision: 'reject', reason: '与主题无关', cases: [byId(rural.caseId)] })).json()).toEqual({ data: { decided: 1 } });
    expect((await organizer.post(DECIDE, { decision: 'return', reason: '请补充活动照片说明', dueAt: DUE, cases: [byId(south.caseId)] })).json()).toEqual({ data: { decided: 1 } });

    const states = Object.fromEntries((await db.selectFrom('cases').select(['id', 'status', 'screening']).execute()).map((c) => [c.id, [c.status, c.screening]]));
    expect(states).toEqual({ [red.caseId]: ['submitted', 'passed'], [rural.caseId]: ['submitted', 'rejected'], [south.caseId]: ['returned', 'pending'] });
    const decisions = await db.selectFrom('screening_decisions').select(['case_id', 'submission_id', 'seq', 'decision', 'reason', 'due_at', 'actor_label']).orderBy('decided_at').orderBy('decision').execute();
    expect(decisions.sort((a, b) => a.decision.localeCompare(b.decision))).toEqual([
      { case_id: red.caseId, submission_id: red.submissionId, seq: 1, decision: 'passed', reason: null, due_at: null, actor_label: '王芳 <organizer@example.cn>' },
      { case_id: rural.caseId, submission_id: rural.submissionId, seq: 1, decision: 'rejected', reason: '与主题无关', due_at: null, actor_label: '王芳 <organizer@example.cn>' },
      { case_id: south.caseId, submission_id: south.submissionId, seq: 1, decision: 'returned', reason: '请补充活动照片说明', due_at: DUE, actor_label: '王芳 <organizer@example.cn>' },
    ]);
    const history = await red.client.get(`/api/v1/cases/${red.caseId}/history`);
    expect(history.json().data.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'screen_pass']);
    const audit = await db.selectFrom('audit_log').select(['action', 'subject_id', 'change']).where('action', 'like', 'case.screen%').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.subject_id, JSON.parse(a.change)])).toEqual([
      ['case.screen_pass', red.caseId, { from: 'submitted', to: 'submitted', seq: 1, submissionId: red.submissionId }],
      ['case.screen_reject', rural.caseId, { from: 'submitted', to: 'submitted', message: '与主题无关', seq: 1, submissionId: rural.submissionId }],
    ]);
    const mails = await db.selectFrom('mails').select(['to_email', 'template', 'subject']).where('template', 'in', ['case_screened', 'case_returned']).orderBy('created_at').orderBy('template').execute();
    expect(mails.map((m) => [m.to_email, m.template, m.subject]).sort()).toEqual([
      [red.email, 'case_screened', '「征集平台」案例「红色物业暖民心」已通过初审'],
      [rural.email, 'case_screened', '「征集平台」案例「乡村振兴党建引领」未通过初审'],
      [south.email, 'case_returned', '「征集平台」案例「深圳社区党建联盟」被退回修改'],
    ].sort());
    expect((await rowsOf(organizer)).counts).toEqual({ states: { pending: 0, passed: 1, rejected: 1, returned: 1 }, flags: { similar: 2, same_file: 2, not_recommended: 3, preflight: 0 } });
  });

  it('refuses a whole batch when any case changed since it was seen, naming how many, and decides none', async () => {
    const { organizer, db, red, rural, south } = await world();
    const rows = (await rowsOf(organizer)).data;
    expect((await organizer.post(DECIDE, { decision: 'pass', cases: [seen(rows.find((r) => r.caseId === red.caseId)!)] })).statusCode).toBe(200);
    await db.updateTable('cases').set({ submission_count: 2 }).where('id', '=', rural.caseId).execute();
    const res = await organizer.post(DECIDE, { decision: 'reject', reason: '材料不全', cases: rows.map(seen) });
    expect([res.statusCode, res.json().error.message]).toEqual([409, '所选案例中有 2 个在您查看后已有变化（重新提交或已被他人处理），本次批量操作未执行任何案例。请刷新列表后重新选择。']);
    expect(res.json().error.details.changed.sort()).toEqual([red.caseId, rural.caseId].sort());
    expect(await db.selectFrom('cases').select('screening').where('id', '=', south.caseId).executeTakeFirstOrThrow()).toEqual({ screening: 'pending' });
    expect(await db.selectFrom('screening_decisions').select('case_id').execute()).toEqual([{ case_id: red.caseId }]);
  });

  it('needs a reason to reject and a later date to return, and decides only a case awaiting screening', async () => {
    const { organizer, red } = await world();
    const row = (await rowsOf(organizer)).data.find((r) => r.caseId === red.caseId)!;
    const reject = await organizer.post(`${DECIDE}?lang=en`, { decision: 'reject', reason: '  ', cases: [seen(row)] });
    expect([reject.statusCode, reject.json().error.message]).toEqual([400, 'Give a reason; the unit receives it.']);
    const back = await organizer.post(DECIDE, { decision: 'return', reason: '请修改', dueAt: '2024-01-01T00:00:00.000Z', cases: [seen(row)] });
    expect([back.statusCode, back.json().error.code]).toEqual([400, 'screening_due_date_invalid']);
    await organizer.post(DECIDE, { decision: 'pass', cases: [seen(row)] });
    const again = await organizer.post(DECIDE, { decision: 'pass', cases: [{ ...seen(row), state: 'passed' }] });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'screening_not_pending']);
  });

  it('lets an organizer withdraw a decision with a reason: audited, mailed, and the case awaits screening again', async () => {
    const { organizer, db, red, setNow } = await world();
    const row = (await rowsOf(organizer)).data.find((r) => r.caseId === red.caseId)!;
    await organizer.post(DECIDE, { decision: 'pass', cases: [seen(row)] });
    setNow(new Date(DURING_WINDOW.getTime() + 60_000));
    const url = `/api/v1/cases/${red.caseId}/screening/reversal`;
    const res = await organizer.post(url, { submissionId: red.submissionId, reason: '复核发现与另一案例高度相似' });
    expect([res.statusCode, res.json()]).toEqual([200, { data: { decided: 1 } }]);
    expect(await db.selectFrom('cases').select('screening').where('id', '=', red.caseId).executeTakeFirstOrThrow()).toEqual({ screening: 'pending' });
    const history = (await organizer.get(`/api/v1/cases/${red.caseId}/screening`)).json().data as { id: string; decision: string; reason: string | null; reversesId: string | null }[];
    expect(history.map((d) => [d.decision, d.reason, d.reversesId])).toEqual([['passed', null, null], ['reversed', '复核发现与另一案例高度相似', history[0]!.id]]);
    const mail = await db.selectFrom('mails').select(['subject', 'text_body']).where('template', '=', 'case_screened').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('「征集平台」案例「红色物业暖民心」初审结论已撤销');
    expect(mail.text_body).toContain('复核发现与另一案例高度相似');
    const audit = await db.selectFrom('audit_log').select('change').where('action', '=', 'case.screen_reverse').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.change)).toEqual({ from: 'submitted', to: 'submitted', message: '复核发现与另一案例高度相似', seq: 1, submissionId: red.submissionId, was: 'passed' });
    const twice = await organizer.post(url, { submissionId: red.submissionId, reason: '再撤一次' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'screening_not_reversible']);
  });

  it('resets the outcome when the unit submits a new version', async () => {
    const { organizer, db, south } = await world();
    const row = (await rowsOf(organizer)).data.find((r) => r.caseId === south.caseId)!;
    await organizer.post(DECIDE, { decision: 'return', reason: '请补充活动照片说明', dueAt: DUE, cases: [seen(row)] });
    expect((await south.client.post(`/api/v1/cases/${south.caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
    const again = (await rowsOf(organizer)).data.find((r) => r.caseId === south.caseId)!;
    expect([again.state, again.submissionId === row.submissionId]).toEqual(['pending', false]);
    expect(await db.selectFrom('screening_reports').select('submission_id').where('case_id', '=', south.caseId).orderBy('checked_at').execute()).toHaveLength(2);
  });

  it('decides only while the campaign is in screening', async () => {
    const { organizer, db } = await world();
    const rows = (await rowsOf(organizer)).data;
    await db.updateTable('campaigns').set({ phase: 'review' }).execute();
    const res = await organizer.post(DECIDE, { decision: 'pass', cases: [seen(rows[0]!)] });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'phase_closed']);
  });

  it('refuses units, reviewers and organizers of another campaign on every screening and progress route, and tells them no count', async () => {
    const { app, db, campaign, organizer, red } = await world();
    const row = (await rowsOf(organizer)).data[0]!;
    const other = { ...campaign, id: randomUUID(), slug: 'provincial-collection', content_hash: 'other' };
    await db.insertInto('campaigns').values(other).execute();
    await createPerson(db, { email: 'other-organizer@example.cn', grants: [{ role: 'organizer', campaignId: other.id }] });
    await createPerson(db, { email: 'reviewer@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
    const callers = {
      unit: red.client,
      reviewer: await signedIn(app, 'reviewer@example.cn'),
      otherOrganizer: await signedIn(app, 'other-organizer@example.cn'),
    };
    const requests = [
      { method: 'GET' as const, url: QUEUE },
      { method: 'GET' as const, url: `/api/v1/campaigns/${SEVENTH}/progress` },
      { method: 'POST' as const, url: DECIDE, body: { decision: 'pass', cases: [seen(row)] } },
      { method: 'GET' as const, url: `/api/v1/cases/${red.caseId}/screening` },
      { method: 'POST' as const, url: `/api/v1/cases/${red.caseId}/screening/reversal`, body: { submissionId: red.submissionId, reason: '撤销' } },
    ];
    const answers: Record<string, string[]> = {};
    for (const [who, client] of Object.entries(callers)) {
      answers[who] = [];
      for (const r of requests) {
        const res = await client.request(r);
        answers[who].push(`${res.statusCode} ${res.json().error.code}`);
        expect(JSON.stringify(res.json())).not.toMatch(/counts|total|pending/);
      }
    }
    expect(answers).toEqual({
      unit: Array(5).fill('403 forbidden'),
      reviewer: Array(5).fill('403 forbidden'),
      otherOrganizer: ['404 campaign_not_found', '404 campaign_not_found', '404 campaign_not_found', '404 not_found', '404 not_found'],
    });
    expect(await db.selectFrom('screening_decisions').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('cases').select('screening').distinct().execute()).toEqual([{ screening: 'pending' }]);
    expect((await new TestClient(app).get(QUEUE)).statusCode).toBe(401);
  });
});
