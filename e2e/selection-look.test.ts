import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { SEVENTH } from '../server/testing/fixtures.ts';
import { scoreForSelection } from '../server/testing/selection-world.ts';
import { TestClient } from '../server/testing/test-client.ts';
import type { Selection } from '../web/workbench/src/selection/selection-api.ts';
import { axeViolations } from './axe-rules.ts';
import { motionDone } from './keyboard-zoom-helpers.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// Issue 15 items 2 and 8 in the workbench: the organizer computes the suggested selection, accepts
// it, changes one case with a reason, and sees a refused change keep its reason; at desktop and
// phone size, by keyboard, in zh-CN.

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/selection-${name}.png`, fullPage: true });
// One best place, two excellent, at most one urban case: 甲 (urban) best, 丙 (rural) excellent, and
// the urban cap keeps 丁 out and the second excellent place empty.
const QUOTAS = { best: 1, excellent: 2, categories: { urban: { max: 1 } }, provinceCap: null };

describeInChromium('the selection in the workbench', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  const problems: string[] = [];
  let organizer: TestClient;
  const view = async () => (await organizer.get(`/api/v1/campaigns/${SEVENTH}/selection`)).json().data as Selection;

  // server/testing/selection-world.ts: normalized 甲 (urban) 82.69, 丙 (rural) 78.93, 丁 (urban) 75.91, 乙 (urban) 40.34.
  beforeAll(async () => {
    const app = suite.app;
    await scoreForSelection(app, QUOTAS);
    organizer = new TestClient(app);
    await organizer.post('/api/v1/auth/sign-in', { email: ADMIN.email, password: ADMIN.password });
  }, 180_000);

  it('computes, accepts, changes a case with a reason and keeps the reason of a refused change, on a desktop by keyboard', async () => {
    const { page } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/selection`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.getByText('还没有计算建议名单。').waitFor();
    await page.getByRole('menuitem', { name: '遴选' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '计算建议名单' }).click();
    // The solve starts a worker thread (tsx, then HiGHS's WebAssembly): seconds alone, far more
    // while the whole suite loads both cores.
    await page.getByText('建议名单计算于', { exact: false }).waitFor({ timeout: 120_000 });
    const computed = await view();
    expect(computed.suggestion!.entries.map((e) => [computed.cases.find((c) => c.caseId === e.caseId)!.title, e.tier])).toEqual([['案例甲', 'best'], ['案例丙', 'excellent']]);
    await expect.poll(() => page.locator('.ant-table-row a').allInnerTexts()).toEqual(['案例甲', '案例丙', '案例丁', '案例乙']);
    // The quotas with their counts before anything is decided, and what binds the suggestion.
    expect(await page.locator('.wb-selection-quota').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/“最佳”名额\s*0\/1/), expect.stringMatching(/“城市基层党建”最多\s*0\/1/)]));
    expect(await page.locator('.wb-selection-binding-item').count()).toBe(computed.suggestion!.binding.length);
    expect(computed.suggestion!.binding.length).toBeGreaterThan(0);
    await page.locator('.wb-selection-binding-item', { hasText: '“城市基层党建”最多' }).getByText('“案例丁”未入选 → 优秀').waitFor();

    // Accept, confirmed.
    await page.getByRole('button', { name: '采纳建议名单' }).click();
    const confirm = page.getByRole('dialog', { name: '采纳建议名单？' });
    await confirm.getByRole('button', { name: /^采\s*纳$/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('已于', { exact: false }).waitFor();
    const row = (title: string) => page.locator('.ant-table-row', { hasText: title });
    await expect.poll(() => row('案例甲').locator('.wb-selection-decision').innerText()).toMatch(/最佳\s*建议/);
    await expect.poll(() => page.locator('.wb-selection-quota', { hasText: '“最佳”名额' }).innerText()).toMatch(/1\/1/);

    // Opened by keyboard; Escape gives the focus back to the button.
    const changeDing = page.getByRole('button', { name: '调整“案例丁”' });
    await changeDing.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '调整遴选结果' });
    await dialog.getByLabel('理由').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => changeDing.evaluate((e) => e === document.activeElement)).toBe(true);

    // A change the urban cap refuses: the server's words inline, the reason kept.
    await page.keyboard.press('Enter');
    await dialog.getByLabel('理由').waitFor();
    await dialog.locator('.ant-radio-wrapper', { hasText: '优秀' }).click();
    await dialog.getByLabel('理由').fill('丁案例成效突出，建议增补');
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await dialog.locator('.wb-reason-refusal', { hasText: '不能这样改' }).waitFor();
    expect(await dialog.locator('.wb-reason-refusal').innerText()).toContain('“城市基层党建”类别最多入选数限为 1 个，改后将是 2 个');
    expect(await dialog.getByLabel('理由').inputValue()).toBe('丁案例成效突出，建议增补');
    await shot(page, 'desktop-refused');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // An empty reason is refused before it is sent; then a change that holds.
    await row('案例甲').getByRole('button', { name: '调整“案例甲”' }).click();
    await dialog.getByLabel('理由').waitFor();
    await dialog.locator('.ant-radio-wrapper', { hasText: '优秀' }).click();
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await dialog.getByText('请填写理由。').waitFor();
    await dialog.getByLabel('理由').fill('专家意见：创新性不足以列为最佳');
    await dialog.getByText('15 / 500').waitFor();
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row('案例甲').locator('.wb-selection-decision').innerText()).toMatch(/优秀\s*已调整\s*专家意见：创新性不足以列为最佳/);
    const after = await view();
    expect(after.cases.find((c) => c.title === '案例甲')!.decision).toMatchObject({ tier: 'excellent', source: 'changed', reason: '专家意见：创新性不足以列为最佳' });

    // Filters: the changed case under 优秀, the rural case alone under its category.
    await page.getByRole('combobox', { name: '遴选结果' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '优秀' }).click();
    await expect.poll(() => page.locator('.ant-table-row a').allInnerTexts()).toEqual(['案例甲', '案例丙']);
    await page.getByRole('combobox', { name: '类别' }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '农村基层党建' }).click();
    await expect.poll(() => page.locator('.ant-table-row a').allInnerTexts()).toEqual(['案例丙']);
    await page.reload();
    await page.getByText('共 4 个案例').waitFor();
    await shot(page, 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByText('English').first().click();
    await page.getByText('What the quotas cost').waitFor();
    await row('案例甲').getByText('Changed').waitFor();
    expect(problems).toEqual([]);
  }, 180_000);

  it('shows the candidates as cards on a phone without sideways scrolling', async () => {
    const { page } = await openPage(suite.browser, PHONE, `${suite.url}/app/org/selection`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.getByText('共 4 个案例').waitFor();
    const first = page.locator('.wb-selection-item').first();
    expect(await first.innerText()).toMatch(/案例甲[\s\S]*第 1 名 · 标准化分 82.69[\s\S]*建议：最佳[\s\S]*优秀\s*已调整\s*专家意见/);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'phone');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '调整“案例丁”' }).click();
    await page.getByRole('dialog', { name: '调整遴选结果' }).getByLabel('理由').waitFor();
    await motionDone(page);
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/selection-phone-change.png` });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
