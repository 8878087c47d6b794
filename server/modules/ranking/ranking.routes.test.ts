import { describe, expect, it } from 'vitest';
import { createReviewer, releaseAssignment, setPhase, type Reviewer } from '../../testing/assignments.ts';
import { completeContent, createSubmittedCase } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createOrganizerOfAnotherCampaign, createPerson, PASSWORD, signedIn, UNIT_INPUT } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const BASE = `/api/v1/campaigns/${SEVENTH}/ranking`;
/** The same score on every criterion: the seventh collection's weights (25, 25, 30, 20 on 1–5) make the total 20 × it. */
const all = (s: number) => ({ authenticity: s, innovation: s, effectiveness: s, typicality: s });

// Cases A, B, D (urban) and C (rural) passed screening; E (urban) passed and nobody scored it;
// F (urban) awaits screening and is not in review. Each reviewer submits through the reviewer's
// own route, with the same score on every criterion:
//   R1 (王一): A 5, B 3, C 4, D 4    R2 (李二): A 4, B 2, C 3 (and a draft of D, which does not count)    R3 (张三): A 3, B 1, C 5
async function rankingWorld() {
  const test = await createTestApp();
  const { app } = test;
  const campaign = await app.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
  await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  const submit = (title: string, category = 'urban') => createSubmittedCase(app, { content: { ...completeContent(1200, title), category } });
  const cases = { A: await submit('案例甲'), B: await submit('案例乙'), C: await submit('案例丙', 'rural'), D: await submit('案例丁'), E: await submit('案例戊'), F: await submit('案例己') };
  await app.db.updateTable('cases').set({ screening: 'passed' }).where('id', '!=', cases.F.caseId).execute();
  const reviewers = {
    R1: await createReviewer(app, 'r1@example.cn', { name: '王一' }),
    R2: await createReviewer(app, 'r2@example.cn', { name: '李二' }),
    R3: await createReviewer(app, 'r3@example.cn', { name: '张三' }),
  };
  await setPhase(app, 'review');
  const clients = new Map<Reviewer, TestClient>();
  const score = async (reviewer: Reviewer, key: keyof typeof cases, s: number, submit = true) => {
    if (!clients.has(reviewer)) clients.set(reviewer, await signedIn(app, reviewer.email));
    const id = await releaseAssignment(app, cases[key].caseId, reviewer);
    const res = await clients.get(reviewer)!.request({
      method: submit ? 'POST' : 'PUT', url: `/api/v1/reviews/assignments/${id}/review${submit ? '/submit' : ''}`,
      body: { version: 0, scores: all(s), comment: `${key}${s}`, tier: 'excellent' },
    });
    expect(res.statusCode).toBe(200);
  };
  const { R1, R2, R3 } = reviewers;
  await score(R1, 'A', 5); await score(R1, 'B', 3); await score(R1, 'C', 4); await score(R1, 'D', 4);
  await score(R2, 'A', 4); await score(R2, 'B', 2); await score(R2, 'C', 3); await score(R2, 'D', 5, false);
  await score(R3, 'A', 3); await score(R3, 'B', 1); await score(R3, 'C', 5);
  const organizer = await signedIn(app, 'organizer@example.cn');
  return { ...test, campaignId: campaign.id, cases, reviewers, organizer, score };
}

describe(`the ranking (${testEngine()})`, () => {
  it('ranks the cases in review by normalized score, with raw scores, counts and flags', async () => {
    const { app, organizer, cases, reviewers } = await rankingWorld();
    const res = await organizer.get(BASE);
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    const units = new Map((await app.db.selectFrom('organizations').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));
    const unitOf = (key: keyof typeof cases) => units.get(cases[key].organizationId);
    // All ten scores: 5,3,4,4, 4,2,3, 3,1,5 → M 3.4, population S 1.2. Each reviewer's habit (n, mean m, variance s²)
    // shrunk towards everyone's with k = 5: m′ = (n·m + 5·3.4)/(n + 5), s′² = (n·s² + 5·1.44)/(n + 5):
    // R1 (4, 4, 0.5) → 3.66667, 1.01105; R2 (3, 3, 2/3) → 3.25, 1.07238; R3 (3, 3, 8/3) → 3.25, 1.37840.
    // Normalized 3.4 + 1.2·(x − m′)/s′ on every criterion, total 20 × it: R1-A 99.65, R1-B 52.17, R1-C and R1-D 75.91;
    // R2-A 84.79, R2-B 40.02, R2-C 62.4; R3-A 63.65, R3-B 28.82, R3-C 98.47.
    // A (99.65 + 84.79 + 63.65)/3 = 82.69; C (75.91 + 62.4 + 98.47)/3 = 78.93; D 75.91; B (52.17 + 40.02 + 28.82)/3 = 40.34.
    // Raw: A (100 + 80 + 60)/3 = 80, C 80, D 80, B 40: three cases tie before normalization.
    // Every reviewer has fewer than 5 reviews, so each is flagged and so is every case they scored.
    const few = Object.values(reviewers).map((r) => `few_reviews.${r.poolId}`);
    const sorted = <T extends { flags: string[] }>(rows: T[]) => rows.map((r) => ({ ...r, flags: [...r.flags].sort() }));
    expect(sorted(data.rows)).toEqual(sorted([
      { caseId: cases.A.caseId, title: '案例甲', unitName: unitOf('A'), category: 'urban', raw: 80, normalized: 82.69, rank: 1, categoryRank: 1, scoreCount: 3, flags: [`disagreement.${cases.A.caseId}`, ...few] },
      { caseId: cases.C.caseId, title: '案例丙', unitName: unitOf('C'), category: 'rural', raw: 80, normalized: 78.93, rank: 2, categoryRank: 1, scoreCount: 3, flags: [`disagreement.${cases.C.caseId}`, ...few] },
      { caseId: cases.D.caseId, title: '案例丁', unitName: unitOf('D'), category: 'urban', raw: 80, normalized: 75.91, rank: 3, categoryRank: 2, scoreCount: 1, flags: [`too_few_scores.${cases.D.caseId}`, few[0]!] },
      { caseId: cases.B.caseId, title: '案例乙', unitName: unitOf('B'), category: 'urban', raw: 40, normalized: 40.34, rank: 4, categoryRank: 3, scoreCount: 3, flags: [`disagreement.${cases.B.caseId}`, ...few] },
      { caseId: cases.E.caseId, title: '案例戊', unitName: unitOf('E'), category: 'urban', raw: null, normalized: null, rank: null, categoryRank: null, scoreCount: 0, flags: [`too_few_scores.${cases.E.caseId}`] },
    ]));
    expect([data.reviewsPerCase, data.thresholds]).toEqual([3, { disagreementRange: 20, flatReviewerSd: 3, flatReviewerMinReviews: 5, habitPriorReviews: 5 }]);
    expect(data.criteria[0]).toEqual({ criterion: 'authenticity', weight: 25, min: 1, max: 5, mean: 3.4, sd: 1.2 });
    expect(data.flags.map((f: { id: string; kind: string; reviewIds: string[] }) => [f.kind, f.id, f.reviewIds.length])).toEqual([
      ['disagreement', `disagreement.${cases.A.caseId}`, 3],
      ['disagreement', `disagreement.${cases.C.caseId}`, 3],
      ['too_few_scores', `too_few_scores.${cases.D.caseId}`, 1],
      ['disagreement', `disagreement.${cases.B.caseId}`, 3],
      ['too_few_scores', `too_few_scores.${cases.E.caseId}`, 0],
      // Then the reviewer flags, by reviewer id.
      ...Object.values(reviewers).sort((a, b) => (a.poolId < b.poolId ? -1 : 1))
        .map((r) => ['few_reviews', `few_reviews.${r.poolId}`, r === reviewers.R1 ? 4 : 3]),
    ]);
    expect(data.flags[2]).toMatchObject({ kind: 'too_few_scores', caseId: cases.D.caseId, count: 1, required: 3 });
    expect(data.flags[0].range).toBe(36);
    expect(data.flags.find((f: { id: string }) => f.id === few[0])).toMatchObject({ reviewerName: '王一', count: 4, ownShare: 0.44 });
  });

  it('shows one category, keeping the overall ranks, and refuses an unknown one in the caller language', async () => {
    const { app, organizer, cases, reviewers } = await rankingWorld();
    const rural = (await organizer.get(`${BASE}?category=rural`)).json().data;
    expect(rural.rows.map((r: { caseId: string; rank: number; categoryRank: number }) => [r.caseId, r.rank, r.categoryRank])).toEqual([[cases.C.caseId, 2, 1]]);
    // The category's case flags, and the flags of the reviewers who scored its cases.
    expect(rural.flags.map((f: { id: string }) => f.id).sort()).toEqual([`disagreement.${cases.C.caseId}`, ...Object.values(reviewers).map((r) => `few_reviews.${r.poolId}`)].sort());
    const zh = await organizer.get(`${BASE}?category=nope`);
    expect([zh.statusCode, zh.json().error.code, zh.json().error.message]).toEqual([400, 'ranking_category_unknown', '没有名为“nope”的案例类别。']);
    const english = new TestClient(app, { 'accept-language': 'en' });
    await english.post('/api/v1/auth/sign-in', { email: 'organizer@example.cn', password: PASSWORD });
    expect((await english.get(`${BASE}?category=nope`)).json().error.message).toBe('There is no case category “nope”.');
  });

  it('opens a flag with the scores behind it and who gave them', async () => {
    const { organizer, cases } = await rankingWorld();
    const res = await organizer.get(`${BASE}/flags/disagreement.${cases.A.caseId}`);
    expect(res.statusCode).toBe(200);
    const { flag, reviews } = res.json().data;
    expect(flag).toMatchObject({ id: `disagreement.${cases.A.caseId}`, kind: 'disagreement', caseId: cases.A.caseId, range: 36 });
    // In ranking order, then by reviewer name in Chinese collation (李 li, 王 wang, 张 zhang).
    expect(reviews.map((r: { reviewer: { name: string; email: string }; rawTotal: number; normalizedTotal: number; comment: string }) =>
      [r.reviewer.name, r.reviewer.email, r.rawTotal, r.normalizedTotal, r.comment])).toEqual([
      ['李二', 'r2@example.cn', 80, 84.79, 'A4'],
      ['王一', 'r1@example.cn', 100, 99.65, 'A5'],
      ['张三', 'r3@example.cn', 60, 63.65, 'A3'],
    ]);
    expect(reviews[0]).toMatchObject({
      caseId: cases.A.caseId, caseTitle: '案例甲', raw: all(4), tier: 'excellent',
      normalized: { authenticity: 4.24, innovation: 4.24, effectiveness: 4.24, typicality: 4.24 },
    });
    const short = (await organizer.get(`${BASE}/flags/too_few_scores.${cases.D.caseId}`)).json().data;
    expect(short.reviews.map((r: { reviewer: { name: string } }) => r.reviewer.name)).toEqual(['王一']);
    // D has one review, so nobody disagrees on it: no such flag to open.
    const none = await organizer.get(`${BASE}/flags/disagreement.${cases.D.caseId}`);
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'not_found']);
  });

  it('names a reviewer with few reviews, and shows their scores: one review stays near as given', async () => {
    const { app, organizer, cases, score } = await rankingWorld();
    const r4 = await createReviewer(app, 'r4@example.cn', { name: '赵四' });
    await score(r4, 'E', 4);
    const id = `few_reviews.${r4.poolId}`;
    const listed = (await organizer.get(BASE)).json().data.flags.find((f: { id: string }) => f.id === id);
    expect(listed).toEqual({ id, kind: 'few_reviews', reviewerId: r4.poolId, reviewerName: '赵四', reviewIds: [expect.any(String)], count: 1, ownShare: 0.17 });
    const opened = (await organizer.get(`${BASE}/flags/${id}`)).json().data;
    // Eleven scores now: M 3.45455, S 1.15708. R4's habit of one score (4) is five parts everyone's:
    // m′ = (4 + 5·3.45455)/6 = 3.54545, s′ = √(5·1.33884/6) = 1.05627; z = 0.43033 → 3.95248 → 79.05, near the 80 given.
    expect(opened.reviews.map((r: { caseId: string; reviewer: { name: string }; rawTotal: number; normalizedTotal: number; normalized: object }) =>
      [r.caseId, r.reviewer.name, r.rawTotal, r.normalizedTotal, r.normalized])).toEqual([
      [cases.E.caseId, '赵四', 80, 79.05, { authenticity: 3.95, innovation: 3.95, effectiveness: 3.95, typicality: 3.95 }],
    ]);
  });

  it('answers organizers of the campaign only: strangers, units, superiors, reviewers and organizers of another campaign are refused', async () => {
    const { app, cases, reviewers } = await rankingWorld();
    // A member of the registered unit chosen as A's superior organization.
    await createPerson(app.db, { email: 'superior@example.cn' });
    const superior = await signedIn(app, 'superior@example.cn');
    const unit = await superior.post('/api/v1/organizations', { ...UNIT_INPUT, name: '中共北京市朝阳区建外街道工作委员会' });
    await app.db.updateTable('cases').set({ superior_organization_id: unit.json().data.id }).where('id', '=', cases.A.caseId).execute();
    await createOrganizerOfAnotherCampaign(app.db, 'other-organizer@example.cn');

    const codes = async (client: TestClient) => [
      (await client.get(BASE)).json().error?.code,
      (await client.get(`${BASE}/flags/disagreement.${cases.A.caseId}`)).json().error?.code,
    ];
    expect(await codes(new TestClient(app))).toEqual(['unauthenticated', 'unauthenticated']);
    expect(await codes(cases.A.client)).toEqual(['forbidden', 'forbidden']);
    expect(await codes(superior)).toEqual(['forbidden', 'forbidden']);
    expect(await codes(await signedIn(app, reviewers.R1.email))).toEqual(['forbidden', 'forbidden']);
    expect(await codes(await signedIn(app, 'other-organizer@example.cn'))).toEqual(['campaign_not_found', 'campaign_not_found']);
  });
});
