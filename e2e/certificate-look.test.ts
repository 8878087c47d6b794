import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { setPhase } from '../server/testing/assignments.ts';
import { createSubmittedCase } from '../server/testing/cases.ts';
import { PASSWORD } from '../server/testing/people.ts';
import { pdfStrings } from '../server/documents/pdf-text.ts';
import { axeViolations } from './axe-rules.ts';
import { browserSuite, describeInChromium, fitsWidth, openPage, PHONE, signInThroughForm, startServerDuringWindow } from './browser.ts';

// Issue 15 item 4 in a browser: the unit downloads its certificate from its case page on a phone,
// and a visitor opens the certificate's QR link and sees it confirmed; an edited link is refused.

const SHOTS = path.resolve('docs/screenshots');
const UNIT = '吉林省长春市朝阳区𠮷祥街道第一社区党委';
const TITLE = '“红色物业”让社区治理更有温度';
const SERIAL = 'ZJ7-0001-7K3M9QX2';
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;

describeInChromium('the certificate of a final case in a browser', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow() });
  const problems: string[] = [];
  let caseId: string;
  let email: string;

  beforeAll(async () => {
    const app = suite.app;
    const submitted = await createSubmittedCase(app, { email: 'unit@example.cn', unitName: UNIT, title: TITLE });
    ({ caseId, email } = submitted);
    const campaign = await app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    await app.db.insertInto('final_results').values({ campaign_id: campaign.id, case_id: caseId, tier: 'best', serial: SERIAL, finalized_at: '2026-12-06T16:30:00.000Z' }).execute();
    await setPhase(app, 'final');
  }, 120_000);

  it('shows the unit its result on its case page on a phone, and downloads the certificate', async () => {
    const { context, page } = await openPage(suite.browser, PHONE, `${suite.url}/app/cases/${caseId}`, problems);
    await signInThroughForm(page, email, PASSWORD);
    const card = page.getByTestId('case-result');
    await card.getByText('最佳案例').waitFor();
    expect(await card.innerText()).toContain('结果于 2026-12-07 确定');
    expect(await card.innerText()).toContain(SERIAL);
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/certificate-case-phone.png` });
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: '下载荣誉证书' }).click()]);
    expect(download.suggestedFilename()).toBe(`荣誉证书-${SERIAL}.pdf`);
    const file = path.join(suite.app.dataDir, 'certificate.pdf');
    await download.saveAs(file);
    const pdf = readFileSync(file);
    const text = pdfStrings(pdf).join('');
    for (const shown of [UNIT, TITLE, '最佳案例', `证书编号：${SERIAL}`]) expect(text).toContain(shown);
    // The first page as paper shows it, for a person to look at.
    if (hasPdftoppm) expect(spawnSync('pdftoppm', ['-png', '-r', '100', '-singlefile', file, `${SHOTS}/certificate-pdf`]).status).toBe(0);

    await page.getByText('English').first().click();
    await card.getByText('Best case').waitFor();
    expect(await card.innerText()).toContain('Final on 2026-12-07');
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('confirms the certificate to a visitor who opens its QR link, and refuses an edited one', async () => {
    const result = (await suite.app.inject({ url: `/api/v1/cases/${caseId}/result` })).statusCode;
    expect(result).toBe(401);
    // The QR code encodes the configured public address; here the server listens on a port of its own.
    const verifyPath = `/certificates/${SERIAL}`;
    const { context, page } = await openPage(suite.browser, PHONE, `${suite.url}${verifyPath}`, problems);
    await page.getByText(`证书 ${SERIAL} 真实有效`).waitFor();
    expect(await page.locator('[data-field="unit"]').innerText()).toBe(UNIT);
    expect(await page.locator('[data-field="case"]').innerText()).toBe(TITLE);
    expect(await page.locator('[data-field="tier"]').innerText()).toBe('最佳案例');
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/certificate-verify-phone.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${suite.url}/certificates/ZJ7-0001-7K3M9QX3?lang=en`);
    await page.getByText('The platform issued no certificate numbered ZJ7-0001-7K3M9QX3.', { exact: false }).waitFor();
    expect(await page.locator('[data-result="refused"]').count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/certificate-verify-refused.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
