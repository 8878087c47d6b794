import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDraftCase, type DraftCase } from '../server/testing/cases.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { browserSuite, describeInChromium, DESKTOP, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// A person using the platform normally sees no error in the browser's console: no missing
// favicon, no 401 for "who am I" while signed out, no CSP refusal when pasting from Word. Every
// console error, page error, CSP violation, failed request and 4xx/5xx answer counts.

// What Word puts on the clipboard: conditional comments with VML, mso styles, <o:p>, an image
// both as a v:shape and as <img> pointing at a local temporary file, inline styles everywhere.
const WORD_HTML = [
  '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">',
  '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">',
  '<link rel=File-List href="file:///C:/Users/LI/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">',
  '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->',
  '<style><!-- @font-face {font-family:宋体;} p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt;} --></style></head>',
  '<body lang=ZH-CN style="tab-interval:21.0pt"><!--StartFragment-->',
  '<p class=MsoNormal style="text-indent:21.0pt;mso-char-indent-count:2.0"><span style="font-family:仿宋_GB2312;mso-hansi-font-family:Calibri">',
  '社区党委牵头成立<b style="mso-bidi-font-weight:normal">红色物业联盟</b>。<span lang=EN-US><o:p></o:p></span></span></p>',
  '<p class=MsoNormal><span lang=EN-US style="mso-no-proof:yes"><!--[if gte vml 1]><v:shape id="图片_x0020_1" type="#_x0000_t75" style="width:200pt;height:100pt;visibility:visible">',
  '<v:imagedata src="file:///C:/Users/LI/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape><![endif]-->',
  '<![if !vml]><img width=267 height=133 src="file:///C:/Users/LI/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" style="background:url(file:///C:/x.png)" v:shapes="图片_x0020_1"><![endif]></span>',
  '<span style="font-size:14.0pt;color:red;background-image:url(http://example.cn/track.gif)">群众满意度明显提升。</span></p>',
  '<!--EndFragment--></body></html>',
].join('');

describeInChromium('the console stays clean in normal use', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow() });
  let draft: DraftCase;

  beforeAll(async () => {
    draft = await createDraftCase(suite.app, { title: '“红色物业”让社区治理更有温度' });
  }, 180_000);

  function watch(page: Page, problems: string[]): void {
    // A CSP refusal is reported to the console too; this names what was refused, for the message.
    void page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
      // zod probes once whether eval is allowed and catches the refusal; the browser logs nothing.
      if (e.blockedURI !== 'eval') console.error(`CSP ${e.violatedDirective} refused ${e.blockedURI || 'inline'}`);
    }));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 200)}`);
    });
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    // A request cut short by going to the next page (net::ERR_ABORTED) is not a failure anyone sees.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
    });
  }

  it('from the public pages through sign-in, the unit pages and the editor to a paste from Word', async () => {
    const problems: string[] = [];
    const context = await suite.browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    watch(page, problems);
    for (const path of ['/?lang=en', '/campaigns/seventh-collection', '/?lang=zh-CN', '/campaigns/seventh-collection', '/verify']) {
      await page.goto(`${suite.url}${path}`, { waitUntil: 'networkidle' });
    }
    await page.goto(`${suite.url}/app/sign-in`, { waitUntil: 'networkidle' });
    await signInThroughForm(page, draft.email, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/app/cases');
    for (const path of ['/app/cases', '/app/unit', '/app/unit/members', '/app/superior-reviews', '/app/account']) {
      await page.goto(`${suite.url}${path}`, { waitUntil: 'networkidle' });
    }
    await page.goto(`${suite.url}/app/cases/${draft.caseId}`, { waitUntil: 'networkidle' });
    const section = page.locator('[data-section="background"] .ProseMirror');
    await section.click();
    await section.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '社区党委牵头成立红色物业联盟。\n群众满意度明显提升。');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_HTML);
    expect(await section.innerHTML()).toBe('<p>社区党委牵头成立<strong>红色物业联盟</strong>。</p><p>群众满意度明显提升。</p>');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${SCREENSHOTS}/console-clean-paste-desktop.png` });
    await context.close();
    expect(problems).toEqual([]);
  }, 180_000);
});
