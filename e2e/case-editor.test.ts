import { beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { translate } from '../core/i18n/messages.ts';
import { createDraftCase, type DraftCase } from '../server/testing/cases.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { browserSuite, describeInChromium, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// The case editor as a unit operator uses it on a phone: typing, counting, autosaving, a second
// tab saving first, and pasting from Word.

interface Saved {
  version: number;
  content: { title: string; sections: Record<string, string> };
}

describeInChromium('case editor in Chromium', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow() });
  let draft: DraftCase;
  let context: BrowserContext;
  const problems: string[] = [];

  const saved = async (): Promise<Saved> => ((await draft.client.get(`/api/v1/cases/${draft.caseId}`)).json() as { data: Saved }).data;
  const section = (page: Page, key: string) => page.locator(`[data-section="${key}"] .ProseMirror`);

  async function openEditor(): Promise<Page> {
    const page = await context.newPage();
    // Any script error, or a CSP refusal of something this page inserts, fails the journey.
    // Two refusals are not the editor's: zod's probe for eval (it catches it and goes on) and
    // antd's TextArea autoSize measuring with a style attribute (the declaration form panel).
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
      const target = e.target instanceof Element ? e.target.outerHTML.slice(0, 120) : '';
      if (e.blockedURI !== 'eval' && !target.includes('name="hiddenTextarea"')) console.error(`CSP: ${e.violatedDirective} ${target}`);
    }));
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() === 'error' && !text.startsWith('Failed to load resource') && !text.startsWith('Applying inline style violates')) problems.push(text);
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${suite.url}/app/cases/${draft.caseId}`);
    await section(page, 'background').waitFor();
    return page;
  }

  const saveState = (page: Page) => page.locator('.ce-save').getAttribute('data-save');

  beforeAll(async () => {
    draft = await createDraftCase(suite.app, { title: '“红色物业”让社区治理更有温度' });
    context = await suite.browser.newContext({ ...PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${suite.url}/app/sign-in`);
    await signInThroughForm(page, draft.email, PASSWORD);
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    await page.close();
  }, 180_000);

  it('counts as the server does while typing, autosaves after a pause, and keeps the text over a reload', async () => {
    const page = await openEditor();
    await section(page, 'background').click();
    await page.keyboard.type('社区党委牵头成立红色物业联盟。');
    expect(await page.locator('#ce-count-background').innerText()).toBe('15 字');
    expect(await page.locator('.ce-sticky .ce-count').nth(1).textContent()).toBe('正文 15 / 5000 字');
    await expect.poll(() => saveState(page)).toBe('dirty');
    await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('saved');
    expect(await page.locator('.ce-save-text').innerText()).toMatch(/^已保存 \d\d:\d\d$/);
    expect((await saved()).content.sections.background).toBe('<p>社区党委牵头成立红色物业联盟。</p>');

    // Near the 5000 字 limit the body count turns to a warning, and says so once to a screen reader.
    await section(page, 'practice').click();
    await page.keyboard.insertText('做'.repeat(4490));
    await expect.poll(() => page.locator('.ce-sticky .ce-count').nth(1).getAttribute('data-state')).toBe('near');
    expect(await page.locator('.ce-sticky [role=status][aria-live]').last().innerText())
      .toBe(translate('zh-CN', 'wb.editor.announce.body.near', { count: 4505, max: 5000 }));
    await page.keyboard.insertText('法'.repeat(600));
    await expect.poll(() => page.locator('.ce-sticky .ce-count').nth(1).getAttribute('data-state')).toBe('over');
    await page.screenshot({ path: `${SCREENSHOTS}/case-editor-over-phone.png` });
    await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('saved');

    await page.reload();
    await section(page, 'background').waitFor();
    expect(await section(page, 'background').innerText()).toBe('社区党委牵头成立红色物业联盟。');
    expect(await page.locator('#ce-count-practice').innerText()).toBe('5090 字');
    await page.close();
  }, 120_000);

  it('shows a second tab that saves on a stale version both copies, and keeps the one chosen', async () => {
    const first = await openEditor();
    const second = await openEditor();
    const before = (await saved()).version;

    await section(first, 'effectiveness').click();
    await first.keyboard.type('群众满意度提升到98%。');
    await expect.poll(() => saveState(first), { timeout: 10_000 }).toBe('saved');
    expect((await saved()).version).toBe(before + 1);

    // The second tab still holds the version before: its save is refused and it asks.
    await second.locator('#ce-title').fill('小巷管家：老旧小区的红色物业');
    const dialog = second.locator('.ce-conflict');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('该案例已在别处被修改');
    expect(await dialog.locator('.ce-diff-label').allInnerTexts()).toEqual(['案例名称', '成效']);
    expect(await dialog.locator('.ce-diff-row').first().locator('.ce-diff-text').allInnerTexts())
      .toEqual(['“红色物业”让社区治理更有温度', '小巷管家：老旧小区的红色物业']);
    expect(await saveState(second)).toBe('conflict');
    await second.screenshot({ path: `${SCREENSHOTS}/case-editor-conflict-phone.png` });

    // "Take theirs": the second tab now shows the first tab's text, and nothing was overwritten.
    await dialog.getByRole('button', { name: '采用已保存的版本' }).click();
    await expect.poll(() => section(second, 'effectiveness').innerText()).toBe('群众满意度提升到98%。');
    expect(await second.locator('#ce-title').inputValue()).toBe('“红色物业”让社区治理更有温度');
    expect((await saved()).version).toBe(before + 1);

    // Again, and this time "keep mine": saved on top of the first tab's version.
    await section(first, 'discussion').click();
    await first.keyboard.type('如何持续。');
    await expect.poll(() => saveState(first), { timeout: 10_000 }).toBe('saved');
    await second.locator('#ce-title').fill('小巷管家：老旧小区的红色物业');
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByRole('button', { name: '保留我的修改' }).click();
    await expect.poll(() => saveState(second), { timeout: 10_000 }).toBe('saved');
    const after = await saved();
    expect([after.version, after.content.title, after.content.sections.discussion]).toEqual([before + 3, '小巷管家：老旧小区的红色物业', '']);
    await first.close();
    await second.close();
  }, 120_000);

  it('saves what was typed when the page is closed before the autosave', async () => {
    const page = await openEditor();
    await section(page, 'background').click();
    await page.keyboard.press('End');
    await page.keyboard.type('关页前写的。');
    // pagehide sends the save with keepalive, so it outlives the page.
    await page.close({ runBeforeUnload: true });
    await expect.poll(async () => (await saved()).content.sections.background, { timeout: 10_000 })
      .toBe('<p>社区党委牵头成立红色物业联盟。关页前写的。</p>');
  }, 60_000);

  it('keeps what was typed offline in the browser and offers it back on the next visit', async () => {
    const page = await openEditor();
    await context.setOffline(true);
    await section(page, 'discussion').click();
    await page.keyboard.type('断网时写的探讨。');
    await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('failed');
    expect(await page.locator('.ce-save-text').innerText()).toBe('网络已断开，恢复后自动保存');
    await page.close();
    await context.setOffline(false);
    expect((await saved()).content.sections.discussion).toBe('');

    const again = await openEditor();
    const offer = again.locator('.ant-alert', { hasText: '未提交到服务器的修改' });
    await offer.waitFor();
    await again.screenshot({ path: `${SCREENSHOTS}/case-editor-restore-phone.png` });
    await offer.getByRole('button', { name: '恢复这些修改' }).click();
    expect(await section(again, 'discussion').innerText()).toBe('断网时写的探讨。');
    await expect.poll(() => saveState(again), { timeout: 10_000 }).toBe('saved');
    expect((await saved()).content.sections.discussion).toBe('<p>断网时写的探讨。</p>');
    await again.close();
  }, 60_000);

  it('keeps only paragraphs and bold of what is pasted from Word', async () => {
    const page = await openEditor();
    const word = [
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style>',
      '<script>window.__pasted = "ran"</script></head><body><!--StartFragment-->',
      '<p class=MsoNormal style="mso-pagination:widow-orphan"><span style="font-family:宋体;mso-ascii-font-family:Calibri">第一段',
      '<b><span style="color:red">加粗</span></b>文字<o:p></o:p></span></p>',
      '<p class=MsoNormal><span style="font-size:14pt;color:#ff0000">第二段</span><a href="http://example.cn">链接</a>',
      '<img src="x" onerror="window.__pasted = \'img\'"></p><!--EndFragment--></body></html>',
    ].join('');
    await section(page, 'appendix').evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '第一段加粗文字\n第二段链接');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, word);
    expect(await section(page, 'appendix').innerHTML()).toBe('<p>第一段<strong>加粗</strong>文字</p><p>第二段链接</p>');
    expect(await page.evaluate(() => (window as { __pasted?: string }).__pasted ?? null)).toBe(null);
    await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('saved');
    expect((await saved()).content.sections.appendix).toBe('<p>第一段<strong>加粗</strong>文字</p><p>第二段链接</p>');
    await page.screenshot({ path: `${SCREENSHOTS}/case-editor-paste-phone.png` });
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
