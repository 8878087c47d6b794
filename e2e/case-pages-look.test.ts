import { randomUUID } from 'node:crypto';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent, type DraftCase } from '../server/testing/cases.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// Every case page at phone and desktop size, with real data behind it: each renders its
// Chinese heading, fits the screen's width, and leaves a screenshot to look at.
describeInChromium('the case pages on a phone and on a desktop', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  let draft: DraftCase;
  const problems: string[] = [];

  beforeAll(async () => {
    draft = await createDraftCase(suite.app, { email: 'look@example.cn', unitName: '北京市朝阳区建外街道第一社区党委' });
    await saveContent(draft.client, draft.caseId, completeContent(3000));
    await attachRequiredFiles(suite.app, draft.caseId);
    const submitted = await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() });
    if (submitted.statusCode !== 201) throw new Error(`submit failed: ${submitted.body}`);
  }, 180_000);

  const devices: [string, BrowserContextOptions][] = [['phone', PHONE], ['desktop', DESKTOP]];

  /** The page fits its width, leaves its screenshot, and showed no console or network problem. */
  async function looksRight(context: BrowserContext, page: Page, name: string, device: string): Promise<void> {
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/look-${name}-${device}.png`, fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
  }

  it.each(devices)('shows the unit its cases, the editor and the receipt (%s)', async (device, options) => {
    const { context, page } = await openPage(suite.browser, options, `${suite.url}/app/sign-in`, problems);
    await signInThroughForm(page, draft.email, PASSWORD);
    await page.waitForURL(/\/app\/cases$/);
    for (const [name, path, text] of [
      ['my-cases', '/app/cases', '“红色物业”让社区治理更有温度'],
      ['editor', `/app/cases/${draft.caseId}`, '案例摘要'],
      ['receipt', `/app/cases/${draft.caseId}/receipts/1`, '回执编号'],
    ] as const) {
      await page.goto(`${suite.url}${path}`);
      await page.getByText(text).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await fitsWidth(page), `${name} fits the ${device}`).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/look-${name}-${device}.png`, fullPage: true });
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it.each(devices)('shows the organizer the campaign\'s cases (%s)', async (device, options) => {
    const { context, page } = await openPage(suite.browser, options, `${suite.url}/app/sign-in?next=/app/org/cases`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/app\/org\/cases$/);
    await page.getByText('北京市朝阳区建外街道第一社区党委').first().waitFor();
    await looksRight(context, page, 'org-cases', device);
  }, 120_000);

  it.each(devices)('shows the superior organization the case by its mailed link (%s)', async (device, options) => {
    const requested = await draft.client.post(`/api/v1/cases/${draft.caseId}/superior-review`);
    expect(requested.statusCode).toBe(202);
    const mails = await suite.app.db.selectFrom('mails').select('text_body').where('template', '=', 'superior_review').orderBy('created_at').execute();
    const token = mails.map((m) => /token=([\w-]+)/.exec(m.text_body)?.[1]).at(-1);
    const live = await suite.app.db.selectFrom('one_time_tokens').select('token_hash').where('kind', '=', 'superior_review').where('used_at', 'is', null).execute();
    expect(live).toHaveLength(1);
    // The newest mail's link is the live one; earlier ones were replaced by this request.
    const { context, page } = await openPage(suite.browser, options, `${suite.url}/app/superior-review?token=${token}`, problems);
    await page.getByText('“红色物业”让社区治理更有温度').first().waitFor();
    await looksRight(context, page, 'superior-review', device);
  }, 120_000);
});
