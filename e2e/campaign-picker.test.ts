import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { campaignsFolder, seventhCampaignData } from '../server/testing/campaign-files.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// Two campaigns at once (one collecting, the one before in review): an organizer chooses which
// one the screening, progress and assignment pages work on, and the choice stays with them from
// page to page and in the address.

const EIGHTH = {
  ...seventhCampaignData(),
  slug: 'eighth-collection',
  edition: 8,
  // Long, as the demo's are: what tells two campaigns apart comes at the end.
  title: { 'zh-CN': '第八届全国基层党建创新典型案例征集活动（演示·评审阶段）', en: 'The Eighth National Collection (demo, in review)' },
  shortTitle: { 'zh-CN': '第八届基层党建创新典型案例征集', en: '8th Collection' },
};

const SEVENTH_NAME = { slug: 'seventh-collection', title: '第七届全国基层党建创新典型案例征集活动' };
const EIGHTH_NAME = { slug: EIGHTH.slug, title: EIGHTH.title['zh-CN'] };

describeInChromium('choosing the campaign', () => {
  const suite = browserSuite({
    start: () => startServerDuringWindow({
      ...ADMIN_ENV,
      CAMPAIGNS_DIR: campaignsFolder({ 'seventh-collection.yaml': readFileSync('campaigns/seventh-collection.yaml', 'utf8'), 'eighth-collection.yaml': EIGHTH }),
    }),
  });

  for (const [size, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`keeps an organizer's choice from page to page and in the address (${size})`, async () => {
      const problems: string[] = [];
      const { page } = await openPage(suite.browser, options, `${suite.url}/app/org/screening`, problems);
      await signInThroughForm(page, ADMIN.email, ADMIN.password);
      await page.waitForURL(/\/app\/org\/screening/);
      const picker = page.getByRole('combobox', { name: '征集活动' });
      await picker.waitFor();
      const shown = () => page.locator('.wb-campaign-picker').innerText();
      // Both are open: the page starts on one of them, and the organizer switches to the other.
      const [from, to] = (await shown()).includes('第八届') ? [EIGHTH_NAME, SEVENTH_NAME] : [SEVENTH_NAME, EIGHTH_NAME];
      await picker.click();
      await page.locator('.ant-select-item-option', { hasText: to.title }).click();
      await page.waitForURL(new RegExp(`campaign=${to.slug}`));
      await expect.poll(shown).toContain(to.title);
      await page.screenshot({ path: `${SCREENSHOTS}/campaign-picker-${size}.png` });
      // Nothing of either title is cut off: not the chosen one, not the choices in the list.
      const clipped = (selector: string) => page.locator(selector).evaluateAll((nodes) => nodes.flatMap((node) =>
        [node, ...node.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.className}: ${e.textContent}`)));
      expect(await clipped('.wb-campaign-picker .ant-select')).toEqual([]);
      await picker.click();
      await page.locator('.wb-campaign-popup .ant-select-item-option').first().waitFor();
      expect(await clipped('.wb-campaign-popup .ant-select-item-option')).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/campaign-picker-${size}-open.png` });
      await page.keyboard.press('Escape');

      // The next page, reached without the address's choice, stays on it.
      await page.evaluate(() => { window.history.pushState(null, '', '/app/org/progress'); window.dispatchEvent(new PopStateEvent('popstate')); });
      await page.locator('.wb-campaign-picker').waitFor();
      await expect.poll(shown).toContain(to.title);
      // A link naming a campaign opens on it in another tab, whatever this tab remembered.
      const other = await page.context().newPage();
      await other.goto(`${suite.url}/app/org/assignment?campaign=${from.slug}`);
      await expect.poll(() => other.locator('.wb-campaign-picker').innerText()).toContain(from.title);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});
