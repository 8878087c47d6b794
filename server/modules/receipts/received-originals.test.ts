import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfStrings } from '../../documents/pdf-text.ts';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../../testing/cases.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { uploadFile } from '../../testing/tus.ts';

// What `sha256sum IMG_0001.jpg` prints, computed apart from the code under test.
const sha256sum = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A phone photo with its camera and location in EXIF: what the stored copy is cleaned of. */
function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .withExif({ IFD0: { Make: 'HuaweiTestCam', Model: 'P60' } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

async function submittedWithPhoto() {
  const { app } = await createTestApp();
  const draft = await createDraftCase(app);
  await saveContent(draft.client, draft.caseId, completeContent(4000));
  const [form, sealed] = await attachRequiredFiles(app, draft.caseId);
  const photo = await phonePhoto();
  const { patched } = await uploadFile(draft.client, draft.caseId, 'photos', 'IMG_0001.jpg', photo);
  expect(patched!.statusCode).toBe(204);
  const submit = await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() });
  expect(submit.statusCode).toBe(201);
  return { app, ...draft, photo, form: form!, sealed: sealed!, receipt: submit.json().data, attachmentId: patched!.headers['zhengji-attachment-id'] as string };
}

describe(`a receipt the unit checks with sha256sum (${testEngine()})`, () => {
  it('states the hash of the picture as sent, apart from the re-encoded copy stored, and gives those exact bytes back', async () => {
    const { app, client, caseId, photo, receipt, attachmentId } = await submittedWithPhoto();
    const stored = (await client.get(`/api/v1/attachments/${attachmentId}/file`)).rawPayload;
    expect(sha256sum(stored)).not.toBe(sha256sum(photo));

    // The helper stores the forms with today's time, the upload with the test clock's: the photo is first.
    expect(receipt.attachments[0]).toEqual({
      id: attachmentId, kind: 'photos', fileName: 'IMG_0001.jpg', mediaType: 'image/jpeg',
      size: stored.length, sha256: sha256sum(stored), receivedSha256: sha256sum(photo), receivedSize: photo.length,
    });
    const pdf = pdfStrings((await client.get(`/api/v1/cases/${caseId}/submissions/1/receipt.pdf`)).rawPayload);
    const at = pdf.indexOf('1. 相关图片');
    expect(pdf.slice(at, at + 6)).toEqual(['1. 相关图片', `IMG_0001.jpg（${(photo.length / 1024).toFixed(1)} KB）`, 'SHA-256（收到的文件）', sha256sum(photo), 'SHA-256（存储副本）', sha256sum(stored)]);

    const original = await client.get(`/api/v1/attachments/${attachmentId}/original`);
    expect([original.statusCode, original.headers['content-type'], original.headers['x-content-type-options'], sha256sum(original.rawPayload)])
      .toEqual([200, 'application/octet-stream', 'nosniff', sha256sum(photo)]);
    expect(original.headers['content-disposition']).toMatch(/^attachment; /);
    expect(original.rawPayload.equals(photo)).toBe(true);
    const row = await app.db.selectFrom('blobs').select(['sha256', 'size', 'media_type']).where('sha256', '=', sha256sum(photo)).executeTakeFirstOrThrow();
    expect(row).toEqual({ sha256: sha256sum(photo), size: photo.length, media_type: 'image/jpeg' });
  });

  it('gives the original, which keeps the camera and location, to the unit only; the organizers get the cleaned copy', async () => {
    const { app, attachmentId } = await submittedWithPhoto();
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'org@example.cn');
    const original = await organizer.get(`/api/v1/attachments/${attachmentId}/original`);
    const missing = await organizer.get(`/api/v1/attachments/${randomUUID()}/original`);
    expect([original.statusCode, original.json().error]).toEqual([404, missing.json().error]);
    expect((await organizer.get(`/api/v1/attachments/${attachmentId}/file`)).statusCode).toBe(200);
  });

  it('states a file kept as sent (a PDF) by one hash, the received one being the stored one', async () => {
    const { client, caseId, receipt, form } = await submittedWithPhoto();
    expect(receipt.attachments[1]).toMatchObject({ fileName: '申报表.pdf', sha256: form.sha256, receivedSha256: form.sha256 });
    const pdf = pdfStrings((await client.get(`/api/v1/cases/${caseId}/submissions/1/receipt.pdf`)).rawPayload);
    const at = pdf.indexOf('2. 申报表电子版');
    expect(pdf.slice(at, at + 5)).toEqual(['2. 申报表电子版', `申报表.pdf（${receipt.attachments[1].size} B）`, 'SHA-256', form.sha256, '3. 加盖公章的申报表照']);
  });
});
