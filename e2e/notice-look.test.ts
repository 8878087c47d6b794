import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { forgetCampaignVersions } from '../server/modules/campaigns/campaigns.service.ts';
import { setPhase } from '../server/testing/assignments.ts';
import { completeContent, createSubmittedCase } from '../server/testing/cases.ts';
import { testPdf } from '../server/testing/pdf-files.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { DURING_WINDOW, SEVENTH } from '../server/testing/fixtures.ts';
import { axeViolations } from './axe-rules.ts';
import { sidewaysOverflow, ZOOMED } from './keyboard-zoom-helpers.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServer } from './browser.ts';

// Issue 15 items 3 and 8 in the browser: the organizer publishes the settled selection, a visitor
// objects on a phone (a refused form keeps what was typed), and once the notice has ended the
// organizer upholds the objection and confirms the final results.

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/notice-${name}.png`, fullPage: true });
const DAY = 86_400_000;

describeInChromium('the public notice in the browser', () => {
  // The server's clock ticks from inside the window; `later` jumps it past the notice's end.
  let later = 0;
  const started = Date.now();
  const suite = browserSuite({ start: () => startServer(() => new Date(DURING_WINDOW.getTime() + (Date.now() - started) + later), ADMIN_ENV) });
  const problems: string[] = [];
  let unit: { caseId: string; email: string };

  // Two cases selected (甲 best, 丙 excellent) and a third not: the selection as accepted, written
  // directly (computing it is the selection journey's part).
  beforeAll(async () => {
    const app = suite.app;
    const submit = (title: string, category = 'urban') => createSubmittedCase(app, { content: { ...completeContent(1200, title), category }, unitName: `${title}所在街道党工委` });
    const cases = { 甲: await submit('社区议事厅：老旧小区加装电梯'), 乙: await submit('案例乙'), 丙: await submit('“红色驿站”服务新就业群体', 'rural') };
    const campaign = await app.db.selectFrom('campaigns').select(['id', 'definition']).where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
    const candidates = [[cases.甲, 'urban', 90], [cases.丙, 'rural', 80], [cases.乙, 'urban', 60]].map(([c, category, score]) => ({ id: (c as { caseId: string }).caseId, category, province: '11', score }));
    const at = DURING_WINDOW.toISOString();
    await app.db.insertInto('selection_suggestions').values({
      campaign_id: campaign.id, candidates: JSON.stringify(candidates), quotas: JSON.stringify(JSON.parse(campaign.definition).selection ?? { best: 30, excellent: 70, categories: {}, provinceCap: null }),
      entries: JSON.stringify([{ caseId: cases.甲.caseId, tier: 'best' }, { caseId: cases.丙.caseId, tier: 'excellent' }]), binding: '[]', computed_by: 'test', computed_at: at, accepted_by: 'test', accepted_at: at,
    }).execute();
    await app.db.insertInto('selection_decisions').values([
      { campaign_id: campaign.id, case_id: cases.甲.caseId, tier: 'best', source: 'suggested', reason: null, decided_by: 'test', decided_at: at },
      { campaign_id: campaign.id, case_id: cases.丙.caseId, tier: 'excellent', source: 'suggested', reason: null, decided_by: 'test', decided_at: at },
    ]).execute();
    await setPhase(app, 'notice');
    forgetCampaignVersions(app.db);
    unit = cases.丙;
  }, 120_000);

  it('publishes on a desktop, takes an objection on a phone, upholds it and confirms the results', async () => {
    const { page, context } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/notice`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.getByText('将公示 2 个案例', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '发布公示' }).click();
    const confirm = page.getByRole('dialog', { name: '确认发布公示？' });
    await confirm.getByRole('button', { name: '发布公示' }).click();
    await page.getByText('公示期：2024-05-01 10:', { exact: false }).waitFor();
    expect(await page.locator('.wb-notice-entries li').allInnerTexts()).toEqual([
      expect.stringContaining('社区议事厅：老旧小区加装电梯'), expect.stringContaining('“红色驿站”服务新就业群体'),
    ]);
    await shot(page, 'published');

    // A visitor on a phone: the list, a refused form that keeps its text, then the reference.
    const visitor = await openPage(suite.browser, PHONE, `${suite.url}/app/notice?campaign=${SEVENTH}`, problems);
    const v = visitor.page;
    await v.getByText('公示期：2024-05-01', { exact: false }).waitFor();
    expect(await fitsWidth(v)).toBe(true);
    expect(await axeViolations(v)).toEqual([]);
    await shot(v, 'public-phone');
    await v.locator('#wb-objection-case').click();
    await v.locator('.ant-select-item-option', { hasText: '社区议事厅' }).click();
    await v.locator('#wb-objection-name').fill('张𠮷');
    await v.locator('#wb-objection-organization').fill('某街道党工委');
    await v.locator('#wb-objection-body').fill('该案例所述“加装电梯 40 部”系两年合计，重复统计。');
    await v.getByRole('button', { name: '提交异议' }).click();
    await v.getByText('请至少留下电话或电子邮箱中的一种', { exact: false }).waitFor();
    expect(await v.locator('#wb-objection-body').inputValue()).toContain('重复统计');
    await v.locator('#wb-objection-phone').fill('139 1234 5678');
    // A small PDF as evidence goes up with tus once the objection is filed (decision 0036).
    await v.locator('#wb-objection-files').setInputFiles({ name: '统计表.pdf', mimeType: 'application/pdf', buffer: await testPdf() });
    await v.getByRole('button', { name: '提交异议' }).click();
    await v.getByText('异议已受理').waitFor();
    await v.getByText('证据材料已全部上传。').waitFor();
    const reference = /YY7-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await v.locator('.wb-notice-received').innerText())![0];
    expect(await axeViolations(v)).toEqual([]);
    await shot(v, 'objection-received-phone');
    // At 200 % zoom on a phone the form still fits.
    const zoomed = await openPage(suite.browser, ZOOMED, `${suite.url}/app/notice?campaign=${SEVENTH}`, problems);
    await zoomed.page.getByText('提出异议').first().waitFor();
    expect(await sidewaysOverflow(zoomed.page)).toEqual({ excess: 0, culprits: [] });
    await zoomed.context.close();
    await visitor.context.close();

    // Finalizing waits for the notice to end; eight days later the organizer upholds and confirms.
    await page.reload();
    await page.getByText(reference).waitFor();
    await page.getByRole('link', { name: /^下载 统计表\.pdf（/ }).waitFor();
    expect(await page.getByRole('button', { name: '确认最终结果' }).isDisabled()).toBe(true);
    later = 8 * DAY;
    await page.reload();
    if (await page.locator('#f-email').isVisible().catch(() => false)) await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.getByRole('button', { name: `处理异议 ${reference}` }).click();
    const dialog = page.getByRole('dialog', { name: `处理异议 ${reference}` });
    await dialog.getByText('异议成立').click();
    await dialog.locator('#wb-notice-reason').fill('经核实，电梯数量确系两年合计，降为优秀案例。');
    await dialog.getByRole('button', { name: '保存处理结果' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.wb-notice-objection', { hasText: reference }).getByText('结果改为“优秀”', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'resolved');
    await page.getByRole('button', { name: '确认最终结果' }).click();
    const final = page.getByRole('dialog', { name: '确认最终结果' });
    await final.getByText('最佳案例 0 个、优秀案例 2 个', { exact: false }).waitFor();
    await final.getByRole('button', { name: '确认最终结果' }).click();
    await page.getByText('最终结果已确认。').waitFor();
    await shot(page, 'final');
    const results = await suite.app.db.selectFrom('final_results').select(['tier', 'serial']).execute();
    expect(results.map((r) => r.tier)).toEqual(['excellent', 'excellent']);
    await context.close();

    // The unit downloads its certificate on a phone; a visitor follows its verification link.
    const phone = await openPage(suite.browser, PHONE, `${suite.url}/app/cases/${unit.caseId}`, problems);
    await signInThroughForm(phone.page, unit.email, PASSWORD);
    const card = phone.page.getByTestId('case-result');
    await card.getByText('优秀案例').waitFor();
    const [download] = await Promise.all([phone.page.waitForEvent('download'), card.getByRole('link', { name: '下载荣誉证书' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^荣誉证书-ZJ7-000\d-[0-9A-Z]{8}\.pdf$/);
    const serial = /ZJ7-000\d-[0-9A-Z]{8}/.exec(download.suggestedFilename())![0];
    await phone.context.close();
    const check = await openPage(suite.browser, PHONE, `${suite.url}/certificates/${serial}`, problems);
    await check.page.getByText(`证书 ${serial} 真实有效`).waitFor();
    expect(await check.page.locator('[data-field="case"]').innerText()).toBe('“红色驿站”服务新就业群体');
    await check.context.close();
    expect(problems).toEqual([]);
  }, 240_000);
});
