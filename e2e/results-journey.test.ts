import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { testPdf } from '../server/testing/pdf-files.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { DURING_WINDOW, SEVENTH } from '../server/testing/fixtures.ts';
import { scoreForSelection } from '../server/testing/selection-world.ts';
import { axeViolations } from './axe-rules.ts';
import { sidewaysOverflow, ZOOMED } from './keyboard-zoom-helpers.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServer } from './browser.ts';

// Issue 15's journey in the browser, from scores to final results: the organizer reads the
// ranking, computes the suggested selection, accepts it, changes one case with a reason, opens
// the notice stage and publishes the list; a visitor objects on a phone (a refused form keeps
// what was typed); once the notice has ended the organizer upholds the objection and confirms the
// results; the unit downloads its certificate and a visitor verifies it.

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/notice-${name}.png`, fullPage: true });
const DAY = 86_400_000;
// One best place, two excellent, at most one urban case (selection-look shows what that costs).
const QUOTAS = { best: 1, excellent: 2, categories: { urban: { max: 1 } }, provinceCap: null };
const TITLES = { A: '社区议事厅：老旧小区加装电梯', B: '网格连心 服务到家', C: '“红色驿站”服务新就业群体', D: '党建引领物业服务' };
const row = (page: Page, title: string) => page.locator('.ant-table-row', { hasText: title });

describeInChromium('from scores to final results in the browser', () => {
  // The server's clock ticks from inside the window; `later` jumps it past the notice's end.
  let later = 0;
  const started = Date.now();
  const suite = browserSuite({ start: () => startServer(() => new Date(DURING_WINDOW.getTime() + (Date.now() - started) + later), ADMIN_ENV) });
  const problems: string[] = [];
  let unit: { caseId: string; email: string };

  // Normalized: A (urban) 82.69, C (rural) 78.93, D (urban) 75.91, B (urban) 40.34 (server/testing/selection-world.ts).
  beforeAll(async () => {
    unit = (await scoreForSelection(suite.app, QUOTAS, TITLES)).cases.C;
  }, 180_000);

  it('ranks, selects, publishes, takes an objection on a phone, upholds it, confirms the results and certifies them', async () => {
    const { page, context } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/ranking`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.getByText('共 4 个案例').waitFor();
    await expect.poll(() => page.locator('.ant-table-row a').allInnerTexts()).toEqual([TITLES.A, TITLES.C, TITLES.D, TITLES.B]);

    // The suggestion (A best, C excellent; the urban cap keeps D out), accepted, then A moved down with a reason.
    await page.getByRole('menuitem', { name: '遴选' }).click();
    await page.getByRole('button', { name: '计算建议名单' }).click();
    await page.getByText('建议名单计算于', { exact: false }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: '采纳建议名单' }).click();
    const accept = page.getByRole('dialog', { name: '采纳建议名单？' });
    await accept.getByRole('button', { name: /^采\s*纳$/ }).click();
    await accept.waitFor({ state: 'hidden' });
    await expect.poll(() => row(page, TITLES.A).locator('.wb-selection-decision').innerText()).toMatch(/最佳\s*建议/);
    await row(page, TITLES.A).getByRole('button', { name: `调整“${TITLES.A}”` }).click();
    const change = page.getByRole('dialog', { name: '调整遴选结果' });
    await change.locator('.ant-radio-wrapper', { hasText: '优秀' }).click();
    await change.getByLabel('理由').fill('专家意见：创新性不足以列为最佳');
    await change.getByRole('button', { name: /^保\s*存$/ }).click();
    await change.waitFor({ state: 'hidden' });
    await expect.poll(() => row(page, TITLES.A).locator('.wb-selection-decision').innerText()).toMatch(/优秀\s*已调整/);

    // The notice stage opens from the selection page; the list goes out from the notice page.
    await page.getByRole('button', { name: '进入“公示”阶段' }).click();
    const move = page.getByRole('dialog', { name: '进入“公示”阶段？' });
    await move.getByRole('button', { name: '进入“公示”阶段' }).click();
    // The phase tag, not the success toast: the toast is gone after three seconds.
    await expect.poll(() => page.locator('.wb-phase .ant-tag').first().innerText(), { timeout: 30_000 }).toBe('公示');
    await page.getByText('遴选结果只能查看，不能再计算或调整。', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /调整“/ }).count()).toBe(0);
    await shot(page, 'phase-moved');
    await page.getByRole('menuitem', { name: '公示' }).click();
    await page.getByText('将公示 2 个案例', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '发布公示' }).click();
    const confirm = page.getByRole('dialog', { name: '确认发布公示？' });
    await confirm.getByRole('button', { name: '发布公示' }).click();
    await page.getByText('公示期：2024-05-01 10:', { exact: false }).waitFor();
    expect(await page.locator('.wb-notice-entries li').allInnerTexts()).toEqual([expect.stringContaining(TITLES.A), expect.stringContaining(TITLES.C)]);
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
    // A reload before sending keeps what was typed (this tab's sessionStorage).
    await v.reload();
    await v.locator('#wb-objection-name').waitFor();
    expect(await Promise.all(['name', 'organization', 'phone', 'body'].map((f) => v.locator(`#wb-objection-${f}`).inputValue())))
      .toEqual(['张𠮷', '某街道党工委', '139 1234 5678', '该案例所述“加装电梯 40 部”系两年合计，重复统计。']);
    expect(await v.locator('.ant-select', { has: v.locator('#wb-objection-case') }).innerText()).toContain('社区议事厅');
    // A small PDF as evidence goes up with tus once the objection is filed (decision 0036). The
    // first time its bytes never arrive and the visitor reloads the page; filing the same objection
    // again gives the same one back, and the file continues on the upload it started. That
    // continuation is then refused once: the refused upload is forgotten, and the visitor's
    // "send again" starts a new one that arrives.
    const pdfPath = join(await mkdtemp(join(tmpdir(), 'evidence-')), '统计表.pdf');
    await writeFile(pdfPath, await testPdf());
    const creations: string[] = [];
    v.on('response', (r) => { if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/uploads') creations.push(new URL(r.headers().location!, suite.url).pathname); });
    const cut = (route: Route) => (route.request().method() === 'PATCH' ? route.abort('connectionreset') : route.fallback());
    await v.route('**/api/v1/uploads/*', cut);
    await v.locator('#wb-objection-files').setInputFiles(pdfPath);
    await v.getByRole('button', { name: '提交异议' }).click();
    await v.getByText('异议已受理', { exact: true }).waitFor();
    const first = /YY7-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await v.locator('.wb-notice-received').innerText())![0];
    await expect.poll(() => creations.length).toBe(1);
    // Reloaded while the bytes are still cut off: tus-js-client retries (after 1 s, 3 s…) must not
    // get through before the page is gone, or the first upload would finish on its own.
    await v.reload();
    await v.unroute('**/api/v1/uploads/*', cut);
    // Filed: the author's details left the tab's storage, so the form comes back empty and is typed again.
    await v.locator('#wb-objection-name').waitFor();
    expect(await v.locator('#wb-objection-name').inputValue()).toBe('');
    await v.locator('#wb-objection-case').click();
    await v.locator('.ant-select-item-option', { hasText: '社区议事厅' }).click();
    await v.locator('#wb-objection-name').fill('张𠮷');
    await v.locator('#wb-objection-organization').fill('某街道党工委');
    await v.locator('#wb-objection-body').fill('该案例所述“加装电梯 40 部”系两年合计，重复统计。');
    await v.locator('#wb-objection-phone').fill('139 1234 5678');
    await v.locator('#wb-objection-files').setInputFiles(pdfPath);
    const refused: string[] = [];
    const refuseOnce = (route: Route) => {
      if (route.request().method() !== 'PATCH' || refused.length > 0) return route.fallback();
      refused.push(new URL(route.request().url()).pathname);
      return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'invalid_request', message: '文件未通过检查。' } }) });
    };
    await v.route('**/api/v1/uploads/*', refuseOnce);
    await v.getByRole('button', { name: '提交异议' }).click();
    await v.getByText('异议已受理', { exact: true }).waitFor();
    expect(await v.locator('.wb-notice-received').innerText()).toContain(first);
    await v.getByRole('button', { name: '重新上传未成功的文件' }).click();
    await v.getByText('证据材料已全部上传。').waitFor();
    await v.unroute('**/api/v1/uploads/*', refuseOnce);
    // The refused PATCH was the first upload's, resumed; the second try is a new upload.
    expect(refused).toEqual([creations[0]]);
    expect(creations).toHaveLength(2);
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
    await dialog.locator('#wb-notice-reason').fill('经核实，电梯数量确系两年合计，不再推荐。');
    // Meanwhile a colleague in another tab records the same outcome first: saving is refused, the
    // reason stays, and the list behind the dialog shows the colleague's outcome without a reload.
    const api = page.request;
    const csrf = { 'x-csrf-token': ((await (await api.get(`${suite.url}/api/v1/auth/csrf`)).json()) as { token: string }).token };
    const listed = ((await (await api.get(`${suite.url}/api/v1/campaigns/${SEVENTH}/notice`)).json()) as { data: { objections: { id: string; reference: string }[] } })
      .data.objections.find((o) => o.reference === reference)!;
    const colleague = await api.post(`${suite.url}/api/v1/campaigns/${SEVENTH}/notice/objections/${listed.id}/outcome`, { headers: csrf, data: { status: 'upheld', tier: 'none', reason: '同事先行处理：电梯数量重复统计。' } });
    expect(colleague.status()).toBe(200);
    await dialog.getByRole('button', { name: '保存处理结果' }).click();
    await dialog.getByText('这件异议已经处理过了。').waitFor();
    expect(await dialog.locator('#wb-notice-reason').inputValue()).toContain('两年合计');
    await page.locator('.wb-notice-objection', { hasText: reference }).getByText('结果改为“未入选”', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'resolved');
    await page.getByRole('button', { name: '确认最终结果' }).click();
    const final = page.getByRole('dialog', { name: '确认最终结果' });
    await final.getByText('最佳案例 0 个、优秀案例 1 个', { exact: false }).waitFor();
    await final.getByRole('button', { name: '确认最终结果' }).click();
    await page.getByText('最终结果已确认。').waitFor();
    await shot(page, 'final');
    // The public notice now lists the final results: 甲 is off, 丙 names its certificate, and
    // the number opens the page that confirms it.
    const results = await suite.app.db.selectFrom('final_results').select(['tier', 'serial']).execute();
    expect(results.map((r) => r.tier)).toEqual(['excellent']);
    const after = await openPage(suite.browser, PHONE, `${suite.url}/app/notice?campaign=${SEVENTH}`, problems);
    await after.page.getByText('结果已确认', { exact: false }).first().waitFor();
    expect(await after.page.locator('.wb-notice-entries li').allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`${TITLES.C}[^]*证书编号：${results[0]!.serial}`))]);
    expect(await axeViolations(after.page)).toEqual([]);
    await shot(after.page, 'final-public-phone');
    await after.page.getByRole('link', { name: `核验“${TITLES.C}”的证书 ${results[0]!.serial}` }).click();
    await after.page.getByText(`证书 ${results[0]!.serial} 真实有效`).waitFor();
    await after.context.close();
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
