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
  title: { 'zh-CN': '第八届全国基层党建创新典型案例征集活动', en: 'The Eighth National Collection' },
  shortTitle: { 'zh-CN': '第八届基层党建创新典型案例征集', en: '8th Collection' },
};

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
      await picker.click();
      await page.getByRole('option', { name: '第八届全国基层党建创新典型案例征集活动' }).click();
      await page.waitForURL(/campaign=eighth-collection/);
      await page.screenshot({ path: `${SCREENSHOTS}/campaign-picker-${size}.png` });

      // The next page, reached without the address's choice, stays on the eighth.
      await page.evaluate(() => { window.history.pushState(null, '', '/app/org/progress'); window.dispatchEvent(new PopStateEvent('popstate')); });
      await expect.poll(() => page.locator('.wb-campaign-picker .ant-select-selection-item, .wb-campaign-picker .ant-select-content').first().innerText()).toContain('第八届');
      // A link with the choice opens on it in a fresh tab, whatever the tab remembered.
      const fresh = await page.context().newPage();
      await fresh.goto(`${suite.url}/app/org/assignment?campaign=seventh-collection`);
      await expect.poll(() => fresh.locator('.wb-campaign-picker').innerText()).toContain('第七届');
      expect(problems).toEqual([]);
      await page.context().close();
    }, 120_000);
  }
});
