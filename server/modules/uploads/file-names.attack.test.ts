import { describe, expect, it } from 'vitest';
import { DOCM_MAIN, MS_REL, wordPackageEntries } from '../../../core/files/testing/office-packages.ts';
import { zipBytes } from '../../../core/files/testing/zip-bytes.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { testPdf } from '../../testing/pdf-files.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { uploadFile } from '../../testing/tus.ts';

// A file's bytes decide its type; its name must not send it to another program on the
// organizer's computer.

describe(`stored files are named for their type (${testEngine()})`, () => {
  it('names a PDF that is also a macro document "申报表.docm.pdf", in the list and the download header', async () => {
    const docm = zipBytes(wordPackageEntries({
      mainType: DOCM_MAIN, documentRels: [[`${MS_REL}/vbaProject`, 'vbaProject.bin']],
      parts: [{ name: 'word/vbaProject.bin', data: new Uint8Array(64) }],
    }));
    // Zip readers find the archive from its end, PDF readers from its start.
    const polyglot = Buffer.concat([await testPdf(), docm]);
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const { patched } = await uploadFile(client, caseId, 'declaration-form', '申报表.docm', polyglot);
    const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data as { id: string; fileName: string; mediaType: string }[];
    const download = await client.get(`/api/v1/attachments/${attachment!.id}/file`);
    expect([patched!.statusCode, attachment!.fileName, attachment!.mediaType, download.headers['content-disposition']]).toEqual([
      204, '申报表.docm.pdf', 'application/pdf',
      `attachment; filename="attachment-${String(download.headers.etag).slice(1, 13)}"; filename*=UTF-8''${encodeURIComponent('申报表.docm.pdf')}`,
    ]);
  });

  it('keeps a name whose extension is one of its type\'s, in any case', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await uploadFile(client, caseId, 'media-reports', '报道.PDF', await testPdf());
    const names = ((await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data as { fileName: string }[]).map((a) => a.fileName);
    expect(names).toEqual(['报道.PDF']);
  });
});
