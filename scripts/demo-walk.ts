import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../server/demo/demo-accounts.ts';

// The "done when", walked in Chromium against a running `npm run demo` (DEMO_URL): the
// organizer screens demo-screening, opens the planted pair's report, passes the rest, moves the
// phase on, runs and releases the assignment; a reviewer scores a case; the organizer reads the
// progress. Screenshots go to WALK_DIR. Not a test: it prints what it saw. It changes the demo,
// so it walks a freshly seeded one once:
//   DEMO_DATA_DIR=$(mktemp -d) DEMO_UNITS=30 PORT=3123 npm run demo
//   DEMO_URL=http://localhost:3123 npx tsx scripts/demo-walk.ts

const BASE = process.env.DEMO_URL ?? 'http://localhost:3000';
const OUT = process.env.WALK_DIR ?? '/tmp/demo-walk';
const SLUG = 'demo-screening';
mkdirSync(OUT, { recursive: true });
const problems: string[] = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function signedIn(email: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: ${m.text().slice(0, 200)}`));
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  await page.goto(`${BASE}${path}`);
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/sign-in'));
  return page;
}
const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
/** A call the workbench would make, with its CSRF header. */
async function call(page: Page, method: 'get' | 'post', path: string, data?: object) {
  const csrf = await (await page.request.get(`${BASE}/api/v1/auth/csrf`)).json() as { token: string };
  const res = await page.request[method](`${BASE}${path}`, { data, headers: { 'x-csrf-token': csrf.token } });
  return { status: res.status(), body: await res.json() as Record<string, unknown> };
}

// 1. The screening queue, then only the flagged near-duplicates.
const org = await signedIn('organizer@demo.example.cn', `/app/org/screening?campaign=${SLUG}`);
await org.locator('tbody tr.ant-table-row').first().waitFor();
await shot(org, '1-queue');
await org.getByRole('checkbox', { name: /有相似案例/ }).check();
await org.waitForTimeout(1500);
await shot(org, '2-flagged');
const rows = org.locator('tbody tr.ant-table-row');
console.log('flagged rows:', await rows.locator('td:nth-child(2) a').allInnerTexts());

// 2. The second of the pair rejected with a reason, through its row's own decision; the first's report, passages side by side.
await rows.nth(1).getByRole('button', { name: '作出结论' }).click();
await org.getByRole('dialog').getByText('不通过', { exact: true }).click();
await org.getByRole('dialog').getByRole('textbox').fill('与本次征集中另一单位报送的案例高度雷同，不符合原创性要求。');
await shot(org, '2b-reject-dialog');
await org.getByRole('dialog').getByRole('button', { name: /^确\s?认$/ }).click();
await org.waitForTimeout(1500);
await shot(org, '2c-rejected');
await rows.first().getByRole('link', { name: '查看' }).click();
await org.locator('.wb-similarity-side').first().waitFor({ timeout: 30_000 });
await org.locator('.wb-similarity-side').first().scrollIntoViewIfNeeded();
await shot(org, '3-report', false);

// 3. Back to the queue: the pending ones passed in bulk, page by page.
await org.goto(`${BASE}/app/org/screening?campaign=${SLUG}`);
await org.locator('tbody tr.ant-table-row').first().waitFor();
for (let round = 0; round < 20; round++) {
  const boxes = org.locator('tbody tr.ant-table-row').filter({ has: org.locator('.ant-tag', { hasText: '待初审' }) }).getByRole('checkbox');
  const n = await boxes.count();
  if (n === 0) break;
  for (let i = 0; i < n; i++) await boxes.nth(i).check();
  await org.getByRole('button', { name: '批量结论' }).click();
  if (round === 0) await shot(org, '4-bulk-dialog');
  await org.getByRole('dialog').getByRole('button', { name: /^确\s?认$/ }).click();
  await org.waitForTimeout(1500);
}
await shot(org, '5-screened');

// The assignment page while the campaign is still in screening: what the organizer is told.
await org.goto(`${BASE}/app/org/assignment?campaign=${SLUG}`);
await org.getByRole('button', { name: '开始计算' }).click();
await org.waitForTimeout(2000);
await shot(org, '5b-assignment-in-screening', false);

// 4. The phase on to review, from the phase card at the top of the page.
await org.getByRole('button', { name: '进入“专家评审”阶段' }).click();
await shot(org, '5c-phase-dialog', false);
await org.getByRole('dialog').getByRole('button', { name: '进入“专家评审”阶段' }).click();
await org.locator('.wb-phase .ant-tag', { hasText: '专家评审' }).waitFor();

// 5. The assignment, run and released.
await org.goto(`${BASE}/app/org/assignment?campaign=${SLUG}`);
await org.getByRole('button', { name: '开始计算' }).click();
await org.getByText('覆盖率（评审人数足额的案例）').waitFor({ timeout: 120_000 });
await org.waitForTimeout(1500);
await shot(org, '6-proposed');
const release = org.locator('button.wb-release');
await release.click();
await shot(org, '7-release-dialog');
await org.getByRole('dialog').getByRole('button', { name: '发布分配' }).click();
await org.locator('.ant-tag', { hasText: '已发布' }).first().waitFor({ timeout: 30_000 });
await shot(org, '8-released');

// 6. A reviewer who got a case of it scores one.
const preview = await call(org, 'get', `/api/v1/campaigns/${SLUG}/assignments?page=1&pageSize=100`);
const reviewers = (preview.body as { data: { reviewers: { email: string; released: number }[] } }).data.reviewers.filter((r) => r.released > 0);
const email = (reviewers.find((r) => r.email === 'reviewer-01@demo.example.cn') ?? reviewers[0])!.email;
console.log('reviewer:', email, `${reviewers.length} reviewers with cases`);
const rev = await signedIn(email, '/app/reviews');
await rev.getByText('（演示·初审中）').first().waitFor();
await shot(rev, '9-reviewer-list');
await rev.locator('tr, .ant-list-item', { hasText: '（演示·初审中）' }).getByRole('link').first().click();
await rev.getByText('本次为匿名评审', { exact: false }).waitFor();
const groups = rev.locator('fieldset.wb-review-criterion');
for (let i = 0; i < await groups.count(); i++) await groups.nth(i).locator('.ant-radio-wrapper').nth(1).click();
await rev.getByRole('radio', { name: '优秀案例' }).check();
await shot(rev, '10-scored');
await rev.getByRole('button', { name: '提交评分' }).click();
await rev.getByRole('dialog').getByRole('button', { name: /^确\s?定$/ }).click();
await rev.getByText('评分已于', { exact: false }).waitFor();
await shot(rev, '11-submitted');
await rev.locator('.ant-alert-success').screenshot({ path: `${OUT}/11b-submitted-notice.png` });

// 7. The organizer's progress.
await org.goto(`${BASE}/app/org/progress?campaign=${SLUG}`);
await org.getByRole('heading', { name: '按类别' }).waitFor();
await org.waitForTimeout(1500);
await shot(org, '12-progress');
console.log('console problems:', problems);
await browser.close();
