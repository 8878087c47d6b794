import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { completeContent, createSubmittedCase } from '../server/testing/cases.ts';
import { ADMIN, ADMIN_ENV, browserSuite, describeInChromium, DESKTOP, openPage, PHONE, SCREENSHOTS, signInThroughForm, startServerDuringWindow } from './browser.ts';

// The organizer's screening queue and progress pages at phone and desktop size: a pass through
// the bulk dialog, and screenshots to look at.
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
    await desk.page.getByRole('checkbox', { name: '红色物业让社区治理更有温度' }).check();
    await desk.page.getByRole('button', { name: '批量结论' }).click();
    await desk.page.getByRole('button', { name: /^确\s?认$/ }).click();
    await desk.page.getByText('已对 1 个案例作出结论').waitFor();
    await desk.page.screenshot({ path: `${SCREENSHOTS}/screening-desktop-decided.png`, fullPage: true });
    await desk.page.goto(`${suite.url}/app/org/progress`);
    await desk.page.getByRole('heading', { name: '按类别' }).waitFor();
    await desk.page.screenshot({ path: `${SCREENSHOTS}/progress-desktop.png`, fullPage: true });

    const phone = await openPage(suite.browser, PHONE, `${suite.url}/app/org/screening`, problems);
    await signInThroughForm(phone.page, ADMIN.email, ADMIN.password);
    await phone.page.getByText('共 3 个案例').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.page.screenshot({ path: `${SCREENSHOTS}/screening-phone.png`, fullPage: true });
    await phone.page.goto(`${suite.url}/app/org/progress`);
    await phone.page.getByRole('heading', { name: '按类别' }).waitFor();
    await phone.page.screenshot({ path: `${SCREENSHOTS}/progress-phone.png`, fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
