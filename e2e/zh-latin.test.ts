import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { untranslatedWords } from '../core/i18n/latin-words.ts';
import { PAGES, startSeededServer, type AxePage, type Who } from './axe-pages.ts';
import { browserSuite, describeInChromium, DESKTOP, PHONE } from './browser.ts';

const SIZES = [['phone', PHONE], ['desktop', DESKTOP]] as const satisfies readonly (readonly [string, BrowserContextOptions])[];
const PEOPLE: readonly Who[] = ['anyone', 'unit', 'organizer', 'reviewer'];

// The names the seed gives people and a unit (from their addresses) before this test renames
// them: the hash-chained audit log and the mails already sent keep them, as they keep any name.
const SEEDED_NAMES = /axe-unit@exa|\b(axe-[a-z]+|secretariat|review|expert)\b/g;

/** What a reader sees and a screen reader says: visible text and every label, title, alt text and placeholder not hidden from it. */
function heard(page: Page): Promise<string> {
  return page.evaluate(() => {
    const said = [...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')]
      .filter((el) => !el.closest('[aria-hidden="true"]'))
      .flatMap((el) => ['aria-label', 'title', 'alt', 'placeholder'].map((name) => el.getAttribute(name) ?? ''));
    return [document.title, document.body.innerText, ...said].join('\n');
  });
}

async function settle(page: Page, ready: string | undefined): Promise<void> {
  if (ready) await page.locator(ready).first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-card-loading-content, .wb-boot'), null, { timeout: 20_000 });
}

// Every page of the accessibility test's list, in zh-CN at both sizes: a Latin word a Chinese
// reader meets there, on screen or from a screen reader, is a name, a code or a unit
// (core/i18n/latin-words), never an untranslated word or an icon's English name.
describeInChromium('zh-CN workbench pages say nothing in English', () => {
  // The accessibility test's server, data and clock.
  const suite = browserSuite({ start: startSeededServer });

  beforeAll(async () => {
    // The seed names people and units after their addresses; Chinese names keep data apart from interface text.
    const names = ['王芳', '李明', '陈静', '刘洋', '赵磊', '孙丽'];
    const users = await suite.app.db.selectFrom('users').select('id').orderBy('email').execute();
    for (const [i, user] of users.entries()) await suite.app.db.updateTable('users').set({ display_name: names[i % names.length]! }).where('id', '=', user.id).execute();
    await suite.app.db.updateTable('organizations').set({ name: '杨庄村党支部' }).where('id', '=', suite.seeded.unitId).execute();
  }, 180_000);

  async function wordsOn(page: Page, entry: AxePage): Promise<string[]> {
    await page.goto(`${suite.url}${entry.path(suite.seeded)}${entry.path(suite.seeded).includes('?') ? '&' : '?'}lang=zh-CN`);
    await settle(page, entry.ready);
    if (entry.act) {
      await entry.act(page);
      await settle(page, undefined);
    }
    return untranslatedWords((await heard(page)).replace(SEEDED_NAMES, ' '));
  }

  it('finds no untranslated Latin word on any page at 390 and 1280 px', async () => {
    const found: Record<string, string[]> = {};
    for (const [size, options] of SIZES) {
      for (const who of PEOPLE) {
        const context = await suite.browser.newContext({ ...options, locale: 'zh-CN' });
        const cookies = { zhengji_lang: 'zh-CN', ...(who === 'anyone' ? {} : suite.seeded.cookies[who]) };
        await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: suite.url })));
        const page = await context.newPage();
        for (const entry of PAGES.filter((p) => p.who === who)) {
          suite.setPastDeadline(Boolean(entry.afterDeadline));
          const words = await wordsOn(page, entry).catch((error: Error) => { throw new Error(`${entry.name} [${size}]: ${error.message}`); });
          if (words.length > 0) found[`${entry.name} [${size}]`] = words;
        }
        suite.setPastDeadline(false);
        await context.close();
      }
    }
    expect(found).toEqual({});
  }, 600_000);
});
