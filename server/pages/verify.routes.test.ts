import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfStrings } from '../documents/pdf-text.ts';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../testing/cases.ts';
import { UNIT_INPUT } from '../testing/people.ts';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';
import { uploadFile } from '../testing/tus.ts';

const sha256sum = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
// The page as a person reads it (and copies it: a <wbr> adds nothing): tags dropped, entities decoded, white space collapsed.
const pageText = (html: string) => html.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<wbr\/?>/g, '').replace(/<[^>]+>/g, ' ')
  .replace(/&quot;/g, '"').replace(/&#x27;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

async function submittedCase() {
  const { app } = await createTestApp();
  const draft = await createDraftCase(app, { unitName: UNIT_INPUT.name });
  await saveContent(draft.client, draft.caseId, completeContent(4000));
  await attachRequiredFiles(app, draft.caseId);
  const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 10, g: 120, b: 10 } } }).jpeg().toBuffer();
  expect((await uploadFile(draft.client, draft.caseId, 'photos', '李华家门口.jpg', photo)).patched!.statusCode).toBe(204);
  const receipt = (await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() })).json().data;
  return { app, ...draft, photo, receipt };
}

// What a receipt number must never reveal to whoever holds it.
const PRIVATE = [UNIT_INPUT.name, '“红色物业”让社区治理更有温度', '红色物业', '李华', '申报表.pdf', '盖章申报表.pdf', '李华家门口.jpg', 'lihua@example.cn', '社区党委牵头'];

describe(`the public receipt verification page (${testEngine()})`, () => {
  it('confirms a real receipt with its time, campaign and hashes, and shows nothing private', async () => {
    const { app, client, caseId, photo, receipt } = await submittedCase();
    const photoAttachment = receipt.attachments.find((a: { kind: string }) => a.kind === 'photos');

    const res = await app.inject({ url: `/verify?number=${receipt.receiptNumber}` });

    expect([res.statusCode, res.headers['content-type'], res.headers['cache-control']]).toEqual([200, 'text/html; charset=utf-8', 'no-store']);
    const text = pageText(res.body);
    for (const shown of [
      `回执编号 ${receipt.receiptNumber} 由本平台签发。`, '这是该案例最近一次提交，有效。', '第七届全国基层党建创新典型案例征集活动',
      '2024-05-01 10:00:00（北京时间，UTC+08:00）', '第 1 次提交', receipt.contentSha256, `收到的文件: ${sha256sum(photo)}`, `存储的重新编码副本: ${photoAttachment.sha256}`,
      '附件（3 个）', '相关图片',
    ]) expect(text).toContain(shown);
    expect(PRIVATE.filter((p) => res.body.includes(p))).toEqual([]);

    // The receipt and its mail name the page that confirms it.
    const pdf = pdfStrings((await client.get(`/api/v1/cases/${caseId}/submissions/1/receipt.pdf`)).rawPayload).join('');
    expect(pdf).toContain(`${app.baseUrl}/verify?number=${receipt.receiptNumber}`);
    const mail = await app.db.selectFrom('mails').select('text_body').where('template', '=', 'case_receipt').executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(`任何人都可以在此核验本回执：\n${app.baseUrl}/verify?number=${receipt.receiptNumber}\n`);
  });

  it('says “not found” for a made-up number, with a 404 and nothing else', async () => {
    const { app } = await submittedCase();
    const res = await app.inject({ url: '/verify?number=Z7-20240501-ABCDEFGH' });
    const text = pageText(res.body);
    expect(res.statusCode).toBe(404);
    expect(text).toContain('没有找到回执编号“Z7-20240501-ABCDEFGH”。请检查是否输入有误；回执编号形如 Z7-20240630-7K3M9QX2。');
    expect(text).not.toContain('回执编号 Z7-20240501-ABCDEFGH 由本平台签发。');
    expect(res.body).not.toContain('data-result="found"');
    expect(PRIVATE.filter((p) => res.body.includes(p))).toEqual([]);
  });

  it('checks a hash from sha256sum against the receipt, in English with ?lang=en, for a number typed in lower case', async () => {
    const { app, photo, receipt } = await submittedCase();
    const typed = encodeURIComponent(` ${receipt.receiptNumber.toLowerCase()} `);
    const match = pageText((await app.inject({ url: `/verify?lang=en&number=${typed}&sha256=${sha256sum(photo).toUpperCase()}` })).body);
    const miss = pageText((await app.inject({ url: `/verify?lang=en&number=${typed}&sha256=${'0'.repeat(64)}` })).body);
    expect(match).toContain(`Receipt number ${receipt.receiptNumber} was issued by this platform.`);
    expect(match).toContain('Match: this is the SHA-256 of attachment 1 as received.');
    expect(match).toContain('2024-05-01 10:00:00 (Beijing time, UTC+08:00)');
    expect(miss).toContain(`No match: ${'0'.repeat(64)} is none of the SHA-256 hashes on this receipt.`);
    const typo = pageText((await app.inject({ url: `/verify?lang=en&number=${typed}&sha256=${sha256sum(photo).slice(1)}` })).body);
    expect(typo).toContain(`“${sha256sum(photo).slice(1)}” is not a SHA-256: a SHA-256 has 64 hexadecimal digits (0–9, a–f).`);
  });

  it('says when a later submission replaced the receipt', async () => {
    const { app, client, caseId, receipt } = await submittedCase();
    expect((await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() })).statusCode).toBe(201);
    expect(pageText((await app.inject({ url: `/verify?number=${receipt.receiptNumber}` })).body)).toContain('该案例此后重新提交过，本回执已被后一次提交取代。');
  });

  it('answers 30 look-ups a minute from one address, then refuses', async () => {
    const { app } = await createTestApp();
    const answers = [];
    for (let i = 0; i < 31; i += 1) answers.push((await app.inject({ url: `/verify?number=Z7-20240501-${String(i).padStart(8, '0')}` })).statusCode);
    expect(answers).toEqual([...Array(30).fill(404), 429]);
  });
});
