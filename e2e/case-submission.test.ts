import { beforeAll, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { translate, type MessageKey, type Params } from '../core/i18n/messages.ts';
import { formatInZone } from '../core/time/zoned-time.ts';
import { completeContent, createDraftCase, saveContent, type DraftCase } from '../server/testing/cases.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { TestClient } from '../server/testing/test-client.ts';
import { testPdf } from '../server/testing/pdf-files.ts';
import { uploadFile } from '../server/testing/tus.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

const zh = (key: string, params?: Params) => translate('zh-CN', key as MessageKey, params);
const OPINION = '同意推荐。该社区党委做法扎实，成效明显。';
const RETURN_MESSAGE = '请补充案例成效部分的具体数据，并注明资料来源。';

// A unit drafts a complete case, sees what still stands in the way, submits once however it
// clicks, and keeps a receipt whose hash the organizers see too; the superior organization
// recommends it by the mailed link; the organizers return it and the unit sees why and by when.
describeInChromium('a case from draft to receipt, recommendation and return', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  let draft: DraftCase;
  const problems: string[] = [];

  beforeAll(async () => {
    draft = await createDraftCase(suite.app, { email: 'liuyang@example.cn', unitName: '北京市朝阳区建外街道第一社区党委' });
    await saveContent(draft.client, draft.caseId, completeContent());
  }, 180_000);

  const open = (options: BrowserContextOptions, where: string) => openPage(suite.browser, options, `${suite.url}${where}`, problems);

  async function organizerClient(): Promise<TestClient> {
    const client = new TestClient(suite.app);
    const res = await client.post('/api/v1/auth/sign-in', { email: ADMIN.email, password: ADMIN.password });
    expect(res.statusCode).toBe(200);
    return client;
  }

  it('submits once, proves it by hash, is recommended, returned, and shows the return', async () => {
    const unit = await open(PHONE, '/app');
    await signInThroughForm(unit.page, draft.email, PASSWORD);
    // The unit role lands on its cases.
    await unit.page.waitForURL(/\/app\/cases$/);
    await unit.page.getByRole('link', { name: '“红色物业”让社区治理更有温度' }).first().click();
    await unit.page.waitForURL(new RegExp(`/app/cases/${draft.caseId}$`));

    // Text is complete; the two required files are not uploaded yet.
    const panel = unit.page.locator('#submit-panel');
    const items = panel.locator('.wb-preflight-list li');
    await items.first().waitFor({ timeout: 20_000 });
    expect(await items.allInnerTexts()).toEqual([
      zh('preflight.attachment_missing', { kind: '申报表电子版' }),
      zh('preflight.attachment_missing', { kind: '加盖公章的申报表照片或扫描件' }),
    ]);
    await panel.scrollIntoViewIfNeeded();
    expect(await fitsWidth(unit.page)).toBe(true);
    await unit.page.screenshot({ path: `${SCREENSHOTS}/case-submit-panel-problems-phone.png` });
    // Each item takes the person to where it is fixed.
    await items.nth(1).getByRole('button').click();
    await expect.poll(() => unit.page.evaluate(() => document.activeElement?.closest('[id^="target-"]')?.id)).toBe('target-attachments:sealed-form');

    expect((await uploadFile(draft.client, draft.caseId, 'declaration-form', '申报表.pdf', await testPdf({ text: 'Declaration form', minBytes: 2000 }))).patched?.statusCode).toBe(204);
    expect((await uploadFile(draft.client, draft.caseId, 'sealed-form', '盖章申报表扫描件.pdf', await testPdf({ text: 'Sealed declaration form', minBytes: 2000 }))).patched?.statusCode).toBe(204);
    await unit.page.reload();
    await panel.getByText(zh('wb.cases.preflightOk')).waitFor({ timeout: 20_000 });
    await panel.getByRole('button', { name: /^提\s?交\s?案\s?例$/ }).click();
    const dialog = unit.page.getByRole('dialog');
    await dialog.getByText(zh('wb.cases.submitConfirmTitle')).waitFor();
    // A double click on the confirmation makes one submission.
    await dialog.getByRole('button', { name: /^确\s?认\s?提\s?交$/ }).dblclick();
    await unit.page.waitForURL(new RegExp(`/app/cases/${draft.caseId}/receipts/1\\?submitted=1$`));
    await unit.page.getByText(zh('wb.cases.submittedOk')).waitFor();
    const shownHash = (await unit.page.getByTestId('content-sha256').innerText()).trim();
    expect(await fitsWidth(unit.page)).toBe(true);
    await unit.page.screenshot({ path: `${SCREENSHOTS}/case-receipt-phone.png`, fullPage: true });

    const organizer = await organizerClient();
    const receipts = (await organizer.get(`/api/v1/cases/${draft.caseId}/submissions`)).json() as { data: { seq: number; contentSha256: string; attachments: unknown[] }[] };
    expect(receipts.data.map((r) => [r.seq, r.contentSha256, r.attachments.length])).toEqual([[1, shownHash, 2]]);
    expect(shownHash).toMatch(/^[0-9a-f]{64}$/);

    // The unit asks its superior organization; the mail carries the link.
    expect((await draft.client.post(`/api/v1/cases/${draft.caseId}/superior-review`)).statusCode).toBe(202);
    const mails = (await organizer.get('/api/v1/outgoing-mail?limit=100')).json() as { data: { template: string; text: string }[] };
    const text = mails.data.find((m) => m.template === 'superior_review')!.text;
    const link = new URL(/https?:\/\/\S+\/app\/superior-review\?token=[\w-]+/.exec(text)![0]);
    const superior = await open(PHONE, `${link.pathname}${link.search}`);
    await superior.page.getByRole('heading', { name: '“红色物业”让社区治理更有温度' }).waitFor();
    expect(await superior.page.getByRole('heading', { level: 4 }).allInnerTexts()).toEqual(['案例摘要', '背景', '做法', '成效', '探讨']);
    await superior.page.getByText('推荐', { exact: true }).click();
    await superior.page.locator('#review-opinion').fill(OPINION);
    expect(await fitsWidth(superior.page)).toBe(true);
    await superior.page.getByRole('button', { name: /^提\s?交\s?意\s?见$/ }).click();
    await superior.page.getByText(zh('wb.cases.review.thanks')).waitFor();
    await superior.page.screenshot({ path: `${SCREENSHOTS}/case-superior-review-done-phone.png` });
    const recommended = (await organizer.get(`/api/v1/cases/${draft.caseId}`)).json() as { data: { recommendation: string; recommendationNote: string } };
    expect([recommended.data.recommendation, recommended.data.recommendationNote]).toEqual(['recommended', OPINION]);

    // The organizers return it with a message and a date, typed in Beijing time.
    const desk = await open(DESKTOP, '/app/org/cases');
    await signInThroughForm(desk.page, ADMIN.email, ADMIN.password);
    await desk.page.waitForURL(/\/app\/org\/cases$/);
    const row = desk.page.locator('tr', { hasText: '“红色物业”让社区治理更有温度' });
    await row.getByRole('button', { name: /退\s?回\s?修\s?改/ }).click();
    await desk.page.locator('#return-message').fill(RETURN_MESSAGE);
    const due = new Date(Math.ceil((Date.now() + 10 * 86_400_000) / 60_000) * 60_000);
    await desk.page.locator('#return-due').fill(formatInZone(due, 'Asia/Shanghai').slice(0, 16).replace(' ', 'T'));
    await desk.page.getByRole('dialog').getByRole('button', { name: /^退\s?回$/ }).click();
    await desk.page.getByRole('dialog').waitFor({ state: 'hidden' });
    await row.getByText(zh('case.status.returned')).waitFor();
    await desk.page.screenshot({ path: `${SCREENSHOTS}/case-org-cases-desktop.png`, fullPage: true });

    await unit.page.goto(`${suite.url}/app/cases`);
    const notice = unit.page.locator('.wb-return-notice');
    const returnedDue = zh('wb.cases.returnedDue', { due: `${formatInZone(due, 'Asia/Shanghai').slice(0, 16)}（北京时间）` });
    // The date appears once the campaign has loaded; until then the notice says only "returned".
    await notice.locator('.ant-alert-title').getByText(returnedDue, { exact: true }).waitFor();
    expect(await notice.locator('.wb-return-message').innerText()).toBe(RETURN_MESSAGE);
    await unit.page.getByRole('button', { name: zh('wb.cases.showTrail') }).click();
    await unit.page.locator('.wb-history').getByText(zh('case.action.return')).waitFor();
    expect(await unit.page.locator('.wb-history .wb-event-head strong').allInnerTexts()).toEqual(
      ['create', 'submit', 'request_review', 'recommend', 'return'].map((a) => zh(`case.action.${a}`)),
    );
    expect(await fitsWidth(unit.page)).toBe(true);
    await unit.page.screenshot({ path: `${SCREENSHOTS}/case-my-cases-returned-phone.png`, fullPage: true });

    for (const c of [unit, superior, desk]) await c.context.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
