import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../testing/cases.ts';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';
import { uploadFile } from '../testing/tus.ts';

// Found by trying the page as a hurried unit does: the page tells it to run sha256sum (or
// certutil on Windows) and paste the result, and it pastes the whole line it got. sha256sum
// prints the hash then the file name; certutil on Windows 7 prints the bytes apart. Both were
// answered "is not a SHA-256".

const sha256sum = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const matchOf = (html: string) => /<p data-match="(\w+)">([^<]*)<\/p>/u.exec(html)?.slice(1);

describe(`pasting what sha256sum or certutil printed into the verification page (${testEngine()})`, () => {
  it('finds the hash in the whole line and answers the match, in both languages', async () => {
    const { app } = await createTestApp();
    const draft = await createDraftCase(app);
    await saveContent(draft.client, draft.caseId, completeContent(4000));
    await attachRequiredFiles(app, draft.caseId);
    const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 10, g: 90, b: 200 } } })
      .withExif({ IFD0: { Make: 'HuaweiTestCam' } }).jpeg().toBuffer();
    expect((await uploadFile(draft.client, draft.caseId, 'photos', 'IMG_0001.jpg', photo)).patched!.statusCode).toBe(204);
    const number = (await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() })).json().data.receiptNumber;
    const hash = sha256sum(photo);
    const page = async (typed: string, lang = 'zh-CN') =>
      matchOf((await app.inject({ url: `/verify?lang=${lang}&number=${number}&sha256=${encodeURIComponent(typed)}` })).body);

    expect(await page(`${hash}  IMG_0001.jpg\n`)).toEqual(['received', '一致：这是第 1 个附件（收到的文件）的 SHA-256。']);
    expect(await page(`${hash} *IMG_0001.jpg`, 'en')).toEqual(['received', 'Match: this is the SHA-256 of attachment 1 as received.']);
    expect(await page(hash.toUpperCase().replace(/(..)(?!$)/gu, '$1 '))).toEqual(['received', '一致：这是第 1 个附件（收到的文件）的 SHA-256。']);
    expect(await page(`${'0'.repeat(64)}  other.jpg`)).toEqual(['none', `不一致：${'0'.repeat(64)} 不是本回执上的任何 SHA-256。`]);
    expect(await page('IMG_0001.jpg')).toEqual(['invalid', '“IMG_0001.jpg”不是 SHA-256：SHA-256 是 64 位十六进制数（0–9、a–f）。']);
  });
});
