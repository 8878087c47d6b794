import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { completeContent, createSubmittedCase } from '../server/testing/cases.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// The organizer's screening queue and progress pages at phone and desktop size: a pass through
// the bulk dialog, and screenshots to look at.
/** axe-core's serious and critical findings on the page as it stands. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${page.url()} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describeInChromium('screening queue and progress in the workbench', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(ADMIN_ENV) });
  const problems: string[] = [];

  beforeAll(async () => {
    const db = suite.app.db;
    const a = await createSubmittedCase(suite.app, { title: '红色物业让社区治理更有温度' });
    const b = await createSubmittedCase(suite.app, { content: { ...completeContent(1200, '党建引领乡村振兴的“小岗经验”'), category: 'rural' } });
    await createSubmittedCase(suite.app, { title: '“两新”组织党建全覆盖的深圳做法' });
    const campaign = await db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    const match = (caseId: string, submissionId: string, other: string) => ({
      id: randomUUID(), campaign_id: campaign.id, case_id: caseId, submission_id: submissionId, other_case_id: other, reference_id: null, estimated: 0.8, exact: 0.78, computed_at: new Date().toISOString(),
    });
    await db.insertInto('similarity_matches').values([match(a.caseId, a.submissionId, b.caseId), match(b.caseId, b.submissionId, a.caseId)]).execute();
    await db.updateTable('campaigns').set({ phase: 'screening' }).execute();
  }, 180_000);

  it('filters, selects and passes cases in bulk, and shows the progress', async () => {
    const desk = await openPage(suite.browser, DESKTOP, `${suite.url}/app/org/screening`, problems);
    await signInThroughForm(desk.page, ADMIN.email, ADMIN.password);
    await desk.page.waitForURL(/\/app\/org\/screening$/);
    await desk.page.getByText('共 3 个案例').waitFor();
    await desk.page.screenshot({ path: `${SCREENSHOTS}/screening-desktop.png`, fullPage: true });
    const found = await axeProblems(desk.page);
    await desk.page.getByRole('checkbox', { name: '红色物业让社区治理更有温度' }).check();
    await desk.page.getByRole('button', { name: '批量结论' }).click();
    await desk.page.getByRole('button', { name: /^确\s?认$/ }).click();
    // The outcome in the row, not the toast: a toast may be gone on a slow machine before it is looked for.
    await desk.page.locator('tr', { hasText: '红色物业让社区治理更有温度' }).locator('.ant-tag', { hasText: '已通过' }).waitFor();
    await desk.page.screenshot({ path: `${SCREENSHOTS}/screening-desktop-decided.png`, fullPage: true });
    await desk.page.goto(`${suite.url}/app/org/progress`);
    await desk.page.getByRole('heading', { name: '按类别' }).waitFor();
    await desk.page.screenshot({ path: `${SCREENSHOTS}/progress-desktop.png`, fullPage: true });
    found.push(...(await axeProblems(desk.page)));
    await desk.page.getByText('English').first().click();
    await desk.page.getByRole('heading', { name: 'By category' }).waitFor();
    await desk.page.goto(`${suite.url}/app/org/screening`);
    await desk.page.getByText('3 cases').waitFor();
    await desk.page.screenshot({ path: `${SCREENSHOTS}/screening-desktop-en.png`, fullPage: true });

    const phone = await openPage(suite.browser, PHONE, `${suite.url}/app/org/screening`, problems);
    await signInThroughForm(phone.page, ADMIN.email, ADMIN.password);
    await phone.page.getByText('共 3 个案例').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.page.screenshot({ path: `${SCREENSHOTS}/screening-phone.png`, fullPage: true });
    found.push(...(await axeProblems(phone.page)));
    await phone.page.goto(`${suite.url}/app/org/progress`);
    await phone.page.getByRole('heading', { name: '按类别' }).waitFor();
    await phone.page.screenshot({ path: `${SCREENSHOTS}/progress-phone.png`, fullPage: true });
    found.push(...(await axeProblems(phone.page)));
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
