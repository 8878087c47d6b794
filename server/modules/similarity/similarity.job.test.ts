import { describe, expect, it } from 'vitest';
import { createSubmittedCase } from '../../testing/cases.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { checkCaseSimilarity } from './similarity-check.service.ts';
import { distinctContent, runSimilarityJobs } from './similarity.testing.ts';

async function world() {
  const test = await createTestApp();
  const { app } = test;
  await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
  const original = await createSubmittedCase(app, { unitName: '和平社区党委', content: distinctContent(1) });
  const unrelated = await createSubmittedCase(app, { unitName: '胜利社区党委', content: distinctContent(2) });
  const copied = distinctContent(1);
  const copy = await createSubmittedCase(app, { unitName: '友谊社区党委', content: { ...copied, title: '党建引领社区治理的实践' } });
  return { ...test, original, unrelated, copy, organizer: await signedIn(app, 'organizer@example.cn') };
}

const matchRows = (app: Awaited<ReturnType<typeof world>>['app']) => app.db.selectFrom('similarity_matches')
  .select(['case_id', 'submission_id', 'other_case_id', 'reference_id', 'estimated', 'exact']).orderBy('case_id').execute();

describe(`near-duplicate job (${testEngine()})`, () => {
  it('is enqueued once per submission, stores each signature and both directions of a copy, and leaves unrelated cases alone', async () => {
    const { app, original, unrelated, copy, organizer } = await world();
    const jobs = await app.db.selectFrom('jobs').select(['kind', 'unique_key']).where('kind', '=', 'similarity.case').orderBy('created_at').execute();
    expect(jobs.map((j) => j.unique_key).sort()).toEqual(
      [original, unrelated, copy].map((c) => `similarity.case:${c.caseId}:submitted:${c.submissionId}`).sort(),
    );
    expect((await organizer.get(`/api/v1/cases/${original.caseId}/similarity/status`)).json().data).toEqual({ state: 'pending', checkedAt: null });

    expect(await runSimilarityJobs(app)).toBe(3);
    const signatures = await app.db.selectFrom('case_signatures').select(['case_id', 'submission_id']).orderBy('case_id').execute();
    expect(signatures).toEqual([original, unrelated, copy].map((c) => ({ case_id: c.caseId, submission_id: c.submissionId })).sort((a, b) => (a.case_id < b.case_id ? -1 : 1)));
    const rows = await matchRows(app);
    expect(rows.map((r) => [r.case_id, r.submission_id, r.other_case_id, r.reference_id])).toEqual([
      [original.caseId, original.submissionId, copy.caseId, null],
      [copy.caseId, copy.submissionId, original.caseId, null],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    // The copy keeps all of the original's text but its title.
    expect(rows.every((r) => r.exact > 0.95 && r.exact <= 1 && Math.abs(r.estimated - r.exact) < 0.1)).toBe(true);
    expect(rows[0]!.exact).toBe(rows[1]!.exact);
    const status = (await organizer.get(`/api/v1/cases/${original.caseId}/similarity/status`)).json().data;
    expect(status).toEqual({ state: 'done', checkedAt: app.clock().toISOString() });
  });

  it('changes nothing when a check runs again', async () => {
    const { app, original, copy } = await world();
    await runSimilarityJobs(app);
    const before = await matchRows(app);
    await checkCaseSimilarity(app.db, original.caseId, app.clock());
    await checkCaseSimilarity(app.db, copy.caseId, app.clock());
    expect(await matchRows(app)).toEqual(before);
  });

  it('removes a withdrawn case’s signature and the matches naming it, and checks it again when it is resubmitted', async () => {
    const { app, original, copy } = await world();
    await runSimilarityJobs(app);
    expect((await copy.client.post(`/api/v1/cases/${copy.caseId}/withdraw`, {})).statusCode).toBe(200);
    expect(await runSimilarityJobs(app)).toBe(1);
    expect(await matchRows(app)).toEqual([]);
    expect(await app.db.selectFrom('case_signatures').select('case_id').where('case_id', '=', copy.caseId).execute()).toEqual([]);

    const again = await copy.client.post(`/api/v1/cases/${copy.caseId}/submit`, { requestKey: crypto.randomUUID() });
    expect(again.statusCode).toBe(201);
    expect(await runSimilarityJobs(app)).toBe(1);
    const latest = await app.db.selectFrom('case_submissions').select('id').where('case_id', '=', copy.caseId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect((await matchRows(app)).map((r) => [r.case_id, r.submission_id, r.other_case_id])).toEqual([
      [original.caseId, original.submissionId, copy.caseId],
      [copy.caseId, latest.id, original.caseId],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  });

  it('enqueues nothing more for a retried submit', async () => {
    const { app, unrelated } = await world();
    await runSimilarityJobs(app);
    await unrelated.client.post(`/api/v1/cases/${unrelated.caseId}/withdraw`, {});
    const key = crypto.randomUUID();
    expect((await unrelated.client.post(`/api/v1/cases/${unrelated.caseId}/submit`, { requestKey: key })).statusCode).toBe(201);
    await unrelated.client.post(`/api/v1/cases/${unrelated.caseId}/submit`, { requestKey: key });
    const pending = await app.db.selectFrom('jobs').select('unique_key').where('kind', '=', 'similarity.case').where('done_at', 'is', null).execute();
    expect(pending.map((j) => (j.unique_key ?? '').replace(/[0-9a-f-]{36}/g, 'ID')).sort()).toEqual(['similarity.case:ID:submitted:ID', 'similarity.case:ID:withdrawn:ID']);
  });
});
