import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { setPhase } from '../../testing/assignments.ts';
import { bigCampaign } from '../../testing/big-campaign.ts';
import { AFTER_WINDOW, SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

// The organizer's pages at a campaign's real size: 3,000 cases of 3,000 units over 300 counties,
// 200 reviewers whose districts give some 27,000 found conflicts. Each page is paged or summed in
// the database and answers in well under the budget (measured: a few hundred ms at most).

const BASE = `/api/v1/campaigns/${SEVENTH}`;
// Generous, for a loaded CI machine: the point is to catch a page that grows quadratically or
// travels whole (seconds to minutes at this size), not to time it precisely.
const BUDGET_MS = 5000;

describe(`a campaign of 3,000 cases and 200 reviewers (${testEngine()})`, () => {
  it('answers the queue, progress, pool and assignment pages and a bulk decision of 1,000 within budget', async () => {
    const { app, setNow } = await createTestApp();
    const { campaignId, caseIds } = await bigCampaign(app, { cases: 3000, reviewers: 200 });
    await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId }] });
    setNow(AFTER_WINDOW);
    const organizer = await signedIn(app, 'organizer@example.cn');
    const figures: Record<string, number> = {};
    const timed = async <R extends { statusCode: number; body: string }>(label: string, run: () => Promise<R>): Promise<R> => {
      const started = performance.now();
      const res = await run();
      figures[label] = Math.round(performance.now() - started);
      expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBe(200);
      return res;
    };
    await setPhase(app, 'screening');
    // The first call writes the format report of every submitted version once.
    await timed('queue (first, writes reports)', () => organizer.get(`${BASE}/screening`));
    const queue = await timed('queue', () => organizer.get(`${BASE}/screening?sort=unit&order=desc&q=${encodeURIComponent('第12')}&pageSize=100`));
    expect(queue.json().total).toBe(111);
    await timed('progress', () => organizer.get(`${BASE}/progress`));
    const pool = await timed('reviewer pool', () => organizer.get(`${BASE}/reviewer-pool`));
    expect((pool.json().data as { conflicts: number }[]).reduce((n, r) => n + r.conflicts, 0)).toBeGreaterThan(10_000);
    const submissions = await app.db.selectFrom('cases as c').innerJoin('case_submissions as s', 's.case_id', 'c.id')
      .select(['c.id', 's.id as sid']).where('c.campaign_id', '=', campaignId).orderBy('c.id').execute();
    for (let i = 0; i < 3; i++) {
      const batch = submissions.slice(i * 1000, (i + 1) * 1000).map((s) => ({ caseId: s.id, submissionId: s.sid, state: 'pending' }));
      const decided = await timed(`bulk pass ${i + 1} of 3`, () => organizer.post(`${BASE}/screening/decisions`, { decision: 'pass', cases: batch }));
      expect(decided.json().data).toEqual({ decided: 1000 });
    }
    await setPhase(app, 'review');
    await timed('assignment preview', () => organizer.get(`${BASE}/assignments`));
    await timed('case conflicts', () => organizer.get(`/api/v1/cases/${caseIds[5]}/conflicts`));
    console.log(JSON.stringify(figures));
    const { ['queue (first, writes reports)']: first, ...rest } = figures;
    expect(first).toBeLessThan(6 * BUDGET_MS);
    for (const [label, ms] of Object.entries(rest)) expect(ms, label).toBeLessThan(BUDGET_MS * (label.startsWith('bulk') ? 4 : 1));
  }, 300_000);
});
