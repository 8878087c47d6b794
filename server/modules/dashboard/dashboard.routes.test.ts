import { describe, expect, it } from 'vitest';
import { createReviewer, releaseAssignment, setPhase, type Reviewer } from '../../testing/assignments.ts';
import { completeContent, createDraftCase, createSubmittedCase } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createOrganizerOfAnotherCampaign, createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const URL = `/api/v1/campaigns/${SEVENTH}/dashboard`;
/** The same score on every criterion: the seventh collection's weights make the total 20 × it. */
const all = (s: number) => ({ authenticity: s, innovation: s, effectiveness: s, typicality: s });

// Submitted on three Beijing days: A, B on 06-28 (10:00 Beijing), C, D, E on 06-30 at 00:30
// Beijing (06-29 16:30 UTC, so the UTC date would put them a day early), F, G, H on 06-30 at
// 20:00. C and G are rural, the rest urban. C's and G's units are in 广东省 (440305), H's in
// 新疆 (650102), the rest in 北京市 (110105). A–E passed screening, F awaits it, G was rejected,
// H was returned; one more unit only has a draft. Reviewers: R1 scores A 5, B 3, C 4; R2 A 4, B 2,
// C 3; R3 A 3, B 1, C 5 (submitted); D has one released assignment with nothing in; E none.
async function dashboardWorld() {
  const test = await createTestApp();
  const { app, setNow } = test;
  const campaign = await app.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
  await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  const submit = (title: string, category = 'urban') => createSubmittedCase(app, { content: { ...completeContent(1200, title), category } });
  setNow(new Date('2024-06-28T02:00:00.000Z'));
  const A = await submit('案例甲'); const B = await submit('案例乙');
  setNow(new Date('2024-06-29T16:30:00.000Z'));
  const C = await submit('案例丙', 'rural'); const D = await submit('案例丁'); const E = await submit('案例戊');
  setNow(new Date('2024-06-30T12:00:00.000Z'));
  const F = await submit('案例己'); const G = await submit('案例庚', 'rural'); const H = await submit('案例辛');
  await createDraftCase(app, { title: '草稿' });
  const cases = { A, B, C, D, E, F, G, H };
  const division = async (code: string, ...keys: (keyof typeof cases)[]) => {
    await app.db.updateTable('organizations').set({ division_code: code }).where('id', 'in', keys.map((k) => cases[k].organizationId)).execute();
  };
  await division('440305', 'C', 'G');
  await division('650102', 'H');
  const ids = (...keys: (keyof typeof cases)[]) => keys.map((k) => cases[k].caseId);
  await app.db.updateTable('cases').set({ screening: 'passed' }).where('id', 'in', ids('A', 'B', 'C', 'D', 'E')).execute();
  await app.db.updateTable('cases').set({ screening: 'rejected' }).where('id', 'in', ids('G')).execute();
  await app.db.updateTable('cases').set({ status: 'returned' }).where('id', 'in', ids('H')).execute();
  const reviewers = {
    R1: await createReviewer(app, 'r1@example.cn', { name: '王一' }),
    R2: await createReviewer(app, 'r2@example.cn', { name: '李二' }),
    R3: await createReviewer(app, 'r3@example.cn', { name: '张三' }),
  };
  await setPhase(app, 'review');
  const clients = new Map<Reviewer, TestClient>();
  const score = async (reviewer: Reviewer, key: 'A' | 'B' | 'C', s: number) => {
    if (!clients.has(reviewer)) clients.set(reviewer, await signedIn(app, reviewer.email));
    const id = await releaseAssignment(app, cases[key].caseId, reviewer);
    const res = await clients.get(reviewer)!.request({
      method: 'POST', url: `/api/v1/reviews/assignments/${id}/review/submit`, body: { version: 0, scores: all(s), comment: `${key}${s}`, tier: 'excellent' },
    });
    expect(res.statusCode).toBe(200);
  };
  const { R1, R2, R3 } = reviewers;
  await score(R1, 'A', 5); await score(R1, 'B', 3); await score(R1, 'C', 4);
  await score(R2, 'A', 4); await score(R2, 'B', 2); await score(R2, 'C', 3);
  await score(R3, 'A', 3); await score(R3, 'B', 1); await score(R3, 'C', 5);
  await releaseAssignment(app, D.caseId, R1);
  return { ...test, cases, reviewers, organizer: await signedIn(app, 'organizer@example.cn') };
}

describe(`the organizers' dashboard (${testEngine()})`, () => {
  it('counts submissions per Beijing day, cases by category, province and screening outcome, review progress and score bands', async () => {
    const { organizer } = await dashboardWorld();
    const res = await organizer.get(URL);
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect([data.timeZone, data.closesAt, data.deadlineDay]).toEqual(['Asia/Shanghai', '2024-06-30T23:59:59', '2024-06-30']);
    expect(data.statuses).toEqual({ draft: 1, submitted: 7, returned: 1, withdrawn: 0 });
    // The window's every day, 2024-01-15 to 06-30, with the submissions on three of them.
    expect([data.days.length, data.days[0].day, data.days.at(-1).day]).toEqual([168, '2024-01-15', '2024-06-30']);
    expect(data.days.filter((d: { first: number }) => d.first > 0)).toEqual([
      { day: '2024-06-28', first: 2, again: 0, cumulative: 2 },
      { day: '2024-06-30', first: 6, again: 0, cumulative: 8 },
    ]);
    // In the campaign's order of categories: rural (农村), then urban (城市社区).
    expect(data.categories.slice(0, 2)).toEqual([
      { category: 'rural', cases: 2, outcomes: { pending: 0, passed: 1, rejected: 1, returned: 0 } },
      { category: 'urban', cases: 6, outcomes: { pending: 1, passed: 4, rejected: 0, returned: 1 } },
    ]);
    expect(data.categories.slice(2).map((c: { cases: number }) => c.cases)).toEqual([0, 0, 0, 0]);
    expect(data.provinces).toEqual([
      { code: '110000', name: '北京市', cases: 5 }, { code: '440000', name: '广东省', cases: 2 }, { code: '650000', name: '新疆维吾尔自治区', cases: 1 },
    ]);
    expect(data.review.reviewsPerCase).toBe(3);
    expect(data.review.categories.slice(0, 2)).toEqual([
      { category: 'rural', cases: 1, fullyScored: 1, assigned: 3, submitted: 3 },
      { category: 'urban', cases: 4, fullyScored: 2, assigned: 7, submitted: 6 },
    ]);
    // Normalized scores as the ranking gives them (its test works them out): A 82.69, B 40.34 (urban), C 78.93 (rural).
    expect(data.scores.categories.slice(0, 2)).toEqual(['rural', 'urban']);
    expect(data.scores.bands.map((b: { from: number; to: number; counts: number[] }) => [b.from, b.to, b.counts.slice(0, 2)])).toEqual([
      [40, 50, [0, 1]], [50, 60, [0, 0]], [60, 70, [0, 0]], [70, 80, [1, 0]], [80, 90, [0, 1]], [90, 100, [0, 0]],
    ]);
    expect(data.scores.unscored).toBe(2);
  });

  it('counts a resubmission on its own day apart from first submissions', async () => {
    const { app, setNow, cases } = await dashboardWorld();
    await app.db.updateTable('cases').set({ status: 'returned' }).where('id', '=', cases.F.caseId).execute();
    await setPhase(app, 'collection');
    setNow(new Date('2024-06-30T14:00:00.000Z'));
    const again = await cases.F.client.post(`/api/v1/cases/${cases.F.caseId}/submit`, { requestKey: crypto.randomUUID() });
    expect(again.statusCode).toBe(201);
    const data = (await (await signedIn(app, 'organizer@example.cn')).get(URL)).json().data;
    expect(data.days.at(-1)).toEqual({ day: '2024-06-30', first: 6, again: 1, cumulative: 8 });
  });

  it('answers organizers of the campaign only: strangers, units, reviewers and organizers of another campaign are refused', async () => {
    const { app, cases, reviewers } = await dashboardWorld();
    await createOrganizerOfAnotherCampaign(app.db, 'other-organizer@example.cn');
    const refusal = async (client: TestClient) => {
      const res = await client.get(URL);
      return [res.statusCode, res.json().error?.code];
    };
    expect(await refusal(new TestClient(app))).toEqual([401, 'unauthenticated']);
    expect(await refusal(cases.A.client)).toEqual([403, 'forbidden']);
    expect(await refusal(await signedIn(app, reviewers.R1.email))).toEqual([403, 'forbidden']);
    expect(await refusal(await signedIn(app, 'other-organizer@example.cn'))).toEqual([404, 'campaign_not_found']);
  });
});
