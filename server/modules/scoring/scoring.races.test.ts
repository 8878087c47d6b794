import { describe, expect, it } from 'vitest';
import { signedIn } from '../../testing/people.ts';
import { assignedCase, FULL_SCORES } from '../../testing/review-cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

// Two tabs, or a double click: requests for the same review arrive together. On PostgreSQL they
// run side by side; the assignment's row lock and the version check let exactly one through.

async function setUp() {
  const { app } = await createTestApp();
  const c = await assignedCase(app, { reviewerEmail: 'chen@example.cn' });
  const tabs = await Promise.all([signedIn(app, 'chen@example.cn'), signedIn(app, 'chen@example.cn')]);
  return { app, tabs, url: `/api/v1/reviews/assignments/${c.assignmentId}`, assignmentId: c.assignmentId };
}

const codes = (answers: { statusCode: number; json(): any }[]) => answers.map((a) => a.statusCode === 200 ? 200 : a.json().error.code).sort();

describe(`one review saved from two places at once (${testEngine()})`, () => {
  it('takes one first save of many and refuses the others as stale, keeping the one saved', async () => {
    const { app, tabs, url } = await setUp();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => tabs[i % 2]!.put(`${url}/review`, { version: 0, scores: { authenticity: 1 + (i % 5) }, comment: `第 ${i} 次`, tier: null })));
    expect(codes(answers)).toEqual([200, ...Array(7).fill('review_version_conflict')]);
    const winner = answers.find((a) => a.statusCode === 200)!.json().data;
    const rows = await app.db.selectFrom('reviews').select(['version', 'comment', 'scores']).execute();
    expect(rows).toEqual([{ version: 1, comment: winner.comment, scores: JSON.stringify(winner.scores) }]);
  });

  it('submits once when submit is pressed twice in two tabs, and refuses the other as already submitted', async () => {
    const { app, tabs, url } = await setUp();
    await tabs[0]!.put(`${url}/review`, { version: 0, scores: { authenticity: 4 }, comment: '', tier: null });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => tabs[i % 2]!.post(`${url}/review/submit`, { version: 1, scores: FULL_SCORES, comment: `tab ${i}`, tier: 'best' })));
    expect(codes(answers)).toEqual([200, ...Array(5).fill('review_submitted')]);
    const audit = await app.db.selectFrom('audit_log').select('action').where('action', '=', 'review.submit').execute();
    expect([audit.length, (await app.db.selectFrom('reviews').select(['status', 'version']).execute())]).toEqual([1, [{ status: 'submitted', version: 2 }]]);
  });

  it('lets either a submit or a hand-back win, never both', async () => {
    const { app, tabs, url, assignmentId } = await setUp();
    const [submit, conflict] = await Promise.all([
      tabs[0]!.post(`${url}/review/submit`, { version: 0, scores: FULL_SCORES, comment: '', tier: 'best' }),
      tabs[1]!.post(`${url}/conflict`, { reason: '本人曾在该社区挂职' }),
    ]);
    const state = (await app.db.selectFrom('review_assignments').select('state').where('id', '=', assignmentId).executeTakeFirstOrThrow()).state;
    const review = await app.db.selectFrom('reviews').select('status').executeTakeFirst();
    if (submit.statusCode === 200) {
      expect([conflict.json().error.code, state, review?.status]).toEqual(['review_submitted', 'released', 'submitted']);
    } else {
      expect([submit.json().error.code, conflict.statusCode, state, review]).toEqual(['not_found', 200, 'handed_back', undefined]);
    }
  });
});

// A phone loses the answer, not the request: the save or the submit went through, and the
// reviewer (or the page) sends the very same thing again.
describe(`a save or submit sent again after a dropped connection (${testEngine()})`, () => {
  it('answers a repeated draft save and a repeated submit with the review they saved, changing nothing', async () => {
    const { app, tabs, url } = await setUp();
    const draft = { version: 0, scores: { authenticity: 4 }, comment: '材料扎实', tier: null };
    const first = await tabs[0]!.put(`${url}/review`, draft);
    const again = await tabs[0]!.put(`${url}/review`, { ...draft, comment: ' 材料扎实 ' });
    expect([first.statusCode, again.statusCode, again.json().data]).toEqual([200, 200, first.json().data]);
    // The same version with other content is still another tab's stale save.
    expect((await tabs[1]!.put(`${url}/review`, { ...draft, scores: { authenticity: 2 } })).json().error.code).toBe('review_version_conflict');

    const final = { version: 1, scores: FULL_SCORES, comment: '成效突出', tier: 'best' };
    const submitted = await tabs[0]!.post(`${url}/review/submit`, final);
    const resent = await tabs[0]!.post(`${url}/review/submit`, { ...final, scores: { ...FULL_SCORES } });
    expect([submitted.statusCode, resent.statusCode, resent.json().data]).toEqual([200, 200, submitted.json().data]);
    expect((await tabs[0]!.post(`${url}/review/submit`, { ...final, tier: 'excellent' })).json().error.code).toBe('review_submitted');
    expect((await tabs[0]!.put(`${url}/review`, final)).json().error.code).toBe('review_submitted');
    const audit = await app.db.selectFrom('audit_log').select('action').where('action', '=', 'review.submit').execute();
    expect([audit.length, await app.db.selectFrom('reviews').select(['status', 'version']).execute()]).toEqual([1, [{ status: 'submitted', version: 2 }]]);
  });
});
