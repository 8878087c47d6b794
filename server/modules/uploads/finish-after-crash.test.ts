import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adoptFile, blobPath } from '../../storage/blob-store.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { testPdf } from '../../testing/pdf-files.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { createTusUpload, headTus, patchTus, sha256 } from '../../testing/tus.ts';
import { openUploadAt, uploadFilePath } from '../../storage/local-uploads.ts';
import { runningHashes } from './upload-file.ts';

// The state a crash leaves between the last byte and the attachment's commit: every byte on disk,
// the offset saved as the length, no attachment, perhaps the blob already made from the file.

const PDF = await testPdf({ text: 'People\'s Daily report', minBytes: 100_000 });

async function crashedWhileFinishing(options: { blobMade: boolean }) {
  const { app, dataDir } = await createTestApp();
  const { client, caseId } = await createDraftCase(app);
  const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: '报道.pdf', length: PDF.length });
  const location = created.headers.location as string;
  const id = location.split('/').pop()!;
  expect((await patchTus(client, location, 0, PDF.subarray(0, PDF.length - 1))).statusCode).toBe(204);
  // The last byte reaches the disk and the saved offset, then the process dies.
  const file = uploadFilePath(dataDir, id);
  appendFileSync(file, PDF.subarray(PDF.length - 1));
  await app.db.updateTable('uploads').set({ offset: PDF.length }).where('id', '=', id).execute();
  runningHashes.take(id, PDF.length - 1);
  if (options.blobMade) await adoptFile(dataDir, file, sha256(PDF), { keepSource: true });
  return { app, dataDir, client, caseId, location };
}

describe(`an upload the server died finishing (${testEngine()})`, () => {
  for (const blobMade of [false, true]) {
    it(`asks for its last byte again and finishes with it${blobMade ? ', never writing into the blob made from it' : ''}`, async () => {
      const { app, dataDir, client, caseId, location } = await crashedWhileFinishing({ blobMade });
      // A client told "offset = length" would stop with no attachment; it is told one byte less.
      expect((await headTus(client, location)).headers['upload-offset']).toBe(String(PDF.length - 1));
      if (blobMade) {
        // Opening the upload to write at that offset leaves the blob whole.
        const handle = await openUploadAt(dataDir, location.split('/').pop()!, PDF.length - 1);
        await handle.close();
        expect(statSync(blobPath(dataDir, sha256(PDF))).size).toBe(PDF.length);
      }
      const last = await patchTus(client, location, PDF.length - 1, PDF.subarray(PDF.length - 1));
      expect([last.statusCode, last.headers['upload-offset']]).toEqual([204, String(PDF.length)]);
      const list = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
      expect(list).toEqual([expect.objectContaining({ id: last.headers['zhengji-attachment-id'], sha256: sha256(PDF), size: PDF.length })]);
      expect(sha256(readFileSync(blobPath(dataDir, sha256(PDF))))).toBe(sha256(PDF));
      expect((await headTus(client, location)).headers['upload-offset']).toBe(String(PDF.length));
      expect(await app.db.selectFrom('uploads').select('attachment_id').executeTakeFirstOrThrow()).toEqual({ attachment_id: last.headers['zhengji-attachment-id'] });
    });
  }
});
