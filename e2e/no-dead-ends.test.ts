import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../server/testing/cases.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

const NEW_CASE = '/app/cases?new=seventh-collection';
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

// Issue 12's dead ends, walked in Chromium: from the special page to a new case through sign-up
// and the mailed link, and an organizer returning a case from where they read it.
describeInChromium('no dead ends', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  const problems: string[] = [];

  it('takes a visitor from 申报案例 through sign-up and the mailed link to starting a case', async () => {
    for (const [size, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      const { page } = await openPage(suite.browser, options, `${suite.url}/campaigns/seventh-collection`, problems);
      await page.locator('#apply').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/special-apply-${size}.png` });
      await page.goto(`${suite.url}/`);
      await page.getByRole('heading', { name: '正在征集' }).waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/home-by-state-${size}.png`, fullPage: true });
      await page.context().close();
    }

    const { page } = await openPage(suite.browser, PHONE, `${suite.url}/campaigns/seventh-collection`, problems);
    await page.getByRole('link', { name: '申报案例' }).click();
    await page.waitForURL((url) => url.pathname === '/app/sign-up' && url.searchParams.get('next') === NEW_CASE);
    const email = `visitor-${randomUUID().slice(0, 8)}@example.cn`;
    await page.locator('#f-displayName').fill('刘洋');
    await page.locator('#f-email').fill(email);
    await page.locator('#f-password').fill('Shequ-dangwei-2024');
    await page.getByRole('button', { name: /^注\s?册$/ }).click();
    await page.getByText('请查收邮件').waitFor();

    const mail = await suite.app.db.selectFrom('mails').selectAll().where('to_email', '=', email).where('template', '=', 'verify_email').executeTakeFirstOrThrow();
    const link = new URL(/https?:\/\/\S+verify-email\?\S+/.exec(mail.text_body)![0]);
    expect(link.searchParams.get('next')).toBe(NEW_CASE);
    await page.goto(`${suite.url}${link.pathname}${link.search}`);
    await page.getByText('邮箱已验证，现在可以登录了。').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/verify-done-phone.png` });

    // The same link again: verified already, not a red error, with the way on.
    await page.reload();
    await page.getByText('这个邮箱已经验证过了，直接登录即可。').waitFor();
    expect(await page.locator('.ant-result-error').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/verify-again-phone.png` });
    await page.getByRole('link', { name: /^登\s?录$/ }).click();
    await page.waitForURL((url) => url.pathname === '/app/sign-in' && url.searchParams.get('next') === NEW_CASE);
    await signInThroughForm(page, email, 'Shequ-dangwei-2024');
    await page.waitForURL((url) => `${url.pathname}${url.search}`.startsWith(NEW_CASE));
    // No unit yet: the page says so and leads to registering one.
    await page.getByText('请先登记申报单位').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/after-sign-in-no-unit-phone.png` });

    // Registering the unit says what comes next and offers the open campaign.
    await page.getByRole('link', { name: /登记单位|登 记 单 位/ }).click();
    await page.waitForURL(/\/app\/unit$/);
    await page.locator('#f-name').fill('北京市朝阳区建外街道第二社区党委');
    for (const [field, option] of [['f-type', '城市基层党建'], ['f-level', '村（社区）级']]) {
      await page.locator(`#${field}`).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
    }
    await page.locator('#f-divisionCode').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '北京市' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '朝阳区' }).click();
    await page.locator('#f-superiorName').fill('中共北京市朝阳区建外街道工作委员会');
    await page.locator('#f-address').fill('北京市朝阳区建外大街2号');
    await page.locator('#f-contactName').fill('刘洋');
    await page.locator('#f-contactPosition').fill('党委书记');
    await page.locator('#f-contactPhone').fill('010-65001235');
    await page.locator('#f-contactEmail').fill(email);
    await page.getByRole('button', { name: '登记单位' }).click();
    await page.getByText('单位已登记。下一步：在“我的案例”中选择征集活动，点击“申报案例”开始填写。').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/unit-registered-phone.png` });
    await page.locator('.ant-card', { hasText: '正在征集的活动' }).getByRole('link', { name: /申报案例|申 报 案 例/ }).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === NEW_CASE);
    await page.locator('.ant-modal').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('offers an unverified account the mail again at sign-in, with the same answer for any address', async () => {
    const { page } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/sign-up?next=${encodeURIComponent(NEW_CASE)}`, problems);
    const email = `late-${randomUUID().slice(0, 8)}@example.cn`;
    await page.locator('#f-displayName').fill('周敏');
    await page.locator('#f-email').fill(email);
    await page.locator('#f-password').fill('Shequ-dangwei-2024');
    await page.getByRole('button', { name: /^注\s?册$/ }).click();
    await page.getByText('请查收邮件').waitFor();
    await page.getByRole('link', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/app/sign-in' && url.searchParams.get('next') === NEW_CASE);
    await signInThroughForm(page, email, 'Shequ-dangwei-2024');
    await page.getByText('请先点击验证邮件中的链接验证邮箱，再登录。').waitFor();
    await page.getByRole('button', { name: '重新发送验证邮件' }).click();
    await page.getByText('如果该邮箱已注册且尚未验证，我们已重新发送验证邮件，请查收。').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-resend-1280.png` });
    const mails = await suite.app.db.selectFrom('mails').select('text_body').where('to_email', '=', email).where('template', '=', 'verify_email').execute();
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text_body).toContain(`&next=${encodeURIComponent(NEW_CASE)}`);
    expect(problems).toEqual([]);
  }, 60_000);

  it("shows a unit's home the open campaigns, and 申报案例 opens a new case for it", async () => {
    const unit = await createDraftCase(suite.app);
    for (const [size, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      const { page } = await openPage(suite.browser, options, `${suite.url}/app/unit`, problems);
      await signInThroughForm(page, unit.email, PASSWORD);
      const open = page.locator('.ant-card', { hasText: '正在征集的活动' });
      await open.getByText('第七届全国基层党建创新典型案例征集活动').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/unit-home-${size}.png`, fullPage: true });
      await open.getByRole('link', { name: /申报案例|申 报 案 例/ }).click();
      await page.waitForURL((url) => `${url.pathname}${url.search}` === NEW_CASE);
      await page.locator('.ant-modal').waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/new-case-from-link-${size}.png` });
      await page.context().close();
    }
    expect(problems).toEqual([]);
  }, 90_000);

  it('lets the organizer read the submitted version and return the case from the case view', async () => {
    const unit = await createDraftCase(suite.app);
    await saveContent(unit.client, unit.caseId, completeContent(3000));
    await attachRequiredFiles(suite.app, unit.caseId);
    expect((await unit.client.post(`/api/v1/cases/${unit.caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
    await saveContent(unit.client, unit.caseId, { ...completeContent(3000), title: '提交后改过的标题' });

    const { page } = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/cases`, problems);
    await signInThroughForm(page, ADMIN.email, ADMIN.password);
    const actionsHeader = page.getByRole('columnheader', { name: '操作' });
    await actionsHeader.waitFor();
    const card = (await page.locator('.ant-card').first().boundingBox())!;
    const header = (await actionsHeader.boundingBox())!;
    expect(header.x + header.width).toBeLessThanOrEqual(card.x + card.width);
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/org-cases-1280.png`, fullPage: true });

    await page.goto(`${suite.url}/app/cases/${unit.caseId}`);
    await page.getByRole('tab', { name: '提交的版本（第 1 次提交）', selected: true }).waitFor();
    await expect.poll(() => page.locator('.ce-view-title').first().innerText()).toBe(completeContent().title);
    const text = await page.locator('main').innerText();
    // antd draws a description label's colon with ::after: the label itself must not bring one.
    const label = page.locator('.ant-descriptions-item-label', { hasText: '推荐状态' }).first();
    const shown = await label.evaluate((el) => `${el.textContent}${getComputedStyle(el, '::after').content.replace(/^"|"$/g, '')}`);
    expect(shown).toMatch(/^推荐状态[:：]$/);
    expect(text).not.toContain('下载后打印，由所在单位党组织和上级党组织签署意见并加盖公章');
    await page.screenshot({ path: `${SCREENSHOTS}/org-case-view-1280.png` });
    await page.getByRole('tab', { name: '工作副本' }).click();
    await page.getByRole('heading', { name: '提交后改过的标题' }).waitFor();

    await page.getByRole('button', { name: '查看历史' }).click();
    await page.locator('.ant-drawer .wb-case-trail').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /退回修改|退 回 修 改/ }).click();
    await page.locator('#return-message').fill('请补充成效数据。\n请压缩正文到四千字以内。');
    await page.locator('#return-due').fill('2030-06-20T18:00');
    await page.screenshot({ path: `${SCREENSHOTS}/org-return-dialog-1280.png` });
    await page.locator('.ant-modal').getByRole('button', { name: /^退\s?回$/ }).click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /退回修改|退 回 修 改/ }).waitFor({ state: 'detached' });
    const row = await suite.app.db.selectFrom('cases').select(['status', 'return_message']).where('id', '=', unit.caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'returned', return_message: '请补充成效数据。\n请压缩正文到四千字以内。' });

    // An empty list says why it is empty.
    await page.goto(`${suite.url}/app/org/units`);
    await page.getByRole('searchbox').fill('没有这个单位');
    await page.getByRole('searchbox').press('Enter');
    await page.getByText('没有符合条件的单位，请调整搜索或筛选条件。').waitFor();

    // The same view on the organizer's phone: the actions and tabs fit the width.
    const orgPhone = await openPage(suite.browser, PHONE, `${suite.url}/app/cases/${unit.caseId}`, problems, { storageState: await page.context().storageState() });
    await orgPhone.page.getByRole('tab', { name: '提交的版本（第 1 次提交）', selected: true }).waitFor();
    await orgPhone.page.getByRole('button', { name: '查看历史' }).waitFor();
    expect(await fitsWidth(orgPhone.page)).toBe(true);
    await orgPhone.page.screenshot({ path: `${SCREENSHOTS}/org-case-view-phone.png` });
    await orgPhone.page.goto(`${suite.url}/app/org/cases`);
    await orgPhone.page.locator('.wb-case-card').first().waitFor();
    expect(await fitsWidth(orgPhone.page)).toBe(true);
    await orgPhone.page.screenshot({ path: `${SCREENSHOTS}/org-cases-phone.png`, fullPage: true });

    // The unit sees the message with its line breaks and one date, on the phone.
    const own = await openPage(suite.browser, PHONE, `${suite.url}/app/cases/${unit.caseId}`, problems);
    await signInThroughForm(own.page, unit.email, PASSWORD);
    const notice = own.page.locator('.ce-return');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('请补充成效数据。\n请压缩正文到四千字以内。');
    expect(await own.page.getByText(/^截止时间：/).count()).toBe(0);
    await own.page.screenshot({ path: `${SCREENSHOTS}/unit-returned-editor-phone.png` });
    expect(problems).toEqual([]);
  }, 180_000);
});
