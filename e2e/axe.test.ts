import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Locale } from '../core/i18n/locale.ts';
import { axeViolations, type AxeViolation } from './axe-rules.ts';
import { PAGES, startSeededServer, type AxePage, type Who } from './axe-pages.ts';
import { browserSuite, describeInChromium, DESKTOP, PHONE } from './browser.ts';

const SIZES = [['phone', PHONE], ['desktop', DESKTOP]] as const satisfies readonly (readonly [string, BrowserContextOptions])[];
const LANGS: readonly Locale[] = ['zh-CN', 'en'];
const PEOPLE: readonly Who[] = ['anyone', 'unit', 'organizer', 'reviewer'];
const withLang = (path: string, lang: Locale) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

/** Waits for the page's data and for its animations to end, so axe sees what a user reads. */
async function settle(page: Page, ready: string | undefined): Promise<void> {
  if (ready) await page.locator(ready).first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => (
    !document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-card-loading-content, .wb-boot')
    && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
  ), null, { timeout: 20_000 });
}

// axe-core on every public and workbench page, in both languages, at a phone's and a desktop's
// size: no serious or critical WCAG 2.2 AA violation, one h1, everything inside landmarks.
describeInChromium('accessibility of every page', () => {
  const suite = browserSuite({ start: startSeededServer });

  async function check(page: Page, entry: AxePage, fresh: boolean, lang: Locale): Promise<AxeViolation[]> {
    const url = withLang(entry.path(suite.seeded), lang);
    if (fresh) await page.goto(`${suite.url}${url}`);
    // In place, as the workbench's own links navigate: the bundle is not parsed again per page.
    else await page.evaluate((to) => { window.history.pushState(null, '', to); window.dispatchEvent(new PopStateEvent('popstate')); }, url);
    await settle(page, entry.ready);
    if (entry.act) {
      await entry.act(page);
      await settle(page, undefined);
    }
    return axeViolations(page);
  }

  /** One size and language: each person's pages in turn, in one context per person. */
  async function checkAll(pages: AxePage[], size: string, options: BrowserContextOptions, lang: Locale): Promise<string[]> {
    const found: string[] = [];
    for (const who of PEOPLE) {
      const theirs = pages.filter((p) => p.who === who);
      if (theirs.length === 0) continue;
      const context = await suite.browser.newContext({ ...options, locale: lang });
      const cookies = { zhengji_lang: lang, ...(who === 'anyone' ? {} : suite.seeded.cookies[who]) };
      await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: suite.url })));
      const page = await context.newPage();
      let fresh = true;
      for (const entry of theirs) {
        const violations = await check(page, entry, fresh || Boolean(entry.server), lang).catch((error: Error) => {
          throw new Error(`${entry.name} [${size} ${lang}]: ${error.message}`);
        });
        found.push(...violations.map((v) => `${entry.name} [${size} ${lang}] ${v.id} (${v.impact}): ${v.targets}`));
        // A tab or a dialog left open is not where the next page starts.
        fresh = Boolean(entry.server || entry.act);
      }
      await context.close();
    }
    return found;
  }

  it('finds no serious or critical violation on any page, in zh-CN and en, at 390 and 1280 px', async () => {
    const found: string[] = [];
    // The four sizes and languages side by side; the pages read after the deadline once all the others are done.
    for (const afterDeadline of [false, true]) {
      suite.setPastDeadline(afterDeadline);
      const pages = PAGES.filter((p) => Boolean(p.afterDeadline) === afterDeadline);
      const runs = SIZES.flatMap(([size, options]) => LANGS.map((lang) => checkAll(pages, size, options, lang)));
      found.push(...(await Promise.all(runs)).flat());
    }
    expect(found, `${found.length} violations:\n${found.join('\n')}`).toEqual([]);
  }, 1_200_000);
});
