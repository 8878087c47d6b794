import { describe, expect, it } from 'vitest';
import { assignmentWorld, BASE, moveTo } from '../../testing/assignment-world.ts';
import { reviewerSheet } from '../../testing/reviewer-sheets.ts';
import { testEngine } from '../../testing/test-database.ts';
import { XLSX_TYPE } from '../reviewers/reviewer-pool.routes.ts';

// A conflict that appears between proposing a pair and releasing it (a reviewer moved to the
// case's district by a later import, a declaration) must stop that pair from being released.

describe(`conflicts found after a pair was proposed (${testEngine()})`, () => {
  it('does not release a proposed pair that is in conflict at release time', async () => {
    const { organizer, cases, ids, database } = await assignmentWorld();
    expect((await organizer.post(`${BASE}/assignments`, { caseId: cases.A.caseId, reviewerId: ids.r1 })).statusCode).toBe(201);
    expect((await organizer.post(`${BASE}/assignments`, { caseId: cases.B.caseId, reviewerId: ids.r2 })).statusCode).toBe(201);
    // r1 now works in the cases' own district: a found conflict with case A.
    const sheet = await reviewerSheet([['深圳专家', 'r1@example.cn', 'urban', 2, '110105', '']]);
    const imported = await organizer.request({ method: 'POST', url: `${BASE}/reviewer-imports`, body: sheet, headers: { 'content-type': XLSX_TYPE } });
    expect(imported.json().data.counts).toEqual({ imported: 0, updated: 1, refused: 0 });
    const conflicts = (await organizer.get(`/api/v1/cases/${cases.A.caseId}/conflicts`)).json().data as { reviewerId: string }[];
    expect(conflicts.map((c) => c.reviewerId)).toContain(ids.r1);
    await moveTo(organizer, 'review');
    const released = await organizer.post(`${BASE}/assignments/release`, { override: true, reason: '先行发布' });
    expect(released.statusCode).toBe(200);
    const rows = await database.db.selectFrom('review_assignments').select(['case_id', 'reviewer_id', 'state', 'end_reason']).execute();
    expect(rows.find((r) => r.reviewer_id === ids.r1)).toMatchObject({ state: 'removed', end_reason: 'conflict' });
    expect(rows.find((r) => r.reviewer_id === ids.r2)).toMatchObject({ state: 'released' });
    expect(released.json().data).toMatchObject({ released: 1, reviewers: 1 });
    const audit = await database.db.selectFrom('audit_log').select('change').where('action', '=', 'assignment.release').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.change)).toMatchObject({ removedForConflict: [{ caseId: cases.A.caseId, reviewerId: ids.r1 }] });
  });

  it('refuses to release when every proposed pair is now in conflict', async () => {
    const { organizer, cases, ids, database } = await assignmentWorld();
    expect((await organizer.post(`${BASE}/assignments`, { caseId: cases.A.caseId, reviewerId: ids.r1 })).statusCode).toBe(201);
    const sheet = await reviewerSheet([['深圳专家', 'r1@example.cn', 'urban', 2, '110105', '']]);
    await organizer.request({ method: 'POST', url: `${BASE}/reviewer-imports`, body: sheet, headers: { 'content-type': XLSX_TYPE } });
    await moveTo(organizer, 'review');
    const released = await organizer.post(`${BASE}/assignments/release`, { override: true, reason: '先行发布' });
    expect([released.statusCode, released.json().error?.code]).toEqual([409, 'assignment_nothing_to_release']);
    expect(await database.db.selectFrom('review_assignments').select('state').where('state', '=', 'released').execute()).toEqual([]);
  });
});

// Screening and assigning overlap (both are open in the screening phase): a pass may be withdrawn
// after the case was given reviewers.
describe(`a pass withdrawn after the case was assigned (${testEngine()})`, () => {
  it('withdraws the case’s proposed reviewers with the pass, and never releases a case that is not passed', async () => {
    const { organizer, cases, ids, database } = await assignmentWorld();
    expect((await organizer.post(`${BASE}/assignments`, { caseId: cases.A.caseId, reviewerId: ids.r1 })).statusCode).toBe(201);
    expect((await organizer.post(`${BASE}/assignments`, { caseId: cases.B.caseId, reviewerId: ids.r2 })).statusCode).toBe(201);
    const reversed = await organizer.post(`/api/v1/cases/${cases.A.caseId}/screening/reversal`, { submissionId: cases.A.submissionId, reason: '主题不符，重新初审' });
    expect(reversed.statusCode).toBe(200);
    expect(await database.db.selectFrom('review_assignments').select(['reviewer_id', 'state', 'end_reason']).where('case_id', '=', cases.A.caseId).execute())
      .toEqual([{ reviewer_id: ids.r1, state: 'removed', end_reason: 'screening_reversed' }]);
    // A proposal left on a case no longer passed (written before this check existed) is not released either.
    await database.db.updateTable('review_assignments').set({ state: 'proposed', ended_at: null, ended_by: null, end_reason: null }).where('case_id', '=', cases.A.caseId).execute();
    await moveTo(organizer, 'review');
    const released = await organizer.post(`${BASE}/assignments/release`, { override: true, reason: '先行发布' });
    expect([released.statusCode, released.json().data]).toMatchObject([200, { released: 1, reviewers: 1 }]);
    const rows = await database.db.selectFrom('review_assignments').select(['case_id', 'state']).execute();
    expect(rows.filter((r) => r.state === 'released').map((r) => r.case_id)).toEqual([cases.B.caseId]);
  });

  it('refuses to withdraw the pass of a case already released to reviewers', async () => {
    const { organizer, cases, ids, database } = await assignmentWorld();
    expect((await organizer.post(`${BASE}/assignments`, { caseId: cases.A.caseId, reviewerId: ids.r1 })).statusCode).toBe(201);
    await moveTo(organizer, 'review');
    expect((await organizer.post(`${BASE}/assignments/release`, { override: true, reason: '先行发布' })).statusCode).toBe(200);
    expect((await organizer.post(`${BASE}/phase`, { to: 'screening', reason: '复核初审' })).statusCode).toBe(200);
    const reversed = await organizer.request({
      method: 'POST', url: `/api/v1/cases/${cases.A.caseId}/screening/reversal`, body: { submissionId: cases.A.submissionId, reason: '主题不符' }, headers: { 'accept-language': 'en' },
    });
    expect([reversed.statusCode, reversed.json().error?.code]).toEqual([409, 'screening_reversal_assigned']);
    expect(reversed.json().error.message).toMatch(/released to reviewers/);
    const c = await database.db.selectFrom('cases').select('screening').where('id', '=', cases.A.caseId).executeTakeFirstOrThrow();
    expect(c.screening).toBe('passed');
  });
});
