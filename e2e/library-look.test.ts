import { expect, it } from 'vitest';
import { libraryWorld, publishFurtherCase, type FurtherCase } from '../server/testing/library-world.ts';
import { publishCopy } from '../server/testing/publishing-world.ts';
import { describeInChromium, DESKTOP, fitsWidth, launchBrowser, openPage, PHONE, SCREENSHOTS } from './browser.ts';
import { axeViolations } from './axe-rules.ts';
import { sidewaysOverflow, ZOOMED } from './keyboard-zoom-helpers.ts';

// The case library on a phone, on a desktop and at 200 % zoom on a phone (195 CSS px): Chinese
// renders, nothing scrolls sideways, and docs/screenshots keeps the phone and desktop pictures.

const CASES: FurtherCase[] = [
  { title: '党建引领乡村振兴的新路子', unitName: '广东省清远市连州市丰阳镇党委', divisionCode: '441882', category: 'rural', at: '2024-03-02T02:00:00Z', summary: '镇党委把党支部建在产业链上，组织党员带头领办合作社，带动村集体经济增收，群众的钱袋子鼓起来了。' },
  { title: '海岛党建：渔船上的流动党支部', unitName: '浙江省舟山市普陀区沈家门街道党工委', divisionCode: '330903', category: 'rural', at: '2024-03-03T02:00:00Z', summary: '渔船出海，党员随船，流动党支部让组织生活不断线，海上党建与安全生产、互帮互助结合起来。' },
  { title: '“楼宇党建”串起商务区的服务链', unitName: '上海市静安区南京西路街道楼宇联合党委', divisionCode: '310106', category: 'new-sectors', at: '2024-03-04T02:00:00Z', summary: '以楼宇为单元建立联合党组织，把分散在写字楼里的党员组织起来，为企业和白领提供党群服务。' },
  { title: '机关党建与业务深度融合的“双向赋能”', unitName: '四川省成都市市级机关工委', divisionCode: '510100', category: 'organs', at: '2024-03-05T02:00:00Z', summary: '机关党组织把党建任务与业务工作同谋划、同部署、同考核，支部书记带头攻坚重点项目。' },
  { title: '国企党建引领“链长制”落地见效', unitName: '湖北省武汉市某国有控股集团党委', divisionCode: '420100', category: 'soe', at: '2024-03-06T02:00:00Z', summary: '集团党委牵头组建产业链党建联盟，上下游企业党组织结对共建，协同解决技术和用工难题。' },
];

const SEARCH = '/library?q=%E5%85%9A%E5%BB%BA&lang=zh-CN';
const STATES = [
  ['results', SEARCH],
  ['paged', '/library?size=2&lang=zh-CN'],
  ['empty', '/library?q=%E6%B8%94%E8%88%B9+%E5%8D%8F%E4%BD%9C&province=44&category=rural&lang=zh-CN'],
  ['refused', `/library?q=${'x'.repeat(200)}&lang=zh-CN`],
  ['en', '/library?q=%E5%85%9A&size=2&lang=en'],
  ['en-page-2', '/library?q=%E5%85%9A&size=2&page=2&lang=en'],
] as const;

describeInChromium('the case library on a phone, on a desktop and at 200 % zoom', () => {
  // The published world is a test app (its database goes with the test), so one test does it all.
  it('shows ranked, highlighted results that fit a phone, a desktop and 195 CSS px, in every state', async () => {
    const w = await libraryWorld();
    w.setNow(new Date('2024-03-01T02:00:00Z'));
    await publishCopy(w);
    for (const c of CASES) await publishFurtherCase(w, c);
    const url = await w.app.listen({ port: 0, host: '127.0.0.1' });
    const browser = await launchBrowser();
    const problems: string[] = [];
    const violations: string[] = [];
    try {
      for (const [device, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
        const { context, page } = await openPage(browser, options, `${url}${SEARCH}`, problems);
        expect(await page.locator('.library-hit').count()).toBe(5);
        expect(await page.locator('.library-hit h3').first().innerText()).toBe('国企党建引领“链长制”落地见效');
        expect(await page.locator('.library-snippet mark').first().innerText()).toBe('党建');
        expect(await fitsWidth(page)).toBe(true);
        await page.screenshot({ path: `docs/screenshots/library-${device}.png`, fullPage: true });
        // axe with cases to show (the axe suite's own world has none published): marks, paging, both languages.
        for (const [name, where] of STATES) {
          await page.goto(`${url}${where}`);
          violations.push(...(await axeViolations(page)).map((v) => `${name} [${device}] ${v.id} (${v.impact}): ${v.targets}`));
        }
        await context.close();
      }
      const { context, page } = await openPage(browser, ZOOMED, `${url}${SEARCH}`, problems);
      const overflowing: Record<string, unknown> = {};
      for (const [name, where] of STATES) {
        await page.goto(`${url}${where}`);
        const overflow = await sidewaysOverflow(page);
        if (overflow.excess > 0) overflowing[name] = overflow;
        await page.screenshot({ path: `${SCREENSHOTS}/zoom-195-library-${name}.png`, fullPage: true });
      }
      expect(overflowing).toEqual({});
      expect(violations).toEqual([]);
      await context.close();
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
