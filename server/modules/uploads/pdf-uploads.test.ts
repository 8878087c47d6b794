import { describe, expect, it } from 'vitest';
import { minimalDocxEntries, zipBytes } from '../../../core/files/testing/zip-bytes.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { testPdf } from '../../testing/pdf-files.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { TestClient } from '../../testing/test-client.ts';
import { sha256, uploadFile } from '../../testing/tus.ts';

const CSP = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'";
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function uploadSealedForm(name: string, bytes: Uint8Array) {
  const { app } = await createTestApp();
  const { client, caseId } = await createDraftCase(app);
  const { patched } = await uploadFile(client, caseId, 'sealed-form', name, bytes);
  const attachments = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data as { id: string; sha256: string }[];
  return { client, caseId, patched: patched!, attachments };
}

describe(`PDF uploads, judged by parsing them (${testEngine()})`, () => {
  it('refuses JavaScript hidden in a compressed object stream, as in a plain object', async () => {
    for (const objectStreams of [false, true]) {
      const { patched, attachments } = await uploadSealedForm('盖章申报表.pdf', await testPdf({ openActionScript: 'app.alert(1)', objectStreams }));
      expect([patched.statusCode, patched.json().error, attachments]).toEqual([422, {
        code: 'file_unsafe', message: '文件“盖章申报表.pdf”未通过安全检查：PDF 中含有脚本、自动启动操作或嵌入的文件。', details: { reason: 'pdf_script' },
      }, []]);
    }
  });

  it('refuses a "PDF" that cannot be parsed, in the reader\'s language', async () => {
    const { patched } = await uploadSealedForm('scan.pdf', Buffer.from('%PDF-1.4\nnot really a PDF\n%%EOF\n'));
    expect([patched.statusCode, patched.json().error.details, patched.json().error.message]).toEqual([422, { reason: 'unreadable' }, '文件“scan.pdf”未通过安全检查：文件已损坏或结构不完整，无法完成检查。']);
  });

  it('keeps a normal PDF with text', async () => {
    const pdf = await testPdf({ text: 'Sealed declaration form', objectStreams: true });
    const { patched, attachments } = await uploadSealedForm('盖章申报表.pdf', pdf);
    expect([patched.statusCode, attachments.map((a) => a.sha256)]).toEqual([204, [sha256(pdf)]]);
  });
});

/** The headers a stored file is served with, as a browser would act on them. */
async function served(client: TestClient, attachmentId: string, file = 'file') {
  const res = await client.get(`/api/v1/attachments/${attachmentId}/${file}`);
  return {
    status: res.statusCode, type: res.headers['content-type'], disposition: String(res.headers['content-disposition']).split(';')[0],
    csp: res.headers['content-security-policy'], nosniff: res.headers['x-content-type-options'],
  };
}

describe(`serving what users uploaded (${testEngine()})`, () => {
  it('serves a PDF as a download under a sandboxing CSP, never inline', async () => {
    const { client, attachments } = await uploadSealedForm('盖章申报表.pdf', await testPdf());
    expect(await served(client, attachments[0]!.id)).toEqual({ status: 200, type: 'application/pdf', disposition: 'attachment', csp: CSP, nosniff: 'nosniff' });
  });

  it('serves a Word document as a download, and only a re-encoded picture and its thumbnail inline, all sandboxed', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await uploadFile(client, caseId, 'declaration-form', '申报表.docx', zipBytes(minimalDocxEntries()));
    await uploadFile(client, caseId, 'photos', '照片.png', PNG_1X1);
    const list = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data as { id: string; fileName: string }[];
    const docx = list.find((a) => a.fileName === '申报表.docx');
    const photo = list.find((a) => a.fileName === '照片.png');
    const urls = [[docx!.id, 'file'], [photo!.id, 'file'], [photo!.id, 'file?download=1'], [photo!.id, 'thumbnail']] as const;
    expect(await Promise.all(urls.map(([id, file]) => served(client, id, file)))).toEqual([
      { status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', disposition: 'attachment', csp: CSP, nosniff: 'nosniff' },
      { status: 200, type: 'image/png', disposition: 'inline', csp: CSP, nosniff: 'nosniff' },
      { status: 200, type: 'image/png', disposition: 'attachment', csp: CSP, nosniff: 'nosniff' },
      { status: 200, type: 'image/webp', disposition: 'inline', csp: CSP, nosniff: 'nosniff' },
    ]);
  });
});
