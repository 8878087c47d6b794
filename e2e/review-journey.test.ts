import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createSubmittedCase, type SubmittedCase } from '../server/testing/cases.ts';
import { createReviewer, setPhase, type Reviewer } from '../server/testing/assignments.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { axeViolations } from './axe-rules.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// Issue 13 end to end: the organizer screens three cases and assigns them to the reviewer pool,
// a reviewer scores one of them in blind mode on a phone, and the organizer sees the progress.

const TITLES = ['红色物业让社区治理更有温度', '“两新”组织党建全覆盖的深圳做法', '网格党建织密城市基层治理网'];

/** Waits until `read` gives `expected`, for figures a page fills in after its data arrives. */
async function eventually(read: () => Promise<string>, expected: string, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = (await read()).trim();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`expected ${JSON.stringify(expected)}, last saw ${JSON.stringify(last)}`);
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/review-journey-${name}.png`, fullPage: true });

describeInChromium('issue 13: screening, assignment, blind review and progress', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  const problems: string[] = [];
  const cases: SubmittedCase[] = [];
  const reviewers: Reviewer[] = [];

  beforeAll(async () => {
    for (const title of TITLES) cases.push(await createSubmittedCase(suite.app, { title }));
    for (let i = 1; i <= 4; i++) reviewers.push(await createReviewer(suite.app, `journey-reviewer-${i}@example.cn`, { name: `评审专家${i}` }));
    await setPhase(suite.app, 'screening');
  }, 180_000);

  it('screens, assigns and releases, takes a blind review on a phone and shows it in the progress', async () => {
    const db = suite.app.db;
    // 1. The organizer passes all three cases in bulk.
    const desk = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/screening`, problems);
    await signInThroughForm(desk.page, ADMIN.email, ADMIN.password);
    await desk.page.waitForURL(/\/app\/org\/screening$/);
    await desk.page.getByText('共 3 个案例').waitFor();
    for (const title of TITLES) await desk.page.getByRole('checkbox', { name: title }).check();
    await desk.page.getByRole('button', { name: '批量结论' }).click();
    await desk.page.getByRole('button', { name: /^确\s?认$/ }).click();
    for (const title of TITLES) await desk.page.locator('tr', { hasText: title }).locator('.ant-tag', { hasText: '已通过' }).waitFor();
    await shot(desk.page, '1-screened');
    expect(await axeViolations(desk.page)).toEqual([]);

    // 2. The organizer starts the review phase from the page, then runs the assignment and releases it.
    await desk.page.getByRole('button', { name: '进入“专家评审”阶段' }).click();
    await desk.page.getByRole('dialog').getByText('评审标准、分值和类别冻结', { exact: false }).waitFor();
    await desk.page.getByRole('dialog').getByRole('button', { name: '进入“专家评审”阶段' }).click();
    await desk.page.locator('.wb-phase .ant-tag', { hasText: '专家评审' }).waitFor();
    expect((await db.selectFrom('campaigns').select('phase').executeTakeFirstOrThrow()).phase).toBe('review');
    await desk.page.goto(`${suite.url}/app/org/assignment`);
    await desk.page.getByRole('button', { name: '开始计算' }).click();
    await desk.page.getByText('覆盖率（评审人数足额的案例）').waitFor({ timeout: 60_000 });
    const release = desk.page.locator('button.wb-release');
    await expect.poll(() => release.isEnabled(), { timeout: 30_000 }).toBe(true);
    await shot(desk.page, '2-proposed');
    expect(await axeViolations(desk.page)).toEqual([]);
    await release.click();
    await desk.page.getByRole('dialog').getByRole('button', { name: '发布分配' }).click();
    await expect.poll(async () => (await db.selectFrom('review_assignments').select('case_id').where('state', '=', 'released').execute()).length, { timeout: 30_000 }).toBe(9);
    const released = await db.selectFrom('review_assignments').select(['id', 'case_id', 'reviewer_id']).where('state', '=', 'released').execute();
    for (const c of cases) expect(released.filter((a) => a.case_id === c.caseId)).toHaveLength(3);
    await desk.page.locator('.ant-tag', { hasText: '已发布' }).first().waitFor();
    await shot(desk.page, '3-released');

    // 3. A reviewer with an assignment scores it on a phone; the unit's name stays hidden.
    const mine = released[0]!;
    const reviewer = reviewers.find((r) => r.poolId === mine.reviewer_id)!;
    const title = TITLES[cases.findIndex((c) => c.caseId === mine.case_id)]!;
    const unit = await db.selectFrom('cases').innerJoin('organizations', 'organizations.id', 'cases.organization_id').select('organizations.name').where('cases.id', '=', mine.case_id).executeTakeFirstOrThrow();
    const phone = await openPage(suite.browser, PHONE, `${suite.url}/app/reviews`, problems);
    await signInThroughForm(phone.page, reviewer.email, PASSWORD);
    await phone.page.waitForURL(/\/app\/reviews$/);
    await phone.page.getByRole('link', { name: title }).click();
    await phone.page.waitForURL(new RegExp(`/app/reviews/${mine.id}$`));
    await phone.page.getByText('本次为匿名评审', { exact: false }).waitFor();
    const groups = phone.page.locator('fieldset.wb-review-criterion');
    await groups.first().waitFor();
    expect(await phone.page.locator('body').innerText()).not.toContain(unit.name);
    const criteria = await groups.count();
    expect(criteria).toBeGreaterThan(0);
    for (let i = 0; i < criteria; i++) await groups.nth(i).locator('.ant-radio-wrapper').first().click();
    // The phone drops the tab before anything is saved: the scores come back from the device.
    await phone.page.reload();
    await phone.page.getByText('已恢复本机上尚未保存的评分', { exact: false }).waitFor();
    expect(await phone.page.locator('fieldset.wb-review-criterion .ant-radio-wrapper-checked').count()).toBe(criteria);
    await phone.page.getByText('加权总分：', { exact: false }).filter({ hasNotText: '全部标准打分后显示' }).waitFor();
    await phone.page.getByRole('radio', { name: '优秀案例' }).check();
    await shot(phone.page, '4-scored');
    expect(await axeViolations(phone.page)).toEqual([]);
    await phone.page.getByRole('button', { name: '提交评分' }).click();
    await phone.page.getByRole('dialog').getByRole('button', { name: /^确\s?定$/ }).click();
    await phone.page.getByText('评分已于', { exact: false }).waitFor();
    expect(await phone.page.evaluate((id) => window.localStorage.getItem(`zhengji.review-draft.${id}`), mine.id)).toBeNull();
    await shot(phone.page, '5-submitted');
    const review = await db.selectFrom('reviews').select(['status', 'tier']).where('assignment_id', '=', mine.id).executeTakeFirstOrThrow();
    expect(review).toEqual({ status: 'submitted', tier: 'excellent' });

    // 4. The organizer sees the one review scored, for the reviewer and in the total.
    await desk.page.goto(`${suite.url}/app/org/progress`);
    await desk.page.getByRole('heading', { name: '按类别' }).waitFor();
    const row = desk.page.locator('tr', { hasText: reviewer.email });
    await row.waitFor();
    await eventually(() => row.locator('td').nth(2).innerText(), '1');
    await shot(desk.page, '6-progress');
    expect(await axeViolations(desk.page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 300_000);
});
