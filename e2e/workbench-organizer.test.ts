import { beforeAll, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { createPerson, PASSWORD } from '../server/testing/people.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServer } from './browser.ts';

const EXPERT = 'chen.prof@example.cn';

// An organizer invites a reviewer, who accepts from the mailed link and fills the profile;
// the organizer then sees the reviewer, an intact audit chain and the invitation mail.
describeInChromium('organizer and reviewer in the workbench', () => {
  const suite = browserSuite({ start: () => startServer(() => new Date(), ADMIN_ENV) });
  const problems: string[] = [];

  beforeAll(async () => {
    await createPerson(suite.app.db, { email: EXPERT, name: '陈教授' });
  }, 180_000);

  const open = (options: BrowserContextOptions, where: string) => openPage(suite.browser, options, `${suite.url}${where}`, problems);

  it('invites, accepts, profiles, and shows it all to the organizer', async () => {
    const organizer = await open(DESKTOP, '/app/org/reviewers');
    await signInThroughForm(organizer.page, ADMIN.email, ADMIN.password);
    await organizer.page.waitForURL(/\/app\/org\/reviewers$/);
    await organizer.page.locator('#f-email').fill(EXPERT);
    await organizer.page.getByRole('button', { name: '邀请评审专家' }).click();
    await organizer.page.getByRole('status').filter({ hasText: EXPERT }).waitFor();

    const mail = await suite.app.db.selectFrom('mails').selectAll().where('template', '=', 'reviewer_invite').executeTakeFirstOrThrow();
    expect(mail.to_email).toBe(EXPERT);
    const link = new URL(/https?:\/\/\S+reviewer-invitation\?token=[\w-]+/.exec(mail.text_body)![0]);

    const expert = await open(PHONE, `${link.pathname}${link.search}`);
    await expert.page.getByRole('link', { name: '登录' }).click();
    await signInThroughForm(expert.page, EXPERT, PASSWORD);
    await expert.page.waitForURL(/reviewer-invitation\?token=/);
    await expert.page.getByRole('button', { name: /^接受邀请$|^接 受 邀 请$/ }).click();
    await expert.page.getByText('您已成为评审专家，请完善评审资料。').waitFor();
    await expert.page.getByRole('button', { name: /返回工作台|返 回 工 作 台/ }).click();
    await expert.page.waitForURL(/\/app\/reviewer$/);
    await expert.page.locator('#f-organization').fill('中国浦东干部学院');
    await expert.page.locator('#f-capacity').fill('30');
    await expert.page.locator('#f-expertise').click();
    await expert.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '农村基层党建' }).first().click();
    await expert.page.keyboard.press('Escape');
    await expert.page.getByRole('button', { name: /^保\s?存$/ }).click();
    await expert.page.getByText('已保存').first().waitFor();
    expect(await expert.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expert.page.screenshot({ path: `${SCREENSHOTS}/workbench-reviewer-profile-phone.png`, fullPage: true });

    await organizer.page.reload();
    const row = organizer.page.locator('tr', { hasText: EXPERT });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/陈教授[\s\S]*农村基层党建[\s\S]*中国浦东干部学院[\s\S]*30/);
    await organizer.page.screenshot({ path: `${SCREENSHOTS}/workbench-org-reviewers-desktop.png`, fullPage: true });

    await organizer.page.goto(`${suite.url}/app/org/audit`);
    await organizer.page.getByRole('button', { name: '校验哈希链' }).click();
    await organizer.page.getByText(/^哈希链完整：共 \d+ 条记录。$/).waitFor();
    await organizer.page.screenshot({ path: `${SCREENSHOTS}/workbench-org-audit-desktop.png`, fullPage: true });

    await organizer.page.goto(`${suite.url}/app/org/mail`);
    await organizer.page.locator('tr', { hasText: EXPERT }).waitFor();
    await organizer.page.screenshot({ path: `${SCREENSHOTS}/workbench-org-mail-desktop.png`, fullPage: true });

    await organizer.page.goto(`${suite.url}/app/org/organizers`);
    expect(await organizer.page.locator('tr', { hasText: ADMIN.email }).innerText()).toContain('全平台');

    await organizer.page.goto(`${suite.url}/app/account`);
    await organizer.page.locator('#f-displayName').fill('秘书处');
    await organizer.page.getByRole('button', { name: /^保\s?存$/ }).click();
    await organizer.page.getByRole('button', { name: '秘书处' }).waitFor();
    await organizer.page.screenshot({ path: `${SCREENSHOTS}/workbench-account-desktop.png`, fullPage: true });

    await organizer.context.close();
    await expert.context.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
