import { beforeAll, expect, it } from 'vitest';
import { translate, type MessageKey } from '../core/i18n/messages.ts';
import { completeContent, createDraftCase, saveContent, type DraftCase } from '../server/testing/cases.ts';
import { createPerson, PASSWORD, UNIT_INPUT } from '../server/testing/people.ts';
import { TestClient } from '../server/testing/test-client.ts';
import { ADMIN_ENV, browserSuite, describeInChromium, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const NEW_PARAGRAPH = '每月召开一次红色物业联席会议，现场解决居民提出的问题。';
const SUPERIOR = '中共北京市朝阳区建外街道工作委员会';

// The recommendation pages on a 390 px phone: the unit sees a void recommendation, the superior
// asked again sees what changed, and a registered superior's member finds and reads the case
// signed in. Each fits the screen's width and leaves a screenshot.
describeInChromium('the recommendation pages on a phone', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  let mailed: DraftCase;
  let registered: DraftCase;
  let latestToken: () => Promise<string>;
  const problems: string[] = [];

  beforeAll(async () => {
    const app = suite.app;
    mailed = await createDraftCase(app, { email: 'unit@example.cn', unitName: '北京市朝阳区建外街道第一社区党委' });
    const content = completeContent(800);
    await saveContent(mailed.client, mailed.caseId, content);
    latestToken = async () => {
      const mails = await app.db.selectFrom('mails').select('text_body').where('template', '=', 'superior_review').execute();
      return /superior-review\?token=([\w-]+)/.exec(mails.at(-1)!.text_body)![1]!;
    };
    await mailed.client.post(`/api/v1/cases/${mailed.caseId}/superior-review`);
    const first = await latestToken();
    const view = (await new TestClient(app).get(`/api/v1/superior-review?token=${first}`)).json().data;
    await new TestClient(app).post('/api/v1/superior-review', { token: first, decision: 'recommend', opinion: '同意推荐。', contentSha256: view.contentSha256 });
    await saveContent(mailed.client, mailed.caseId, { ...content, sections: { ...content.sections, practice: `${content.sections.practice}<p>${NEW_PARAGRAPH}</p>` } });

    // A registered superior unit whose member recommends signed in.
    await createPerson(app.db, { email: 'secretary@example.cn', name: '王书记' });
    const secretary = new TestClient(app);
    await secretary.post('/api/v1/auth/sign-in', { email: 'secretary@example.cn', password: PASSWORD });
    const superior = (await secretary.post('/api/v1/organizations', { ...UNIT_INPUT, name: SUPERIOR, superiorEmail: 'chaoyang@example.cn' })).json().data.id;
    registered = await createDraftCase(app, { email: 'second@example.cn', unitName: '北京市朝阳区建外街道第二社区党委' });
    await saveContent(registered.client, registered.caseId, content);
    await registered.client.put(`/api/v1/cases/${registered.caseId}/superior-organization`, { organizationId: superior });
    await registered.client.post(`/api/v1/cases/${registered.caseId}/superior-review`);
  }, 180_000);

  it('shows the unit its void recommendation, and the superior asked again what changed', async () => {
    const unit = await openPage(suite.browser, PHONE, `${suite.url}/app/sign-in`, problems);
    await signInThroughForm(unit.page, mailed.email, PASSWORD);
    await unit.page.waitForURL(/\/app\/cases$/);
    await unit.page.goto(`${suite.url}/app/cases/${mailed.caseId}`);
    await unit.page.locator('#target-recommendation').getByText(zh('case.recommendation.void')).first().waitFor();
    expect(await fitsWidth(unit.page)).toBe(true);
    await unit.page.locator('#target-recommendation').screenshot({ path: `${SCREENSHOTS}/look-recommendation-card-phone.png` });
    await unit.page.getByRole('button', { name: zh('wb.editor.recommend.askAgain') }).click();
    await unit.page.getByText(zh('wb.editor.recommend.sent', { email: UNIT_INPUT.superiorEmail })).waitFor();
    await unit.context.close();
    const token = await latestToken();

    const superior = await openPage(suite.browser, PHONE, `${suite.url}/app/superior-review?token=${token}`, problems);
    await superior.page.getByText(zh('wb.cases.review.changesTitle')).waitFor();
    expect(await superior.page.locator('ins.wb-changes-line').innerText()).toContain(NEW_PARAGRAPH);
    expect(await fitsWidth(superior.page)).toBe(true);
    await superior.page.screenshot({ path: `${SCREENSHOTS}/look-superior-changes-phone.png`, fullPage: true });
    await superior.context.close();
    expect(problems).toEqual([]);
  });

  it("lists the case for the registered superior's member, who reads it on the same page", async () => {
    const { context, page } = await openPage(suite.browser, PHONE, `${suite.url}/app/sign-in`, problems);
    await signInThroughForm(page, 'secretary@example.cn', PASSWORD);
    await page.waitForURL(/\/app\/cases$/);
    await page.goto(`${suite.url}/app/superior-reviews`);
    await page.getByText(zh('wb.cases.review.listTitle')).waitFor();
    await page.getByText('北京市朝阳区建外街道第二社区党委').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/look-superior-list-phone.png`, fullPage: true });
    await page.getByRole('link', { name: zh('wb.cases.review.open') }).click();
    await page.getByText(zh('wb.cases.review.formTitle')).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/look-superior-member-review-phone.png`, fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
  });
});
