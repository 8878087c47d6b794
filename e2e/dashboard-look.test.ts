import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createReviewer, releaseAssignment, setPhase, type Reviewer } from '../server/testing/assignments.ts';
import { completeContent, createSubmittedCase } from '../server/testing/cases.ts';
import { signedIn } from '../server/testing/people.ts';
import { TestClient } from '../server/testing/test-client.ts';
import type { Dashboard } from '../web/workbench/src/dashboard/dashboard-api.ts';
import { axeViolations } from './axe-rules.ts';
import { focused, sidewaysOverflow, tabTo, ZOOMED } from './keyboard-zoom-helpers.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, signInThroughForm, startServer } from './browser.ts';

// Issue 15 item 5 in the workbench: the organizers' dashboard, its six charts each with a table of
// the same figures, in Chinese and English, on a desktop, a phone and a phone at 200 % zoom, with
// no Content-Security-Policy complaint in the console (ECharts draws on canvas).

const SHOTS = path.resolve('docs/screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/dashboard-${name}.png`, fullPage: true });
const all = (s: number) => ({ authenticity: s, innovation: s, effectiveness: s, typicality: s });
const URL_PATH = '/app/org/dashboard';

describeInChromium('the organizers\' dashboard in the workbench', () => {
  // A clock that ticks from a moment the test moves forward: submissions land on several days.
  let base = new Date('2024-06-24T02:00:00.000Z').getTime();
  let moved = Date.now();
  const at = (iso: string) => { base = new Date(iso).getTime(); moved = Date.now(); };
  const suite = browserSuite({ start: () => startServer(() => new Date(base + (Date.now() - moved)), ADMIN_ENV) });
  const problems: string[] = [];
  let dashboard: Dashboard;

  // Fourteen cases in four categories from six provinces, submitted over five days; most passed
  // screening, two were rejected, one returned, two await it; three reviewers scored the passed ones.
  beforeAll(async () => {
    const app = suite.app;
    const plan: [string, string, string, string][] = [
      ['2024-06-24T02:00:00Z', 'rural', '110105', 'passed'], ['2024-06-24T03:00:00Z', 'urban', '440305', 'passed'],
      ['2024-06-26T05:00:00Z', 'urban', '440106', 'passed'], ['2024-06-26T06:00:00Z', 'soe', '310104', 'passed'],
      ['2024-06-26T07:00:00Z', 'rural', '510104', 'passed'], ['2024-06-28T01:00:00Z', 'organs', '650102', 'rejected'],
      ['2024-06-28T02:00:00Z', 'urban', '330106', 'passed'], ['2024-06-29T16:30:00Z', 'rural', '440305', 'passed'],
      ['2024-06-30T01:00:00Z', 'urban', '110105', 'passed'], ['2024-06-30T02:00:00Z', 'soe', '440305', 'rejected'],
      ['2024-06-30T03:00:00Z', 'rural', '510104', 'returned'], ['2024-06-30T04:00:00Z', 'organs', '110105', 'passed'],
      ['2024-06-30T05:00:00Z', 'urban', '330106', 'pending'], ['2024-06-30T06:00:00Z', 'rural', '440106', 'pending'],
    ];
    const cases: { caseId: string; outcome: string }[] = [];
    for (const [i, [when, category, division, outcome]] of plan.entries()) {
      at(when);
      const c = await createSubmittedCase(app, { content: { ...completeContent(1200, `案例${i + 1}`), category } });
      await app.db.updateTable('organizations').set({ division_code: division }).where('id', '=', c.organizationId).execute();
      if (outcome === 'returned') await app.db.updateTable('cases').set({ status: 'returned' }).where('id', '=', c.caseId).execute();
      else if (outcome !== 'pending') await app.db.updateTable('cases').set({ screening: outcome as 'passed' | 'rejected' }).where('id', '=', c.caseId).execute();
      cases.push({ caseId: c.caseId, outcome });
    }
    const reviewers: Reviewer[] = [];
    for (const [n, name] of ['王一', '李二', '张三'].entries()) reviewers.push(await createReviewer(app, `r${n}@example.cn`, { name }));
    await setPhase(app, 'review');
    const passed = cases.filter((c) => c.outcome === 'passed');
    for (const [r, reviewer] of reviewers.entries()) {
      const client = await signedIn(app, reviewer.email);
      for (const [i, c] of passed.entries()) {
        if (r === 2 && i >= passed.length - 3) continue; // the third reviewer has three still to do
        const id = await releaseAssignment(app, c.caseId, reviewer);
        if (r === 2 && i >= passed.length - 5) continue;
        const res = await client.post(`/api/v1/reviews/assignments/${id}/review/submit`, { version: 0, scores: all(1 + ((i + r * 2) % 5)), comment: '', tier: 'excellent' });
        if (res.statusCode !== 200) throw new Error(`scoring failed: ${res.body}`);
      }
    }
    const organizer = new TestClient(app);
    await organizer.post('/api/v1/auth/sign-in', { email: ADMIN.email, password: ADMIN.password });
    dashboard = (await organizer.get('/api/v1/campaigns/seventh-collection/dashboard')).json().data;
  }, 240_000);

  const ready = async (page: Page, title: string) => {
    await page.getByRole('heading', { name: title }).waitFor();
    await expect.poll(() => page.locator('.wb-chart canvas').count()).toBe(6);
  };
  const tableText = (page: Page, chart: string) => page.getByRole('region', { name: chart }).innerText();

  it('draws six charts with their figures beside them on a desktop, in Chinese then English', async () => {
    const { page } = await openPage(suite.browser, DESKTOP, `${suite.url}${URL_PATH}`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await ready(page, '每日提交与截止时间');
    await page.getByRole('menuitem', { name: '数据看板' }).waitFor();
    expect(dashboard.statuses).toEqual({ draft: 0, submitted: 13, returned: 1, withdrawn: 0 });
    // The days table lists the days with submissions, on Beijing days: 06-29 16:30 UTC is 06-30.
    expect(dashboard.days.filter((d) => d.first > 0).map((d) => [d.day, d.first, d.cumulative])).toEqual([
      ['2024-06-24', 2, 2], ['2024-06-26', 3, 5], ['2024-06-28', 2, 7], ['2024-06-30', 7, 14],
    ]);
    const days = await tableText(page, '每日提交与截止时间：数据表');
    expect(days.split('\n').filter((l) => l.startsWith('2024-')).map((l) => l.split('\t'))).toEqual([
      ['2024-06-24', '2', '0', '2'], ['2024-06-26', '3', '0', '5'], ['2024-06-28', '2', '0', '7'], ['2024-06-30', '7', '0', '14'],
    ]);
    expect(await tableText(page, '各省份案例数：数据表')).toContain('广东省\t5\t36%');
    expect(await tableText(page, '初审结果：数据表')).toMatch(/合计\t2\t9\t2\t1/);
    const review = dashboard.review.categories.find((c) => c.category === 'urban')!;
    expect(await tableText(page, '评审进度：数据表')).toContain(`城市基层党建\t${review.cases}\t${review.fullyScored}\t${review.assigned}\t${review.submitted}`);
    // ECharts describes each chart on its container after the chart's name.
    expect(await page.locator('.wb-chart').first().getAttribute('aria-label')).toMatch(/^每日提交与截止时间。/);
    // Every figures table is reached by keyboard.
    await tabTo(page, (f) => f.includes('各类别得分分布：数据表'), { max: 80 });
    expect(await focused(page)).toBe('div 各类别得分分布：数据表');
    await shot(page, 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByText('English').first().click();
    await ready(page, 'Submissions per day and the deadline');
    expect(await tableText(page, 'Screening outcomes: figures')).toMatch(/Total\t2\t9\t2\t1/);
    await shot(page, 'desktop-en');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('fits a phone, charts above their tables', async () => {
    const { page } = await openPage(suite.browser, PHONE, `${suite.url}${URL_PATH}`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await ready(page, '每日提交与截止时间');
    expect(await fitsWidth(page)).toBe(true);
    const chart = await page.locator('.wb-chart').nth(1).boundingBox();
    const table = await page.getByRole('region', { name: '各类别案例数：数据表' }).boundingBox();
    expect(table!.y).toBeGreaterThan(chart!.y + chart!.height - 1);
    await shot(page, 'phone');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('holds at 200 % zoom on a phone (195 CSS px)', async () => {
    const { page } = await openPage(suite.browser, ZOOMED, `${suite.url}${URL_PATH}`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await ready(page, '每日提交与截止时间');
    expect(await sidewaysOverflow(page)).toEqual({ excess: 0, culprits: [] });
    await shot(page, 'zoomed');
    expect(problems).toEqual([]);
  }, 120_000);
});
