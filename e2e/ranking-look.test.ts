import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createReviewer, releaseAssignment, setPhase, type Reviewer } from '../server/testing/assignments.ts';
import { completeContent, createSubmittedCase } from '../server/testing/cases.ts';
import { signedIn } from '../server/testing/people.ts';
import { TestClient } from '../server/testing/test-client.ts';
import type { FlagScores, Ranking } from '../web/workbench/src/ranking/ranking-api.ts';
import { axeViolations } from './axe-rules.ts';
import { sidewaysOverflow, ZOOMED } from './keyboard-zoom-helpers.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// Issue 15 item 1 in the workbench: the organizer's ranking at desktop and phone size, sorted,
// filtered by category, and a flag opened by keyboard on the scores behind it.

/** The same score on every criterion of the seventh collection. */
const all = (s: number) => ({ authenticity: s, innovation: s, effectiveness: s, typicality: s });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/ranking-${name}.png`, fullPage: true });
const option = (page: Page, text: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text });
const titles = (page: Page) => page.locator('.ant-table-row a').allInnerTexts();

describeInChromium('the ranking in the workbench', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  const problems: string[] = [];
  let ranking: Ranking;
  let disagreement: FlagScores;
  const titleOf = (caseId: string) => ranking.rows.find((r) => r.caseId === caseId)!.title;

  // As server/modules/ranking/ranking.routes.test.ts: 甲 乙 丁 urban, 丙 rural, 戊 unscored. 王一, 李二
  // and 张三 disagree on 甲 and 丙; 赵四 scores 甲 and 乙 only, so their habit is mostly everyone's (few_reviews).
  beforeAll(async () => {
    const app = suite.app;
    const submit = (title: string, category = 'urban') => createSubmittedCase(app, { content: { ...completeContent(1200, title), category } });
    const cases = { 甲: await submit('案例甲'), 乙: await submit('案例乙'), 丙: await submit('案例丙', 'rural'), 丁: await submit('案例丁'), 戊: await submit('案例戊') };
    await app.db.updateTable('cases').set({ screening: 'passed' }).execute();
    const reviewers: Record<string, Reviewer> = {};
    for (const [name, n] of [['王一', 1], ['李二', 2], ['张三', 3], ['赵四', 4]] as const) reviewers[name] = await createReviewer(app, `r${n}@example.cn`, { name });
    await setPhase(app, 'review');
    const score = async (name: string, key: keyof typeof cases, s: number) => {
      const client = await signedIn(app, reviewers[name]!.email);
      const id = await releaseAssignment(app, cases[key].caseId, reviewers[name]!);
      const res = await client.post(`/api/v1/reviews/assignments/${id}/review/submit`, { version: 0, scores: all(s), comment: `${key}${s}`, tier: 'excellent' });
      if (res.statusCode !== 200) throw new Error(`scoring failed: ${res.body}`);
    };
    await score('王一', '甲', 5); await score('王一', '乙', 3); await score('王一', '丙', 4); await score('王一', '丁', 4);
    await score('李二', '甲', 4); await score('李二', '乙', 2); await score('李二', '丙', 3);
    await score('张三', '甲', 3); await score('张三', '乙', 1); await score('张三', '丙', 5);
    // A replacement reviewer with two reviews: normalized, 甲 passes 丁, which is ahead by raw score.
    await score('赵四', '甲', 3); await score('赵四', '乙', 2);
    // What the page should show is what the API answers (its figures are checked in the ranking's own tests).
    const organizer = new TestClient(app);
    await organizer.post('/api/v1/auth/sign-in', { email: ADMIN.email, password: ADMIN.password });
    const base = '/api/v1/campaigns/seventh-collection/ranking';
    ranking = (await organizer.get(base)).json().data;
    const flag = ranking.flags.find((f) => f.kind === 'disagreement')!;
    disagreement = (await organizer.get(`${base}/flags/${flag.id}`)).json().data;
  }, 180_000);

  it('ranks, sorts and filters on a desktop, and opens a flag by keyboard', async () => {
    const { page } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/ranking`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.getByText('共 5 个案例').waitFor();
    await page.getByRole('menuitem', { name: '排名' }).waitFor();
    expect(await titles(page)).toEqual(ranking.rows.map((r) => r.title));
    expect(await page.locator('.ant-table-row').first().innerText()).toContain(String(ranking.rows[0]!.normalized));
    await page.getByText('什么是“标准化分”？').click();
    await page.getByText('标准分数', { exact: false }).waitFor();
    await shot(page, 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: '排序' }).click();
    await option(page, '按原始分').click();
    const byRaw = ranking.rows.filter((r) => r.raw !== null).sort((a, b) => b.raw! - a.raw! || a.rank! - b.rank!).map((r) => r.title);
    expect(byRaw).not.toEqual(ranking.rows.slice(0, byRaw.length).map((r) => r.title));
    await expect.poll(() => titles(page)).toEqual([...byRaw, '案例戊']);
    await page.getByRole('combobox', { name: '类别' }).click();
    await option(page, '农村基层党建').click();
    await page.getByText('共 1 个案例').waitFor();
    const rural = ranking.rows.find((r) => r.title === '案例丙')!;
    expect(await page.locator('.ant-table-row').first().innerText()).toMatch(new RegExp(`^${rural.rank}\\s+1\\s+案例丙`));
    await page.reload();
    await page.getByText('共 5 个案例').waitFor();

    // The flags, each opened by keyboard; Escape closes the drawer and gives the focus back.
    const { flag } = disagreement;
    if (flag.kind !== 'disagreement') throw new Error('not a disagreement');
    const item = page.locator('.wb-ranking-flag-item', { hasText: `${titleOf(flag.caseId)}：各专家的标准化总分相差 ${flag.range} 分` });
    const open = item.getByRole('button', { name: '查看评分' });
    await open.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await drawer.locator('.wb-ranking-review').nth(2).waitFor();
    expect(await drawer.locator('.wb-ranking-reviewer').allInnerTexts()).toEqual(disagreement.reviews.map((r) => r.reviewer.name));
    expect(await drawer.locator('.wb-ranking-review').first().innerText()).toContain(String(disagreement.reviews[0]!.normalizedTotal));
    await shot(page, 'desktop-flag');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => open.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.getByText('赵四只评了 2 份（少于 5 份），其打分习惯主要按全体专家的习惯估计（本人占 29%）', { exact: false }).waitFor();

    await page.getByText('English').first().click();
    await page.getByText('What is the “normalized” score?').waitFor();
    await page.getByText('5 cases').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('lists the cases on a phone without sideways scrolling', async () => {
    const { page } = await openPage(suite.browser, PHONE, `${suite.url}/app/org/ranking`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.getByText('共 5 个案例').waitFor();
    const first = page.locator('.wb-ranking-item').first();
    const top = ranking.rows[0]!;
    expect(await first.innerText()).toContain(`原始分 ${top.raw} · 标准化分 ${top.normalized} · ${top.scoreCount} 份评分`);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'phone');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.wb-ranking-item .ant-btn').first().click();
    await page.getByRole('dialog').locator('.wb-ranking-review').nth(2).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'phone-flag');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('holds at 200 % zoom on a phone (195 CSS px), the drawer too', async () => {
    const { page } = await openPage(suite.browser, ZOOMED, `${suite.url}/app/org/ranking`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.getByText('共 5 个案例').waitFor();
    expect(await sidewaysOverflow(page)).toEqual({ excess: 0, culprits: [] });
    await page.getByRole('button', { name: '查看评分' }).first().click();
    await page.getByRole('dialog').locator('.wb-ranking-review').first().waitFor();
    // Measured once the drawer has slid in: while it moves it stands partly off the right edge.
    await page.locator('.ant-drawer-content-wrapper[class*="-appear"]').waitFor({ state: 'detached' });
    expect(await sidewaysOverflow(page)).toEqual({ excess: 0, culprits: [] });
    await page.screenshot({ path: `${SCREENSHOTS}/ranking-zoomed-flag.png` });
    expect(problems).toEqual([]);
  }, 120_000);
});
