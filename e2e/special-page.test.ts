import { expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { DURING_WINDOW } from '../server/testing/fixtures.ts';
import { browserSuite, describeInChromium, DESKTOP, PHONE, SCREENSHOTS, startServer } from './browser.ts';

describeInChromium('special page in Chromium', () => {
  const suite = browserSuite({ start: () => startServer(() => DURING_WINDOW), workbench: false });

  async function open(options: BrowserContextOptions, path: string) {
    // A device in New York, with its clock at the server's time: Beijing figures must still show.
    const context = await suite.browser.newContext({ ...options, locale: 'zh-CN', timezoneId: 'America/New_York', acceptDownloads: true });
    const page = await context.newPage();
    await page.clock.setFixedTime(DURING_WINDOW);
    await page.goto(`${suite.url}${path}`);
    return { context, page };
  }

  it('reads right on a phone: Chinese, Beijing deadline, live countdown, no sideways scroll', async () => {
    const { context, page } = await open(PHONE, '/campaigns/seventh-collection');
    expect(await page.locator('h1').innerText()).toBe('第七届全国基层党建创新典型案例征集活动');
    expect(await page.locator('.status p').innerText()).toBe('截止时间：2024-06-30 23:59:59（北京时间）');
    await page.waitForFunction(() => document.querySelectorAll('.countdown b').length === 4);
    expect(await page.locator('.countdown b').allInnerTexts()).toEqual(['60', '14', '0', '0']);
    expect(await page.locator('.countdown span:not(.label)').allInnerTexts()).toEqual(['天', '小时', '分', '秒']);
    expect(await page.locator('#subject h3').count()).toBe(6);
    expect(await page.locator('#criteria h3').allInnerTexts()).toEqual(['真实性', '创新性', '实效性', '典型性']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"'))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/special-page-phone-zh.png`, fullPage: true });
    await page.screenshot({ path: `${SCREENSHOTS}/special-page-phone-zh-top.png` });
    await context.close();
  }, 60_000);

  it('switches to English and keeps it on the next visit', async () => {
    const { context, page } = await open(PHONE, '/campaigns/seventh-collection');
    await page.locator('a.lang').click();
    await page.waitForURL(/lang=en$/);
    expect(await page.locator('h1').innerText()).toBe('The Seventh National Collection of Typical Cases of Grass-roots Party-building Innovation');
    await page.goto(`${suite.url}/campaigns/seventh-collection`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.status p').innerText()).toBe('Deadline: 2024-06-30 23:59:59 (Beijing time)');
    await page.waitForFunction(() => document.querySelectorAll('.countdown b').length === 4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/special-page-phone-en.png`, fullPage: true });
    await context.close();
  }, 60_000);

  it('lays out on a desktop and downloads the declaration form', async () => {
    const { context, page } = await open(DESKTOP, '/campaigns/seventh-collection');
    const columns = await page.locator('#subject .grid').evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}/special-page-desktop-zh.png`, fullPage: true });
    await page.locator('#submission').screenshot({ path: `${SCREENSHOTS}/special-page-desktop-zh-submission.png` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.button[download]').click()]);
    expect(download.suggestedFilename()).toBe('第七届全国基层党建创新典型案例征集申报表.docx');
    await context.close();
  }, 60_000);
});
