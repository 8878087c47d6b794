import { expect, it } from 'vitest';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { checkPassword } from '../core/auth/password-strength.ts';
import { translate, type MessageKey } from '../core/i18n/messages.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, fitsWidth, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServer } from './browser.ts';

const PERSON = { name: '王晓明', email: 'wangxm@example.cn', password: 'Shequ-dangwei-2024' };
const UNIT = '北京市朝阳区建外街道第一社区党委';

describeInChromium('workbench in Chromium', () => {
  const suite = browserSuite({ start: () => startServer(() => new Date(), ADMIN_ENV) });
  const problems: string[] = [];

  // A CSP refusal (antd's injected styles) or a script error fails the journey; refused API
  // calls (401 before sign-in, the weak password's 400) are expected and shown in the page.
  const open = (options: BrowserContextOptions, where: string, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) =>
    openPage(suite.browser, options, `${suite.url}${where}`, problems, { storageState });

  async function choose(page: Page, fieldId: string, option: string) {
    await page.locator(`#${fieldId}`).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  }

  it('signs up, verifies by mail, signs in and registers a unit with the cascading division selector', async () => {
    const { context, page } = await open(PHONE, '/app/sign-up');
    expect(await page.locator('h1').innerText()).toBe('注册账号');
    expect(await page.locator('.wb-rules li').allInnerTexts()).toEqual([
      '· 10–128 个字符',
      '· 不易被猜中（强度评分至少 3 分，满分 4 分）：避开常见密码、单个单词、键盘序列、日期和重复字符，几个不相关的词组成的短句最好',
      '· 不包含邮箱名或您的姓名',
    ]);
    expect(await fitsWidth(page)).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"'))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-sign-up-phone.png`, fullPage: true });

    // The server refuses a weak password and its message, in Chinese, shows above the form.
    await page.locator('#f-displayName').fill(PERSON.name);
    await page.locator('#f-email').fill(PERSON.email);
    await page.locator('#f-password').fill('aaaaaaaaaa');
    await page.getByRole('button', { name: '注 册' }).or(page.getByRole('button', { name: '注册' })).click();
    const check = checkPassword('aaaaaaaaaa', { email: PERSON.email, name: PERSON.name });
    const problems = check.ok ? [] : check.problems.map((p) => translate('zh-CN', `password.${p}` as MessageKey));
    await expect.poll(() => page.locator('[role=alert]').innerText()).toBe(translate('zh-CN', 'error.weak_password', { problems: problems.join('、') }));

    await page.locator('#f-password').fill(PERSON.password);
    await expect.poll(() => page.locator('.wb-rules li.met').count()).toBe(3);
    await page.getByRole('button', { name: '注 册' }).or(page.getByRole('button', { name: '注册' })).click();
    await page.getByText('请查收邮件').waitFor();
    expect(await page.locator('.ant-result-subtitle').innerText()).toBe(`我们已向 ${PERSON.email} 发送验证邮件，请点击邮件中的链接完成注册。`);

    // No SMTP here: the mail is kept in the database, link and all.
    const mail = await suite.app.db.selectFrom('mails').select(['text_body', 'template']).where('to_email', '=', PERSON.email).executeTakeFirstOrThrow();
    const link = /\/app\/verify-email\?token=[\w-]+/.exec(mail.text_body)?.[0];
    expect(link).toMatch(/^\/app\/verify-email\?token=/);
    await page.goto(`${suite.url}${link}`);
    await page.getByText('邮箱已验证，现在可以登录了。').waitFor();

    await page.getByRole('link', { name: '登录' }).click();
    await page.waitForURL(/\/app\/sign-in/);
    await signInThroughForm(page, PERSON.email, PERSON.password);
    await page.waitForURL(/\/app\/unit$/);
    await page.getByText('登记申报单位').waitFor();

    await page.locator('#f-name').fill(UNIT);
    await choose(page, 'f-type', '城市基层党建');
    await choose(page, 'f-level', '村（社区）级');
    await page.locator('#f-divisionCode').click();
    await page.locator('.ant-cascader-menu-item', { hasText: '北京市' }).click();
    await page.locator('.ant-cascader-menu-item', { hasText: '朝阳区' }).click();
    await page.locator('#f-superiorName').fill('中共北京市朝阳区建外街道工作委员会');
    await page.locator('#f-address').fill('北京市朝阳区建外大街1号');
    await page.locator('#f-contactName').fill('李华');
    await page.locator('#f-contactPosition').fill('党委书记');
    await page.locator('#f-contactPhone').fill('010-65001234');
    await page.locator('#f-contactEmail').fill('lihua@example.cn');
    await page.getByRole('button', { name: '登记单位' }).click();

    await page.locator('.wb-unit-view').waitFor();
    const view = page.locator('.wb-unit-view');
    await expect.poll(() => view.locator('td', { hasText: '北京市 朝阳区' }).count()).toBe(1);
    expect(await view.locator('td').first().innerText()).toBe(UNIT);
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-unit-phone.png`, fullPage: true });

    // The same session on a desktop.
    const desk = await open(DESKTOP, '/app/unit', await context.storageState());
    await desk.page.locator('.wb-unit-view').waitFor();
    await expect.poll(() => desk.page.locator('.wb-unit-view td', { hasText: '北京市 朝阳区' }).count()).toBe(1);
    expect(await desk.page.locator('.wb-nav .ant-menu-item').allInnerTexts()).toEqual(['我的案例', '推荐下级案例', '我的单位', '成员']);
    await desk.page.screenshot({ path: `${SCREENSHOTS}/workbench-unit-desktop.png`, fullPage: true });
    await desk.context.close();

    const signUpDesk = await open(DESKTOP, '/app/sign-up');
    await signUpDesk.page.locator('.wb-rules').waitFor();
    await signUpDesk.page.screenshot({ path: `${SCREENSHOTS}/workbench-sign-up-desktop.png`, fullPage: true });
    await signUpDesk.context.close();
    await context.close();
  }, 120_000);

  it('lets the organizer find that unit by search, on a phone and on a desktop', async () => {
    for (const [device, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      const { context, page } = await open(options, '/app');
      await page.waitForURL(/\/app\/sign-in\?next=/);
      await signInThroughForm(page, ADMIN.email, ADMIN.password);
      await page.waitForURL(/\/app\/org\/units$/);
      await page.getByPlaceholder('单位名称、联系人或邮箱').fill('建外街道');
      await page.getByPlaceholder('单位名称、联系人或邮箱').press('Enter');
      await expect.poll(() => page.locator('.wb-total').innerText()).toBe('共 1 个单位');
      expect(await page.locator('.wb-units-table tbody tr.ant-table-row td:first-child').allInnerTexts()).toEqual([UNIT]);
      await expect.poll(() => page.locator('.wb-units-table tbody tr.ant-table-row').innerText()).toContain('北京市 朝阳区');
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/workbench-org-units-${device}.png`, fullPage: true });
      if (device === 'desktop') {
        expect(await page.locator('.wb-nav .ant-menu-item').allInnerTexts()).toEqual(['案例', '单位', '评审专家', '初审', '评审进度', '往届案例', '评审分配', '排名', '遴选', '公示', '网上展示', '数据看板', '导出', '往届案例导入', '主办方人员', '审计日志', '发信记录']);
        await page.getByRole('link', { name: UNIT }).click();
        await page.waitForURL(/\/app\/org\/units\/[0-9a-f-]{36}$/);
        await page.locator('.wb-unit-view').waitFor();
        expect(await page.locator('.wb-unit-view td').first().innerText()).toBe(UNIT);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
