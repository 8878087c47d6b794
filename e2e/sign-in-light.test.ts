import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { expect, it } from 'vitest';
import { createPerson, PASSWORD } from '../server/testing/people.ts';
import { ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, openPage, PHONE, SCREENSHOTS, startServerDuringWindow } from './browser.ts';

const DIST = path.resolve('dist/workbench');
// Issue 12, item 11: the sign-in route's compressed JavaScript. bench/workbench-load.ts measures
// the time; this keeps the size from creeping back (a page that pulls Ant Design into the first
// script is about 225 KB).
const SIGN_IN_JS_BUDGET_KB = 150;

/** The brotli size of every script the workbench's index.html loads before any page code runs. */
function firstScriptsKb(): number {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = scripts.reduce((sum, file) => {
    const body = readFileSync(path.join(DIST, file));
    return sum + brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }, 0);
  return bytes / 1024;
}

describeInChromium('the sign-in page opens without Ant Design', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  const problems: string[] = [];

  it('keeps the first scripts under the budget', () => {
    expect(firstScriptsKb()).toBeLessThanOrEqual(SIGN_IN_JS_BUDGET_KB);
  });

  it('checks the fields in the reader\'s language, shows the password on request, and signs in to the page asked for', async () => {
    const email = `light-${Date.now()}@example.cn`;
    await createPerson(suite.app.db, { email });
    const { page } = await openPage(suite.browser, PHONE, `${suite.url}/app/sign-in?next=%2Fapp%2Faccount`, problems);
    await page.locator('#f-email').waitFor();
    // Nothing of the library is drawn: no antd class and no style it injects.
    expect(await page.evaluate(() => document.querySelectorAll('[class*="ant-"], style[data-css-hash], style[data-rc-order]').length)).toBe(0);

    await page.getByRole('button', { name: /^登\s?录$/ }).click();
    expect(await page.locator('.pl-help').allInnerTexts()).toEqual(['必填', '必填']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-email');
    expect(await page.locator('#f-email').getAttribute('aria-describedby')).toBe('f-email-help');
    await page.locator('#f-email').fill('not-an-address');
    expect(await page.locator('#f-email-help').innerText()).toBe('请输入有效的邮箱地址');
    await page.locator('#f-email').fill(email);
    await expect.poll(() => page.locator('#f-email-help').count()).toBe(0);

    await page.locator('#f-password').fill(PASSWORD);
    const reveal = page.getByRole('button', { name: '显示密码' });
    await reveal.click();
    expect({ type: await page.locator('#f-password').getAttribute('type'), pressed: await reveal.getAttribute('aria-pressed') }).toEqual({ type: 'text', pressed: 'true' });
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-light-390.png` });

    await page.getByRole('button', { name: /^登\s?录$/ }).click();
    await page.waitForURL((url) => url.pathname === '/app/account');
    await page.locator('h1', { hasText: '账户' }).first().waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('says in English what is wrong with the credentials', async () => {
    const { page } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/sign-in?lang=en`, problems);
    await page.locator('#f-email').fill('nobody@example.cn');
    await page.locator('#f-password').fill('Wrong-password-2024');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The e-mail address or password is not correct.').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-light-en-1280.png` });
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);
});
