import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { forgetCampaignVersions } from '../server/modules/campaigns/campaigns.service.ts';
import { changeCampaign } from '../server/testing/campaign-overrides.ts';
import { attachRequiredFiles, attachStoredFile, completeContent, createDraftCase, saveContent } from '../server/testing/cases.ts';
import { copyUrl, jpeg } from '../server/testing/publishing-world.ts';
import { TestClient } from '../server/testing/test-client.ts';
import { axeViolations } from './axe-rules.ts';
import { motionDone } from './keyboard-zoom-helpers.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// Issue 16, item 6 in the workbench: the organizer opens the publishing queue, makes a public copy,
// hides a phone number in its summary, publishes it, and the public page shows the edited text and
// not the submitted one; a save over someone else's keeps the organizer's text to apply again; a
// second case is taken down and its link answers the "no longer shown" page. Desktop and phone,
// zh-CN and en, axe on each state.

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/publishing-${name}.png`, fullPage: true });
const PHONE_NUMBER = '13912345678';
const A_TITLE = '“红色物业”让社区治理更有温度';
const B_TITLE = '党建引领乡村振兴的新路子';

/** A submitted case that passed screening, with photos; its summary says `summary`. */
async function submittedCase(app: FastifyInstance, title: string, summary: string, photos: number) {
  const draft = await createDraftCase(app, { title, unitName: `${title.slice(1, 5)}社区党委` });
  await saveContent(draft.client, draft.caseId, { ...completeContent(1200, title), summary: `<p>${summary}</p>` });
  await attachRequiredFiles(app, draft.caseId);
  for (let i = 0; i < photos; i += 1) {
    const [width, height] = i === 0 ? [800, 600] : [600, 800];
    const stored = await attachStoredFile(app, draft.caseId, 'photos', `照片${i + 1}.jpg`, await jpeg(width, height, 90 + 60 * i), 'image/jpeg');
    await app.db.updateTable('attachments').set({ width, height }).where('id', '=', stored.id).execute();
  }
  const submitted = await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() });
  if (submitted.statusCode !== 201) throw new Error(`submission failed: ${submitted.body}`);
  await app.db.updateTable('cases').set({ screening: 'passed' }).where('id', '=', draft.caseId).execute();
  return draft.caseId;
}

describeInChromium('the publishing queue and the public-copy editor', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  const problems: string[] = [];
  let organizer: TestClient;
  let caseA: string;
  let caseB: string;
  let pathB: string;

  beforeAll(async () => {
    const app = suite.app;
    await changeCampaign(app, { display: { duringCollection: true, pictureKinds: ['photos'] } });
    forgetCampaignVersions(app.db);
    caseA = await submittedCase(app, A_TITLE, `社区党委牵头成立红色物业联盟，把党支部建在小区上。联系人王书记，电话${PHONE_NUMBER}。`, 2);
    caseB = await submittedCase(app, B_TITLE, '镇党委把党支部建在产业链上，组织党员带头领办合作社。', 0);
    organizer = new TestClient(app);
    await organizer.post('/api/v1/auth/sign-in', { email: ADMIN.email, password: ADMIN.password });
    // B is shown already, to be taken down in the workbench.
    await organizer.post(copyUrl(caseB));
    pathB = (await organizer.post(`${copyUrl(caseB)}/publish`, { version: 1 })).json().data.copy.path;
  }, 180_000);

  it('makes a copy, hides a phone number, keeps the text over a concurrent save, publishes it and takes another down, on a desktop', async () => {
    const { page } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/publishing`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.getByRole('menuitem', { name: '网上展示' }).waitFor();
    const rowOf = (title: string) => page.locator('.ant-table-row', { hasText: title });
    await rowOf(A_TITLE).waitFor();
    expect(await page.locator('.pp-states').innerText()).toMatch(/全部（2）[\s\S]*未生成（1）[\s\S]*待发布（0）[\s\S]*已展示（1）[\s\S]*已撤下（0）[\s\S]*单位已重新报送（0）/);
    expect(await rowOf(B_TITLE).locator('.pp-state').innerText()).toBe('已展示');
    await page.getByText('共 2 个案例').waitFor();
    await shot(page, 'queue-desktop');
    expect(await axeViolations(page)).toEqual([]);

    // Make the copy: the editor opens on it, the phone number flagged where it is.
    await page.getByRole('button', { name: `生成公开版本：${A_TITLE}` }).click();
    await page.getByText('已生成公开版本。').waitFor();
    const flags = page.locator('.pp-flags');
    await flags.getByText('案例摘要中的手机号码').waitFor();
    expect(await flags.locator('.pp-flag-mark').allInnerTexts()).toEqual([PHONE_NUMBER]);
    await expect.poll(() => page.locator('[data-pp-field="summary"] .ProseMirror').innerText()).toContain(PHONE_NUMBER);
    await shot(page, 'editor-flagged');
    expect(await axeViolations(page)).toEqual([]);

    // 定位 selects the number in the summary; typing replaces it.
    await flags.getByRole('button', { name: `定位到案例摘要中的 ${PHONE_NUMBER}` }).click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(PHONE_NUMBER);
    await page.keyboard.type('（电话已隐去）');
    await page.getByText('未发现疑似手机号码或身份证号码。').waitFor();
    await page.locator('#pp-title').fill('红色物业让社区治理更有温度（公开版）');
    await page.getByRole('checkbox', { name: '展示 照片1.jpg' }).check();
    await page.getByText('有未保存的修改').waitFor();

    // The preview reads like the public page, with the text as it is now.
    await page.getByRole('tab', { name: '预览' }).click();
    const preview = page.locator('.pp-preview');
    await expect.poll(() => preview.locator('.pp-preview-title').innerText()).toBe('红色物业让社区治理更有温度（公开版）');
    expect(await preview.locator('.pp-preview-text').first().innerText()).toContain('联系人王书记，电话（电话已隐去）。');
    expect(await preview.locator('.pp-preview-photos img').count()).toBe(1);
    await shot(page, 'editor-preview');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: '编辑' }).click();

    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByText('已保存（第 2 版）。').waitFor();
    await page.getByText('所有修改已保存').waitFor();

    // Someone else saves meanwhile: the save is refused, the page shows their version, and the
    // organizer's own change is kept and applied again over it.
    const theirs = (await organizer.get(copyUrl(caseA))).json().data.copy;
    expect((await organizer.put(copyUrl(caseA), { version: 2, title: '他人修改的标题', unitName: theirs.unitName, summary: theirs.summary, sections: theirs.sections, photoIds: theirs.pictures.filter((p: { shown: boolean }) => p.shown).map((p: { id: string }) => p.id) })).statusCode).toBe(200);
    await page.locator('#pp-unitName').fill('某社区党委');
    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    const conflict = page.locator('.pp-conflict');
    await conflict.getByText('他人在此期间保存了公开版本').waitFor();
    expect(await conflict.innerText()).toContain('另一位主办方人员保存了第 3 版');
    expect(await conflict.innerText()).toContain('您改动过：单位名称');
    await expect.poll(() => page.locator('#pp-title').inputValue()).toBe('他人修改的标题');
    expect(await page.locator('#pp-unitName').inputValue()).not.toBe('某社区党委');
    await shot(page, 'editor-conflict');
    expect(await axeViolations(page)).toEqual([]);
    await conflict.getByRole('button', { name: '重新应用我的修改' }).click();
    await expect.poll(() => page.locator('#pp-unitName').inputValue()).toBe('某社区党委');
    expect(await page.locator('#pp-title').inputValue()).toBe('他人修改的标题');
    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByText('已保存（第 4 版）。').waitFor();

    // Publish, confirmed.
    await page.locator('.pp-bar').getByRole('button', { name: /^发\s?布$/ }).click();
    const confirm = page.getByRole('dialog', { name: '公开展示“他人修改的标题”？' });
    await confirm.getByText('任何人都可以通过链接、二维码和案例库读到').waitFor();
    await confirm.getByRole('button', { name: /^发\s?布$/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.pp-status .pp-state').innerText()).toBe('已展示');
    const link = page.getByRole('link', { name: '打开公开页面' });
    const path = await link.getAttribute('href');
    expect(path).toMatch(/^\/campaigns\/seventh-collection\/cases\/[0-9a-f]{16}$/);
    await shot(page, 'editor-published');

    // The public page: the edited text, not the submitted one.
    const reader = await openPage(suite.browser, DESKTOP, `${suite.url}${path}`, problems);
    expect(await reader.page.locator('h1').innerText()).toBe('他人修改的标题');
    expect(await reader.page.locator('[data-field="unit"]').innerText()).toBe('某社区党委');
    const summary = await reader.page.locator('[data-field="summary"]').innerText();
    expect(summary).toContain('联系人王书记，电话（电话已隐去）。');
    expect(await reader.page.content()).not.toContain(PHONE_NUMBER);
    expect(await reader.page.locator('.case-photos img').count()).toBe(1);
    await reader.context.close();

    // Take B down from the queue, confirmed; its link then says it is no longer shown.
    await page.getByRole('link', { name: /返回网上展示列表/ }).click();
    await rowOf(B_TITLE).waitFor();
    await expect.poll(() => rowOf('他人修改的标题').locator('.pp-state').innerText()).toBe('已展示');
    await page.getByRole('button', { name: `撤下：${B_TITLE}` }).click();
    const down = page.getByRole('dialog', { name: `撤下“${B_TITLE}”？` });
    await down.getByText('已分享的链接和二维码会显示“该案例已不再展示”').waitFor();
    await shot(page, 'queue-unpublish-confirm');
    await down.getByRole('button', { name: /^撤\s?下$/ }).click();
    await expect.poll(() => rowOf(B_TITLE).locator('.pp-state').innerText()).toBe('已撤下');
    const gone = await openPage(suite.browser, DESKTOP, `${suite.url}${pathB}`, problems);
    expect(await gone.page.locator('h1').innerText()).toBe('该案例已不再展示');
    expect(await gone.page.content()).not.toContain(B_TITLE);
    await gone.context.close();
    expect((await fetch(`${suite.url}${pathB}`)).status).toBe(410);

    // The filters: the taken-down case alone under 已撤下.
    await page.locator('.pp-states').getByText('已撤下（1）').click();
    await expect.poll(() => page.locator('.ant-table-row .pp-case-title').allInnerTexts()).toEqual([B_TITLE]);
    await shot(page, 'queue-taken-down');
    expect(await axeViolations(page)).toEqual([]);

    // In English.
    await page.goto(`${suite.url}/app/org/publishing?lang=en`);
    await page.getByText('Online display: ').first().waitFor();
    await rowOf('他人修改的标题').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${suite.url}/app/org/publishing/${caseA}?lang=en`);
    await page.getByText('No number that looks like a mobile phone or identity card number.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'editor-en');
    expect(problems).toEqual([]);
  }, 240_000);

  it('shows the queue as cards and the editor in one column on a phone, without sideways scrolling', async () => {
    const { page } = await openPage(suite.browser, PHONE, `${suite.url}/app/org/publishing`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    await page.locator('.pp-card', { hasText: '他人修改的标题' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'queue-phone');
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('.pp-card', { hasText: '他人修改的标题' }).getByRole('link', { name: '编辑：他人修改的标题' }).click();
    await page.locator('[data-pp-field="summary"] .ProseMirror').waitFor();
    await motionDone(page);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'editor-phone');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: '预览' }).click();
    await page.locator('.pp-preview-title').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'preview-phone');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
