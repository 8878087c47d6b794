import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { CaseContent } from '../../core/case/case-content.ts';
import { exactSimilarity } from '../../core/similarity/minhash.ts';
import { similarityText } from '../../core/similarity/content-text.ts';
import { CONTAINMENT_THRESHOLD, similarityDocument } from '../../core/similarity/near-duplicates.ts';
import { loadConfig } from '../config.ts';
import { computeConflicts } from '../modules/conflicts/conflict-facts.ts';
import { getCampaign, type StoredCampaign } from '../modules/campaigns/campaigns.service.ts';
import { startApp } from '../start.ts';
import { TestClient } from '../testing/test-client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, reviewerEmail, unitOperatorEmail } from './demo-accounts.ts';
import { DEMO_EARLIER_SLUG, DEMO_NOTICE_SLUG, DEMO_RESULTS_SLUG, DEMO_REVIEW_SLUG, DEMO_SCREENING_SLUG, DEMO_SLUG } from './demo-campaign.ts';
import { demoCampaignsDir, ensureDemoData, readDemoNote } from './demo-data.ts';
import { REVIEWERS } from './steps/reviewers.step.ts';
import { COPY_UNIT, ORIGINAL_UNIT } from './steps/cases.step.ts';
import { REJECTED, RETURNED_UNIT } from './steps/review-screening.step.ts';
import { CONFLICT_REASON } from './steps/review-scores.step.ts';
import { SCREENING_REJECTED_UNIT } from './steps/screening-decisions.step.ts';
import { CERTIFIED_UNIT, DISMISSAL_REASON } from './steps/earlier-campaign.step.ts';
import { OBJECTION } from './steps/notice-campaign.step.ts';
import { CHANGE_REASON } from './steps/past-selection.ts';
import { RESULTS_OBJECTION } from './steps/results-campaign.step.ts';

// The demo seeded small (DEMO_UNITS is the same code at 300) into a fresh folder on SQLite, then
// started as `npm run demo` starts it, and read back through the database and the API.

const UNITS = 12;

describe('npm run demo', () => {
  it('seeds units, cases, files, recommendations, receipts and reviewers once, a second campaign screened, assigned and partly scored, a third in screening, a fourth with its notice running, a fifth with its notice ended and its results to confirm, a sixth final, and its accounts sign in', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-demo-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const lines: string[] = [];
    const seed = () => ensureDemoData({ dataDir, units: UNITS, baseUrl: 'http://localhost:3000', log: (line) => lines.push(line) });
    expect(await seed()).toBe(true);
    expect(readDemoNote(dataDir)).toMatchObject({ complete: true, units: UNITS });
    expect(lines.filter((l) => /^[a-z ]+: .* \(\d+\.\d s\)$/.test(l)).map((l) => l.split(':')[0])).toEqual([
      'accounts', 'superior organizations', 'units', 'cases', 'attachments', 'recommendations', 'submissions', 'reviewers',
      'review collection', 'review screening', 'review reviewers', 'review assignment', 'review scores',
      'screening collection', 'notice collection', 'notice review', 'notice selection', 'results collection', 'results review', 'results notice', 'earlier collection', 'earlier review', 'earlier results',
      'similarity check', 'screening decisions', 'screening reviewers',
    ]);
    // A second run finds the demo and leaves it as it is.
    expect(await seed()).toBe(false);

    const { app } = await startApp(loadConfig({ DATA_DIR: dataDir, CAMPAIGNS_DIR: demoCampaignsDir(dataDir), ZHENGJI_DEMO: 'true', LOG_LEVEL: 'silent' }), { jobIntervalMs: 600_000 });
    onTestFinished(() => app.close());
    const { db } = app;
    const campaign = await getCampaign(db, DEMO_SLUG);
    const reviewing = await getCampaign(db, DEMO_REVIEW_SLUG);
    const screening = await getCampaign(db, DEMO_SCREENING_SLUG);
    const [noticing, earlier] = [await getCampaign(db, DEMO_NOTICE_SLUG), await getCampaign(db, DEMO_EARLIER_SLUG)];
    const ending = await getCampaign(db, DEMO_RESULTS_SLUG);
    const now = new Date();
    expect([campaign.window.opensAt < now, now < campaign.window.closesAt]).toEqual([true, true]);

    // Units: one per province for the first 31, each with its operator.
    const units = await db.selectFrom('organizations').innerJoin('organization_members', 'organization_members.organization_id', 'organizations.id')
      .innerJoin('users', 'users.id', 'organization_members.user_id').select(['organizations.id', 'organizations.division_code', 'organizations.type', 'users.email'])
      .where('users.email', 'like', 'unit-%').execute();
    expect(units.length).toBe(UNITS);
    expect(new Set(units.map((u) => u.division_code.slice(0, 2))).size).toBe(UNITS);
    expect(units.map((u) => u.email).sort()).toEqual(Array.from({ length: UNITS }, (_, i) => unitOperatorEmail(i)));

    // Cases: every category, submitted with a receipt naming its files.
    const cases = await db.selectFrom('cases').innerJoin('case_contents', 'case_contents.case_id', 'cases.id')
      .select(['cases.id', 'cases.status', 'case_contents.content', 'cases.organization_id', 'cases.recommendation']).where('cases.campaign_id', '=', campaign.id).execute();
    // Units 0–11 all write a case and submit it (one in thirteen, one in twenty do not: none of these).
    expect(cases.length).toBe(UNITS);
    const submitted = cases.filter((c) => c.status === 'submitted');
    expect(submitted.length).toBe(UNITS);
    expect(new Set(submitted.map((c) => (JSON.parse(c.content) as CaseContent).category)).size).toBe(6);
    const receipts = await db.selectFrom('case_submissions').select(['case_id', 'receipt_number', 'attachments']).where('case_id', 'in', submitted.map((c) => c.id)).execute();
    expect(receipts.length).toBe(submitted.length);
    for (const r of receipts) {
      expect(r.receipt_number).toMatch(/^Z7-\d{8}-[0-9A-Z]{8}$/);
      const kinds = (JSON.parse(r.attachments) as { kind: string; mediaType: string }[]).map((a) => `${a.kind} ${a.mediaType}`);
      expect(kinds.slice(0, 2)).toEqual(['declaration-form application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'sealed-form application/pdf']);
      expect(kinds.slice(2).every((k) => k === 'photos image/jpeg')).toBe(true);
      expect(kinds.length).toBeGreaterThanOrEqual(3);
    }
    // Four in five asked their superior organization, which recommended them.
    expect(cases.filter((c) => c.recommendation === 'recommended').length).toBe(cases.length - Math.floor(UNITS / 5));

    // The planted pair is a near-duplicate by the similarity check's own measure; others are not.
    const unitOf = (index: number) => units.find((u) => u.email === unitOperatorEmail(index))!.id;
    const textOf = (index: number) => similarityText(JSON.parse(cases.find((c) => c.organization_id === unitOf(index))!.content) as CaseContent);
    const [original, copy, other] = [ORIGINAL_UNIT, COPY_UNIT, COPY_UNIT + 1].map((i) => similarityDocument(textOf(i)).shingles);
    expect(exactSimilarity(original!, copy!).containment).toBeGreaterThanOrEqual(CONTAINMENT_THRESHOLD);
    expect(exactSimilarity(original!, other!).containment).toBeLessThan(CONTAINMENT_THRESHOLD);
    expect(textOf(COPY_UNIT)).not.toBe(textOf(ORIGINAL_UNIT));

    // Reviewers: all with accounts, expertise and capacity; some in conflict by unit and by city.
    const pool = await db.selectFrom('campaign_reviewers').select(['user_id', 'expertise', 'capacity']).where('campaign_id', '=', campaign.id).execute();
    expect(pool.length).toBe(REVIEWERS);
    expect(pool.every((r) => r.user_id !== null && (JSON.parse(r.expertise) as string[]).length > 0 && r.capacity >= 18)).toBe(true);
    const reasons = new Set((await computeConflicts(db, campaign)).conflicts.flatMap((c) => c.reasons));
    expect([...reasons].filter((r) => ['same_unit', 'same_division'].includes(r)).sort()).toEqual(['same_division', 'same_unit']);

    // Every listed account signs in through the API with the listed password, in its role.
    const roles: Record<string, string[]> = {};
    for (const account of DEMO_ACCOUNTS) {
      expect(account.password).toBe(DEMO_PASSWORD);
      const client = new TestClient(app);
      const res = await client.post('/api/v1/auth/sign-in', { email: account.email, password: account.password });
      expect([account.email, res.statusCode]).toEqual([account.email, 200]);
      const me = (await client.get('/api/v1/me')).json() as { data: { roles: { role: string; campaignId: string | null }[] } };
        const label = { [campaign.id]: ':demo', [reviewing.id]: ':review', [screening.id]: ':screening', [noticing.id]: ':notice', [ending.id]: ':results', [earlier.id]: ':earlier' };
      roles[account.role] = me.data.roles.map((r) => `${r.role}${(r.campaignId && label[r.campaignId]) ?? ''}`).sort();
    }
    expect(roles).toEqual({ organizer: ['organizer'], unit: [], superior: [], reviewer: ['reviewer:demo', 'reviewer:earlier', 'reviewer:notice', 'reviewer:results', 'reviewer:review', 'reviewer:screening'], learner: ['learner'] });

    // The second campaign, in review: its window closed two weeks ago, its cases screened.
    expect(reviewing.phase).toBe('review');
    expect(reviewing.window.closesAt < now && now < new Date(`${reviewing.definition.review.dueAt}+08:00`)).toBe(true);
    const reviewCases = await db.selectFrom('cases').innerJoin('organization_members', 'organization_members.organization_id', 'cases.organization_id')
      .innerJoin('users', 'users.id', 'organization_members.user_id').select(['cases.id', 'cases.status', 'cases.screening', 'users.email'])
      .where('cases.campaign_id', '=', reviewing.id).execute();
    // Units 0–11 all wrote and submitted a case in it (two in three of the units after them).
    expect(reviewCases.length).toBe(UNITS);
    const caseOf = (index: number) => reviewCases.find((c) => c.email === unitOperatorEmail(index))!;
    const passed = reviewCases.filter((c) => c.screening === 'passed');
    expect(passed.length).toBe(UNITS - REJECTED.size - 1);
    expect(caseOf(RETURNED_UNIT).status).toBe('returned');
    const rejections = await db.selectFrom('screening_decisions').select(['case_id', 'reason']).where('campaign_id', '=', reviewing.id).where('decision', '=', 'rejected').execute();
    expect(new Map(rejections.map((r) => [r.case_id, r.reason]))).toEqual(new Map([...REJECTED].map(([unit, reason]) => [caseOf(unit).id, reason])));

    // Released assignments: reviewsPerCase on every passed case (the pool covers twelve units),
    // one handed back for a declared conflict and replaced.
    const assignments = await db.selectFrom('review_assignments').select(['id', 'case_id', 'reviewer_id', 'state']).where('campaign_id', '=', reviewing.id).execute();
    const k = reviewing.definition.review.reviewsPerCase;
    const released = assignments.filter((a) => a.state === 'released');
    expect(passed.map((c) => released.filter((a) => a.case_id === c.id).length)).toEqual(passed.map(() => k));
    expect(released.every((a) => passed.some((c) => c.id === a.case_id))).toBe(true);
    const handedBack = assignments.filter((a) => a.state === 'handed_back');
    expect(handedBack.length).toBe(1);
    const declared = await db.selectFrom('review_conflicts').select(['case_id', 'reviewer_id', 'reason']).where('campaign_id', '=', reviewing.id).where('kind', '=', 'declared').execute();
    expect(declared).toEqual([{ case_id: handedBack[0]!.case_id, reviewer_id: handedBack[0]!.reviewer_id, reason: CONFLICT_REASON }]);

    // Part of the scores: most submitted, some drafts, the rest not started; every submitted one complete.
    const reviews = await db.selectFrom('reviews').select(['status', 'scores', 'tier', 'comment']).where('campaign_id', '=', reviewing.id).execute();
    const submittedReviews = reviews.filter((r) => r.status === 'submitted');
    expect(submittedReviews.length).toBeGreaterThanOrEqual(Math.floor(released.length / 2));
    expect(reviews.some((r) => r.status === 'draft')).toBe(true);
    expect(reviews.length).toBeLessThan(released.length);
    const criteria = reviewing.definition.review.criteria.map((c) => c.criterion).sort();
    for (const r of submittedReviews) {
      expect(Object.keys(JSON.parse(r.scores) as object).sort()).toEqual(criteria);
      expect([r.tier !== null, /\p{Script=Han}/u.test(r.comment)]).toEqual([true, true]);
    }

    // The sign-in page's reviewer finds cases of the campaign in review in the workbench, some scored.
    const reviewer = new TestClient(app);
    await reviewer.post('/api/v1/auth/sign-in', { email: reviewerEmail(0), password: DEMO_PASSWORD });
    const mine = (await reviewer.get('/api/v1/reviews/assignments')).json() as { data: { assignments: { campaign: { slug: string }; state: string }[] } };
    const states = mine.data.assignments.filter((a) => a.campaign.slug === DEMO_REVIEW_SLUG).map((a) => a.state);
    expect(states.length).toBeGreaterThanOrEqual(2);
    expect([states.includes('submitted'), states.some((s) => s !== 'submitted')]).toEqual([true, true]);

    // The third campaign, in screening: its window closed yesterday, a quarter of its cases
    // passed and one rejected; the rest, the planted pair among them, pending.
    expect(screening.phase).toBe('screening');
    expect(screening.window.closesAt < now && now.getTime() - screening.window.closesAt.getTime() < 2 * 86_400_000).toBe(true);
    const screeningCases = await db.selectFrom('cases').innerJoin('organization_members', 'organization_members.organization_id', 'cases.organization_id')
      .innerJoin('users', 'users.id', 'organization_members.user_id').select(['cases.id', 'cases.status', 'cases.screening', 'users.email'])
      .where('cases.campaign_id', '=', screening.id).execute();
    expect(screeningCases.length).toBe(UNITS);
    expect(screeningCases.every((c) => c.status === 'submitted')).toBe(true);
    const byScreening = (state: string | null) => screeningCases.filter((c) => c.screening === state);
    expect(byScreening('rejected').map((c) => c.email)).toEqual([unitOperatorEmail(SCREENING_REJECTED_UNIT)]);
    expect(byScreening('passed').length).toBeGreaterThanOrEqual(2);
    const pendingCount = UNITS - byScreening('passed').length - 1;
    expect(pendingCount).toBeGreaterThan(UNITS / 2);
    // The organizer's screening page, through its API: the pair pending and flagged as near-duplicates of each other.
    const organizer = new TestClient(app);
    await organizer.post('/api/v1/auth/sign-in', { email: DEMO_ACCOUNTS.find((a) => a.role === 'organizer')!.email, password: DEMO_PASSWORD });
    const queue = async (query: string) => (await organizer.get(`/api/v1/campaigns/${DEMO_SCREENING_SLUG}/screening?${query}`)).json() as {
      data: { caseId: string; state: string; similarity: { top: number | null; count: number } }[]; total: number;
    };
    expect((await queue('state=pending')).total).toBe(pendingCount);
    const pairIds = [ORIGINAL_UNIT, COPY_UNIT].map((i) => screeningCases.find((c) => c.email === unitOperatorEmail(i))!.id).sort();
    const flagged = await queue('flags=similar');
    expect(flagged.data.map((r) => r.caseId).sort()).toEqual(pairIds);
    expect(flagged.data.every((r) => r.state === 'pending' && r.similarity.count === 1 && r.similarity.top! >= CONTAINMENT_THRESHOLD)).toBe(true);
    expect((await organizer.get(`/api/v1/cases/${pairIds[0]}/similarity`)).statusCode).toBe(200);
    // Its pool: the same reviewers, each with the account they accepted with.
    const screeningPool = await db.selectFrom('campaign_reviewers').select(['user_id']).where('campaign_id', '=', screening.id).execute();
    expect([screeningPool.length, screeningPool.every((r) => r.user_id !== null)]).toEqual([REVIEWERS, true]);

    await expectNoticeRunning(app, noticing);
    await expectResultsToConfirm(app, ending);
    await expectEarlierFinal(app, earlier);
  }, 240_000);

  it('never seeds into a folder that holds something else', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-not-demo-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    writeFileSync(path.join(dataDir, 'zhengji.sqlite'), 'real data');
    await expect(ensureDemoData({ dataDir, units: UNITS, baseUrl: 'http://localhost:3000', log: () => undefined }))
      .rejects.toThrow(`${dataDir} is not empty and holds no demo: choose another DEMO_DATA_DIR for the demo`);
    expect(readFileSync(path.join(dataDir, 'zhengji.sqlite'), 'utf8')).toBe('real data');
  });
});

type Tier = 'best' | 'excellent' | 'none';
interface OrganizerNotice {
  phase: string;
  notice: { stage: string; entries: { n: number; caseId: string; tier: Tier }[] } | null;
  objections: { caseId: string; body: string; status: string; outcomeReason: string | null }[];
}

const signedIn = async (app: FastifyInstance, email: string) => {
  const client = new TestClient(app);
  expect((await client.post('/api/v1/auth/sign-in', { email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  return client;
};
const organizerOf = (app: FastifyInstance) => signedIn(app, DEMO_ACCOUNTS.find((a) => a.role === 'organizer')!.email);

/** demo-notice: review ended, every case scored, the selection accepted with one change, the notice running, one objection open. */
async function expectNoticeRunning(app: FastifyInstance, noticing: StoredCampaign): Promise<void> {
  const now = new Date();
  expect(noticing.phase).toBe('notice');
  expect(new Date(`${noticing.definition.review.dueAt}+08:00`) < now).toBe(true);
  const organizer = await organizerOf(app);
  const selection = (await organizer.get(`/api/v1/campaigns/${DEMO_NOTICE_SLUG}/selection`)).json() as {
    data: { suggestion: { acceptedAt: string | null; entries: unknown[] }; cases: { caseId: string; suggested: Tier; decision: { tier: Tier; source: string; reason: string | null } | null }[] };
  };
  expect(selection.data.suggestion.acceptedAt).not.toBeNull();
  const changed = selection.data.cases.filter((c) => c.decision?.source === 'changed');
  expect(changed.map((c) => [c.suggested, c.decision!.tier, c.decision!.reason])).toEqual([['excellent', 'none', CHANGE_REASON]]);
  const suggestedOnly = selection.data.cases.filter((c) => c.decision?.source === 'suggested');
  expect(suggestedOnly.length).toBe(selection.data.suggestion.entries.length - 1);
  // Every passed case was scored (every released assignment submitted), so every one is ranked.
  const reviews = await app.db.selectFrom('reviews').select('status').where('campaign_id', '=', noticing.id).execute();
  const released = await app.db.selectFrom('review_assignments').select('id').where('campaign_id', '=', noticing.id).where('state', '=', 'released').execute();
  expect([reviews.length, reviews.every((r) => r.status === 'submitted')]).toEqual([released.length, true]);

  const notice = ((await organizer.get(`/api/v1/campaigns/${DEMO_NOTICE_SLUG}/notice`)).json() as { data: OrganizerNotice }).data;
  expect([notice.phase, notice.notice!.stage]).toEqual(['notice', 'running']);
  const listed = selection.data.cases.filter((c) => c.decision && c.decision.tier !== 'none').map((c) => c.caseId).sort();
  expect(notice.notice!.entries.map((e) => e.caseId).sort()).toEqual(listed);
  expect(new Set(notice.notice!.entries.map((e) => e.tier))).toEqual(new Set(['best', 'excellent']));
  expect(notice.objections.map((o) => [o.caseId, o.body, o.status])).toEqual([[notice.notice!.entries.at(-1)!.caseId, OBJECTION.body, 'open']]);
  // Anyone reads the running notice.
  const visitor = new TestClient(app);
  const published = (await visitor.get(`/api/v1/public/campaigns/${DEMO_NOTICE_SLUG}/notice`)).json() as { data: { entries: unknown[] } };
  expect(published.data.entries.length).toBe(listed.length);
}

/**
 * demo-results: the notice has ended with one objection open, so confirming the results is
 * refused until the organizer resolves it; then it goes through, and the units hear their results.
 */
async function expectResultsToConfirm(app: FastifyInstance, ending: StoredCampaign): Promise<void> {
  expect(ending.phase).toBe('notice');
  const organizer = await organizerOf(app);
  const base = `/api/v1/campaigns/${DEMO_RESULTS_SLUG}`;
  const notice = ((await organizer.get(`${base}/notice`)).json() as { data: OrganizerNotice & { objections: { id: string }[] } }).data;
  expect(notice.notice!.stage).toBe('ended');
  expect(notice.objections.map((o) => [o.caseId, o.body, o.status])).toEqual([[notice.notice!.entries[0]!.caseId, RESULTS_OBJECTION.body, 'open']]);
  const early = await organizer.post(`${base}/notice/finalize`, {});
  expect([early.statusCode, early.json().error.code]).toEqual([409, 'notice_objections_open']);
  const dismissed = await organizer.post(`${base}/notice/objections/${notice.objections[0]!.id}/outcome`, { status: 'dismissed', reason: '经核实，食堂台账显示日均服务三百余人次，异议不成立。' });
  expect(dismissed.statusCode).toBe(200);
  const final = await organizer.post(`${base}/notice/finalize`, {});
  expect(final.statusCode).toBe(200);
  const results = await app.db.selectFrom('final_results').select('case_id').where('campaign_id', '=', ending.id).execute();
  expect(results.map((r) => r.case_id).sort()).toEqual(notice.notice!.entries.map((e) => e.caseId).sort());
}

/** demo-sixth: final, its objection dismissed, final results for best and excellent, the sign-in unit's certificate downloadable and verifiable. */
async function expectEarlierFinal(app: FastifyInstance, earlier: StoredCampaign): Promise<void> {
  expect([earlier.phase, earlier.definition.edition]).toEqual(['final', 6]);
  const organizer = await organizerOf(app);
  const notice = ((await organizer.get(`/api/v1/campaigns/${DEMO_EARLIER_SLUG}/notice`)).json() as { data: OrganizerNotice }).data;
  expect(notice.objections.map((o) => [o.status, o.outcomeReason])).toEqual([['dismissed', DISMISSAL_REASON]]);
  const results = await app.db.selectFrom('final_results').select(['case_id', 'tier', 'serial']).where('campaign_id', '=', earlier.id).execute();
  const byTier = (rows: { tier: Tier }[]) => ['best', 'excellent'].map((t) => rows.filter((r) => r.tier === t).length);
  expect(byTier(results)).toEqual(byTier(notice.notice!.entries));
  expect(byTier(results).every((n) => n > 0)).toBe(true);
  expect(results.every((r) => r.serial.length > 0)).toBe(true);

  // The sign-in page's unit finds its result, downloads its certificate, and anyone verifies it.
  const unitEmail = unitOperatorEmail(CERTIFIED_UNIT);
  expect(DEMO_ACCOUNTS.find((a) => a.role === 'unit')!.email).toBe(unitEmail);
  const own = await app.db.selectFrom('cases').innerJoin('organization_members', 'organization_members.organization_id', 'cases.organization_id')
    .innerJoin('users', 'users.id', 'organization_members.user_id').select('cases.id').where('cases.campaign_id', '=', earlier.id).where('users.email', '=', unitEmail)
    .executeTakeFirstOrThrow();
  const serial = results.find((r) => r.case_id === own.id)!.serial;
  const unit = await signedIn(app, unitEmail);
  const result = (await unit.get(`/api/v1/cases/${own.id}/result`)).json() as { data: { serial: string; certificateUrl: string } };
  expect(result.data.serial).toBe(serial);
  const pdf = await unit.get(result.data.certificateUrl);
  expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
  expect((await (await signedIn(app, unitOperatorEmail(CERTIFIED_UNIT + 1))).get(result.data.certificateUrl)).statusCode).toBe(404);
  const page = await new TestClient(app).get(`/certificates/${encodeURIComponent(serial)}`);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain(serial);
}

