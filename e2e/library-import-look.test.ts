import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from './axe-rules.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// Issue 16 item 6 in the workbench: the import of earlier editions at desktop and phone size —
// a file with problems checked row by row and refused, the documented sample checked and
// imported, and an imported case then found in the public library.

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/library-import-${name}.png`, fullPage: true });
const SAMPLE = readFileSync(path.resolve('docs/fixtures/earlier-editions.sample.json'), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-import-'));
const sampleFile = path.join(dir, '第六届案例.json');
writeFileSync(sampleFile, SAMPLE);
const rows = (JSON.parse(SAMPLE) as { cases: Record<string, string | number>[] }).cases;
const badFile = path.join(dir, '有问题的案例.json');
writeFileSync(badFile, JSON.stringify({
  cases: [rows[0], { ...rows[1], 类别: '社区党建' }, { ...rows[2], 省份: '火星' }, rows[0], { ...rows[1], 标题: '带脚本的案例', 做法: '<p>做法</p><script>alert(1)</script>' }],
}));

async function check(page: Page, file: string) {
  await page.locator('.wb-import input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: /^预\s?检$/ }).click();
  await page.locator('.wb-import-report').waitFor();
}

describeInChromium('the import of earlier editions in the workbench', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  const problems: string[] = [];

  it('reports each row of a bad file on a desktop, refuses it, then imports the sample and finds a case in the library', async () => {
    const { page } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/library-import`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.locator('.wb-import').waitFor();
    await check(page, badFile);
    expect(await page.locator('.wb-import-alert').first().innerText()).toContain('共 5 行：可导入 2 行，重复 0 行，有问题 3 行。');
    await page.getByText('只看有问题的行').click();
    expect(await page.locator('.wb-import-report tr[data-line]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-line'), tr.getAttribute('data-status')]))).toEqual([
      ['1', 'ok'], ['2', 'error'], ['3', 'error'], ['4', 'error'], ['5', 'ok'],
    ]);
    expect(await page.locator('tr[data-line="2"] .wb-import-problem').innerText()).toContain('类别“社区党建”不是本征集活动的类别');
    expect(await page.locator('tr[data-line="4"] .wb-import-problem').innerText()).toBe('与本文件第 1 行是同一案例（届次、标题和单位相同）。');
    expect(await page.locator('tr[data-line="5"] .wb-import-warning').innerText()).toBe('“做法”中的脚本或不允许的标记已按案例文本规则去除。');
    expect(await page.getByRole('button', { name: /确认导入/ }).count()).toBe(0);
    await shot(page, 'desktop-problems');
    expect(await axeViolations(page)).toEqual([]);

    await check(page, sampleFile);
    await page.getByRole('button', { name: '确认导入 3 个案例' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认导入 3 个案例' }).click();
    await page.locator('.wb-import-alert', { hasText: '导入完成：写入 3 个案例，跳过重复的 0 个。' }).waitFor();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    expect(await page.locator('.wb-import-report tr[data-line] .ant-tag').allInnerTexts()).toEqual(['已导入', '已导入', '已导入']);
    await shot(page, 'desktop-done');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${suite.url}/library?q=${encodeURIComponent('骑手')}&lang=zh-CN`);
    const link = page.locator('a[href*="/campaigns/sixth-collection/cases/"]').first();
    expect(await link.innerText()).toContain('楼宇党建“红色驿站”服务新就业群体');
    await link.click();
    await page.getByRole('heading', { level: 1, name: '楼宇党建“红色驿站”服务新就业群体' }).waitFor();

    // The same file again: every row a duplicate, nothing to import.
    await page.goto(`${suite.url}/app/org/library-import`);
    await check(page, sampleFile);
    expect(await page.locator('.wb-import-alert').first().innerText()).toContain('共 3 行：可导入 0 行，重复 3 行，有问题 0 行。');
    expect(problems).toEqual([]);
  }, 180_000);

  it('fits a phone, each row a card', async () => {
    const { page } = await openPage(suite.browser, PHONE, `${suite.url}/app/org/library-import`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.locator('.wb-import').waitFor();
    await check(page, badFile);
    // Only the rows with problems or warnings at first (the first row is already imported by now).
    expect(await page.locator('.wb-import-item').evaluateAll((items) => items.map((i) => [i.getAttribute('data-line'), i.getAttribute('data-status')]))).toEqual([
      ['2', 'error'], ['3', 'error'], ['4', 'error'], ['5', 'ok'],
    ]);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'phone');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
