import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createDraftCase, type DraftCase } from '../server/testing/cases.ts';
import { createPerson, PASSWORD } from '../server/testing/people.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';
import { sidewaysOverflow, ZOOMED } from './keyboard-zoom-helpers.ts';

// The longest display names the server takes (50 characters): one of 40 字 and one in Latin
// letters without a space to break at, with an address as long.
const NAMES = {
  zh: { name: '新疆维吾尔自治区克孜勒苏柯尔克孜自治州阿合奇县哈拉奇乡党委组织委员兼宣传委员欧阳', email: 'aheqi-halaqi-zuzhiweiyuan-xuanchuan@example.cn' },
  en: { name: 'Maximilianus-Bartholomaeus-Vandenberghe-Oosterhuis', email: 'maximilianus.bartholomaeus.vandenberghe@example.cn' },
} as const;
const SIZES = [['390', PHONE], ['195', ZOOMED]] as const satisfies readonly (readonly [string, BrowserContextOptions])[];

/** Waits for antd's opening animations (menus, drawers) to end, so a screenshot shows them whole. */
const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

/** Whether the platform's name in the header shows whole (a long display name gives way, not it). */
const brandWhole = (page: Page) => page.locator('.wb-header .wb-brand').evaluate((e) => e.scrollWidth <= e.clientWidth);

/**
 * 'inside' when what `selector` matches lies within the page's width, else where it lies. The
 * page's, not the window's: a phone's window widens to whatever sticks out.
 */
const placed = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => {
  const r = e.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  return r.left >= 0 && r.right <= width + 0.5 ? 'inside' : `${Math.round(r.left)}–${Math.round(r.right)} of ${width}`;
});

// Issue 12, the phone's last gaps: every table's page arrows are named in Chinese, a long display
// name stays whole in reach in the header and its menus without sideways scrolling, and the
// 404 page's picture fits 195 CSS px.
describeInChromium('small screens: page arrows, long names, the 404 picture', () => {
  const server = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  let unit: DraftCase;
  const problems: string[] = [];

  beforeAll(async () => {
    unit = await createDraftCase(server.app);
    // A letter for the mail log to list (an empty list draws no pages).
    const invited = await unit.client.post(`/api/v1/organizations/${unit.organizationId}/invitations`, { email: 'wang.fang@example.cn' });
    if (invited.statusCode >= 300) throw new Error(`invitation failed: ${invited.statusCode} ${invited.body}`);
    for (const person of Object.values(NAMES)) await createPerson(server.app.db, person);
  });

  const signedIn = async (options: BrowserContextOptions, where: string, who: { email: string; password: string }) => {
    const { page } = await openPage(server.browser, options, `${server.url}${where}`, problems);
    await signInThroughForm(page, who.email, who.password);
    await page.waitForURL((url) => url.pathname === where);
    await page.waitForLoadState('networkidle');
    return page;
  };

  /** Each pagination's buttons and focusable items as a screen reader names them. */
  const pageArrows = (page: Page) => page.locator('.ant-pagination').evaluateAll((lists) => lists.map((list) => (
    [...list.querySelectorAll('button, [tabindex="0"]')].map((e) => e.getAttribute('aria-label') ?? e.getAttribute('title') ?? (e.textContent ?? '').trim())
  )));

  it('names the previous and next arrows of every table that pages, in Chinese', async () => {
    const arrows: Record<string, string[][]> = {};
    const visit = async (page: Page, path: string, ready: string) => {
      if (new URL(page.url()).pathname !== path) await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      arrows[path] = await pageArrows(page);
    };
    const organizer = await signedIn(DESKTOP, '/app/org/units', ADMIN);
    await visit(organizer, '/app/org/units', '.ant-table-row');
    await organizer.screenshot({ path: `${SCREENSHOTS}/small-gaps-units-1280.png` });
    await visit(organizer, '/app/org/audit', '.ant-table-row');
    await visit(organizer, '/app/org/mail', '.ant-table-row');
    await visit(organizer, '/app/org/reviewers', '.ant-table');
    await visit(organizer, '/app/org/organizers', '.ant-table-row');
    await organizer.screenshot({ path: `${SCREENSHOTS}/small-gaps-organizers-1280.png` });
    await visit(organizer, '/app/org/cases', '#deadline-extensions .ant-table');
    await organizer.context().close();
    const operator = await signedIn(DESKTOP, '/app/unit/members', { email: unit.email, password: PASSWORD });
    await visit(operator, '/app/unit/members', '.ant-table-row');
    await operator.context().close();

    // The lists that page draw both arrows, named; the short ones (people, extensions) show all their rows.
    const named = [['上一页', '1', '下一页']];
    expect(arrows).toEqual({
      '/app/org/units': named, '/app/org/audit': [expect.arrayContaining(['上一页', '下一页'])], '/app/org/mail': named,
      '/app/org/reviewers': [], '/app/org/organizers': [], '/app/org/cases': [], '/app/unit/members': [],
    });
    expect(problems.splice(0).filter((p) => !p.includes('/app/org/audit'))).toEqual([]);
  }, 120_000);

  for (const [lang, person] of Object.entries(NAMES)) {
    it(`keeps a long ${lang === 'zh' ? 'Chinese' : 'Latin'} display name whole in reach at 390 and 195 CSS px`, async () => {
      for (const [size, options] of SIZES) {
        const page = await signedIn(options, '/app/account', { email: person.email, password: PASSWORD });
        await page.locator('#f-displayName, .wb-card').first().waitFor();
        await page.screenshot({ path: `${SCREENSHOTS}/small-gaps-name-${lang}-${size}.png` });
        const seen: Record<string, unknown> = { overflow: await sidewaysOverflow(page) };
        if (size === '390') {
          // In the header the name ends in an ellipsis; the button still carries it whole, and so does its menu.
          const account = page.locator('.wb-header .wb-account');
          seen.button = await account.evaluate((b) => {
            const text = b.querySelector('span') ?? b;
            const style = getComputedStyle(text);
            const inside = b.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5;
            return { title: b.getAttribute('title'), ellipsis: style.textOverflow === 'ellipsis' && text.scrollWidth > text.clientWidth, inside };
          });
          seen.buttonName = await page.getByRole('button', { name: person.name, exact: true }).count();
          seen.brand = await brandWhole(page);
          await account.click();
          const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu');
          await menu.waitFor();
          await settled(page);
          await page.screenshot({ path: `${SCREENSHOTS}/small-gaps-account-menu-${lang}-${size}.png` });
          seen.menuText = (await menu.locator('.wb-account-who').innerText()).replace(/\s+/g, '');
          seen.menu = await placed(page, '.ant-dropdown:not(.ant-dropdown-hidden)');
          seen.overflowOpen = await sidewaysOverflow(page);
          expect(seen).toEqual({
            overflow: { excess: 0, culprits: [] }, overflowOpen: { excess: 0, culprits: [] },
            button: { title: person.name, ellipsis: true, inside: true },
            buttonName: 1, brand: true, menuText: `${person.name}${person.email}`, menu: 'inside',
          });
          // The English header's longer words leave the name less room, still without sideways scrolling.
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: 'English' }).click();
          await page.locator('.wb-header .wb-account').getByText(person.name).waitFor();
          await page.getByRole('button', { name: 'Menu' }).waitFor();
          await settled(page);
          await page.screenshot({ path: `${SCREENSHOTS}/small-gaps-name-${lang}-${size}-en.png` });
          expect({ overflow: await sidewaysOverflow(page), account: await placed(page, '.wb-header .wb-account'), brand: await brandWhole(page) })
            .toEqual({ overflow: { excess: 0, culprits: [] }, account: 'inside', brand: true });
        } else {
          // No room in the header at 200 % zoom: the drawer holds the account, its name wrapped.
          await page.getByRole('button', { name: '菜单' }).click();
          const who = page.locator('.ant-drawer-open .wb-drawer-who');
          await who.waitFor();
          await settled(page);
          await page.screenshot({ path: `${SCREENSHOTS}/small-gaps-drawer-${lang}-${size}.png` });
          seen.drawerText = (await who.innerText()).replace(/\s+/g, '');
          seen.drawer = await placed(page, '.ant-drawer-open .wb-drawer-who');
          seen.overflowOpen = await sidewaysOverflow(page);
          expect(seen).toEqual({
            overflow: { excess: 0, culprits: [] }, overflowOpen: { excess: 0, culprits: [] },
            drawerText: `${person.name}${person.email}`, drawer: 'inside',
          });
        }
        await page.context().close();
      }
      expect(problems.splice(0)).toEqual([]);
    }, 90_000);
  }

  it('fits the 404 picture into 195 CSS px and keeps it whole on a phone', async () => {
    for (const [size, options] of SIZES) {
      const page = await signedIn(options, '/app/org/no-such-page', ADMIN);
      const picture = page.locator('.ant-result-image svg');
      await picture.waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/small-gaps-404-${size}.png`, fullPage: true });
      // The drawing (its backdrop circle nearly as wide as the picture) shrinks with its box rather than being cut off by it.
      const drawing = await picture.evaluate((svg) => {
        const frame = svg.getBoundingClientRect();
        const circle = svg.querySelector('circle')!.getBoundingClientRect();
        return circle.left >= frame.left - 1 && circle.right <= frame.right + 1 && circle.bottom <= frame.bottom + 1 ? 'whole' : `circle ${Math.round(circle.left)}–${Math.round(circle.right)} in ${Math.round(frame.left)}–${Math.round(frame.right)}`;
      });
      expect({
        picture: await placed(page, '.ant-result-image svg'), drawing, title: await page.locator('.ant-result-title').innerText(), overflow: await sidewaysOverflow(page),
      }).toEqual({ picture: 'inside', drawing: 'whole', title: '页面不存在。', overflow: { excess: 0, culprits: [] } });
      await page.context().close();
    }
    expect(problems.splice(0)).toEqual([]);
  }, 60_000);
});
