import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { completeContent, createSubmittedCase } from '../server/testing/cases.ts';
import { axeViolations } from './axe-rules.ts';
import { sidewaysOverflow, ZOOMED } from './keyboard-zoom-helpers.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// Issue 15 item 6 in the workbench: the organizer's exports page at desktop and phone size, and
// one workbook downloaded through it and read back.

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/exports-${name}.png`, fullPage: true });
const KINDS_ZH = ['案例', '初审结论', '评审分配', '评分', '评选结果', '公示异议'];

describeInChromium('the exports in the workbench', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  const problems: string[] = [];

  beforeAll(async () => {
    await createSubmittedCase(suite.app, { content: { ...completeContent(1200, '党建引领“小巷管家”'), category: 'urban' } });
    await createSubmittedCase(suite.app, { content: { ...completeContent(1200, '村级议事会'), category: 'rural' } });
  }, 120_000);

  it('lists every export on a desktop and downloads the cases as a workbook with a Chinese name', async () => {
    const { page } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/exports`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.locator('.wb-exports-item').nth(5).waitFor();
    // At 1280 px the organizer's menu puts 导出 under 更多; the page is there by its own heading.
    await page.getByRole('heading', { name: '导出', exact: false }).first().waitFor();
    expect(await page.locator('.wb-exports-item strong').allInnerTexts()).toEqual(KINDS_ZH);
    await shot(page, 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载“案例”' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^第七届基层党建创新典型案例征集-案例-\d{8}-\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    const column = (n: number) => sheet.getColumn(n).values.filter((v) => v !== undefined && v !== null);
    expect([sheet.name, sheet.rowCount]).toEqual(['案例', 3]);
    expect(column(2).slice(1).sort()).toEqual(['党建引领“小巷管家”', '村级议事会']);
    expect(column(5).slice(1).sort()).toEqual(['农村基层党建', '城市基层党建']);

    await page.getByText('English').first().click();
    await page.getByText('Screening decisions').waitFor();
    const [english] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download “Scores”' }).click()]);
    expect(english.suggestedFilename()).toMatch(/^7th Collection of Grass-roots Party-building Cases-Scores-\d{8}-\d{4}\.xlsx$/);
    expect(problems).toEqual([]);
  }, 120_000);

  it('fits a phone, each download button under its text', async () => {
    const { page } = await openPage(suite.browser, PHONE, `${suite.url}/app/org/exports`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.locator('.wb-exports-item').nth(5).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'phone');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('holds at 200 % zoom on a phone (195 CSS px)', async () => {
    const { page } = await openPage(suite.browser, ZOOMED, `${suite.url}/app/org/exports`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.locator('.wb-exports-item').nth(5).waitFor();
    expect(await sidewaysOverflow(page)).toEqual({ excess: 0, culprits: [] });
    await shot(page, 'zoomed');
    expect(problems).toEqual([]);
  }, 120_000);
});
