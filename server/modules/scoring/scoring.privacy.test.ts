import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createReviewer, releaseAssignment } from '../../testing/assignments.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { assignedCase, FULL_SCORES } from '../../testing/review-cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

// Who may see a review: the reviewer who wrote it (and, later, the organizers). Never the unit,
// never another reviewer, through any route; an id that is not yours answers like none at all.

const SECRET_COMMENT = '此案例数据存疑，建议核实';

async function setUp() {
  const { app } = await createTestApp();
  const c = await assignedCase(app, { reviewerEmail: 'chen@example.cn' });
  const other = await createReviewer(app, 'wang@example.cn', { name: '王专家' });
  const othersAssignment = await releaseAssignment(app, c.caseId, other);
  await createReviewer(app, 'idle@example.cn', { name: '闲专家' });
  const chen = await signedIn(app, 'chen@example.cn');
  const submitted = await chen.post(`/api/v1/reviews/assignments/${c.assignmentId}/review/submit`, { version: 0, scores: FULL_SCORES, comment: SECRET_COMMENT, tier: 'best' });
  expect(submitted.statusCode).toBe(200);
  return { app, ...c, chen, other, othersAssignment };
}

/** Every answer's body, to search for what must not be there. */
async function bodies(client: TestClient, urls: string[]) {
  return Promise.all(urls.map(async (url) => {
    const res = await client.get(url);
    return { url, status: res.statusCode, body: res.body };
  }));
}

describe(`privacy of reviews and reviewers (${testEngine()})`, () => {
  it('never shows the unit its reviews, scores or reviewers, in any of its routes', async () => {
    const { client: unit, caseId } = await setUp();
    const answers = await bodies(unit, [
      `/api/v1/cases/${caseId}`, `/api/v1/cases/${caseId}/history`, `/api/v1/cases/${caseId}/submissions`, '/api/v1/me/cases', `/api/v1/cases/${caseId}/attachments`,
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const leaks = /chen@example\.cn|wang@example\.cn|陈专家|王专家|此案例数据存疑|"scores"|"tier"/;
    expect(answers.filter((a) => leaks.test(a.body)).map((a) => a.url)).toEqual([]);
    expect((await unit.get('/api/v1/reviews/assignments')).json().data).toEqual({ assignments: [], progress: { total: 0, submitted: 0, drafts: 0 } });
  });

  it("lets another reviewer of the same case see only their own assignment, never the first reviewer's identity or scores", async () => {
    const { app, assignmentId, othersAssignment, photoId } = await setUp();
    const wang = await signedIn(app, 'wang@example.cn');
    const list = (await wang.get('/api/v1/reviews/assignments')).json().data;
    expect([list.assignments.map((a: { id: string }) => a.id), list.progress]).toEqual([[othersAssignment], { total: 1, submitted: 0, drafts: 0 }]);
    const own = await wang.get(`/api/v1/reviews/assignments/${othersAssignment}`);
    expect([own.statusCode, own.json().data.review]).toEqual([200, null]);
    const seen = await bodies(wang, ['/api/v1/reviews/assignments', `/api/v1/reviews/assignments/${othersAssignment}`]);
    expect(seen.filter((a) => /chen@example\.cn|陈专家|此案例数据存疑|"best"/.test(a.body)).map((a) => a.url)).toEqual([]);
    const url = `/api/v1/reviews/assignments/${assignmentId}`;
    const tries = [
      await wang.get(url), await wang.get(`${url}/attachments/${photoId}/file`),
      await wang.put(`${url}/review`, { version: 1, scores: FULL_SCORES, comment: '', tier: null }),
      await wang.post(`${url}/review/submit`, { version: 1, scores: FULL_SCORES, comment: '', tier: 'best' }),
      await wang.post(`${url}/conflict`, { reason: '想看看别人的评分' }),
    ];
    expect(tries.map((t) => [t.statusCode, t.json().error.message])).toEqual(Array(5).fill([404, '请求的资源不存在。']));
    // The first reviewer's review is as it was.
    expect(await app.db.selectFrom('reviews').select(['reviewer_id', 'status', 'comment']).execute()).toEqual([{ reviewer_id: expect.any(String), status: 'submitted', comment: SECRET_COMMENT }]);
  });

  it('answers 404 to a reviewer for a case not assigned to them, one only proposed, and one handed back', async () => {
    const { app, assignmentId, caseId } = await setUp();
    const idle = await signedIn(app, 'idle@example.cn');
    expect((await idle.get('/api/v1/reviews/assignments')).json().data.assignments).toEqual([]);
    const notMine = await idle.put(`/api/v1/reviews/assignments/${assignmentId}/review`, { version: 0, scores: { authenticity: 3 }, comment: '', tier: null });
    expect([notMine.statusCode, notMine.json().error.code]).toEqual([404, 'not_found']);
    const idleReviewer = await app.db.selectFrom('campaign_reviewers').select('id').where('email', '=', 'idle@example.cn').executeTakeFirstOrThrow();
    const proposed = await releaseAssignment(app, caseId, { email: 'idle@example.cn', userId: '', poolId: idleReviewer.id }, 'proposed');
    expect((await idle.get(`/api/v1/reviews/assignments/${proposed}`)).statusCode).toBe(404);
    await app.db.updateTable('review_assignments').set({ state: 'handed_back' }).where('id', '=', proposed).execute();
    expect((await idle.get(`/api/v1/reviews/assignments/${proposed}`)).statusCode).toBe(404);
    expect((await idle.get('/api/v1/reviews/assignments')).json().data.progress).toEqual({ total: 0, submitted: 0, drafts: 0 });
  });

  it("refuses reviewers the organizers' lists, cases, pool and audit, and an organizer of another campaign the reviewer's assignments", async () => {
    const { app, assignmentId, caseId, chen } = await setUp();
    const organizerOnly = [
      `/api/v1/campaigns/${SEVENTH}/cases`, `/api/v1/campaigns/${SEVENTH}/reviewer-pool`, `/api/v1/campaigns/${SEVENTH}/reviewers`, '/api/v1/audit',
      `/api/v1/cases/${caseId}/submitted`, `/api/v1/cases/${caseId}/conflicts`,
    ];
    expect((await bodies(chen, organizerOnly)).map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect((await chen.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);

    const seventh = await app.db.selectFrom('campaigns').selectAll().where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
    const provincial = { ...seventh, id: randomUUID(), slug: 'provincial-collection', content_hash: 'other' };
    await app.db.insertInto('campaigns').values(provincial).execute();
    await createPerson(app.db, { email: 'elsewhere@example.cn', grants: [{ role: 'organizer', campaignId: provincial.id }, { role: 'reviewer', campaignId: provincial.id }] });
    const elsewhere = await signedIn(app, 'elsewhere@example.cn');
    const answers = [
      await elsewhere.get(`/api/v1/reviews/assignments/${assignmentId}`), await elsewhere.get(`/api/v1/cases/${caseId}/conflicts`),
      await elsewhere.put(`/api/v1/reviews/assignments/${assignmentId}/review`, { version: 1, scores: FULL_SCORES, comment: '', tier: null }),
    ];
    expect(answers.map((a) => [a.statusCode, a.json().error.code])).toEqual([[404, 'not_found'], [404, 'not_found'], [404, 'not_found']]);
    expect((await elsewhere.get('/api/v1/reviews/assignments')).json().data.assignments).toEqual([]);
  });
});
