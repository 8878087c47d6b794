import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../server/testing/cases.ts';
import { uploadFile } from '../server/testing/tus.ts';
import { browserSuite, describeInChromium, fitsWidth, openPage, PHONE, SCREENSHOTS, startServerDuringWindow } from './browser.ts';

// A unit checks its receipt on the public page with its own photo: the browser hashes the file
// (it is never uploaded) and the page names the attachment whose received hash it is.
describeInChromium('the receipt verification page in a browser', () => {
  const suite = browserSuite({ start: () => startServerDuringWindow(), workbench: false });
  let receiptNumber: string;
  let photo: Buffer;
  const problems: string[] = [];

  beforeAll(async () => {
    const draft = await createDraftCase(suite.app);
    await saveContent(draft.client, draft.caseId, completeContent(3000));
    await attachRequiredFiles(suite.app, draft.caseId);
    photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#b22' } }).withExif({ IFD0: { Make: 'HuaweiTestCam' } }).jpeg().toBuffer();
    const { patched } = await uploadFile(draft.client, draft.caseId, 'photos', 'IMG_0001.jpg', photo);
    if (patched?.statusCode !== 204) throw new Error(`upload failed: ${patched?.body}`);
    const submitted = await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() });
    if (submitted.statusCode !== 201) throw new Error(`submit failed: ${submitted.body}`);
    receiptNumber = submitted.json().data.receiptNumber;
  }, 120_000);

  it('hashes the chosen photo in the browser and confirms it is the picture the receipt lists as received', async () => {
    const { context, page } = await openPage(suite.browser, PHONE, `${suite.url}/verify?number=${receiptNumber}`, problems);
    await page.locator('#hash-file').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => page.locator('#sha256').inputValue()).toBe(createHash('sha256').update(photo).digest('hex'));
    await page.getByRole('button', { name: '核验' }).click();
    await expect.poll(() => page.locator('[data-match]').innerText()).toBe('一致：这是第 1 个附件（收到的文件）的 SHA-256。');
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/verify-receipt-phone.png`, fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
  });
});
