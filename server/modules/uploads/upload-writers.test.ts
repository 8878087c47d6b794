import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uploadFilePath } from '../../storage/local-uploads.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { DURING_WINDOW } from '../../testing/fixtures.ts';
import { testPdf } from '../../testing/pdf-files.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { createTusUpload, headTus, patchTus, sha256 } from '../../testing/tus.ts';
import { resolveSession } from '../auth/auth.service.ts';
import { finishUpload } from './finish-upload.ts';
import { claimUploadWriter, releaseUploadWriter, renewUploadWriter } from './uploads.repository.ts';
import { removeExpiredUploads } from './upload-sweeps.ts';

// Two instances behind a load balancer share an upload's row: while one holds the writer's lease
// (a PATCH it is still receiving, perhaps for a connection the client gave up on), a PATCH on the
// other is told to retry, and a crashed instance's lease runs out by itself.

const PDF = await testPdf({ text: 'People\'s Daily report', minBytes: 60_000 });

describe(`the writer's lease on an upload (${testEngine()})`, () => {
  it('turns a PATCH away with 423 while another instance holds the lease, and takes it once the lease runs out', async () => {
    const { app, setNow } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: '报道.pdf', length: PDF.length });
    const location = created.headers.location as string;
    expect((await patchTus(client, location, 0, PDF.subarray(0, 20_000))).statusCode).toBe(204);
    // A finished PATCH gives its lease back.
    expect(await app.db.selectFrom('uploads').select(['writer', 'writer_until']).executeTakeFirstOrThrow()).toEqual({ writer: null, writer_until: null });

    // Another instance is still writing (its lease runs 30 s from now).
    await app.db.updateTable('uploads').set({ writer: 'another-instance', writer_until: new Date(DURING_WINDOW.getTime() + 30_000).toISOString() }).execute();
    const busy = await patchTus(client, location, 20_000, PDF.subarray(20_000), { 'accept-language': 'zh-CN' });
    expect([busy.statusCode, busy.json().error.code, busy.json().error.message]).toEqual([423, 'upload_busy', '这个文件的上一次上传还没有结束，请稍候几秒，上传会自动继续。']);
    expect((await headTus(client, location)).headers['upload-offset']).toBe('20000');

    // That instance died: its lease runs out and the upload carries on here.
    setNow(new Date(DURING_WINDOW.getTime() + 30_001));
    const rest = await patchTus(client, location, 20_000, PDF.subarray(20_000));
    expect([rest.statusCode, rest.headers['upload-offset']]).toEqual([204, String(PDF.length)]);
    const list = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
    expect(list.map((a: { sha256: string }) => a.sha256)).toEqual([sha256(PDF)]);
  });

  it('neither cancels nor sweeps away an upload another instance is writing, and one finished elsewhere meanwhile makes no second attachment', async () => {
    const { app, setNow, dataDir } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const location = (await createTusUpload(client, { caseId, kind: 'media-reports', filename: '报道.pdf', length: PDF.length })).headers.location as string;
    expect((await patchTus(client, location, 0, PDF.subarray(0, 20_000))).statusCode).toBe(204);
    const held = { writer: 'another-instance', writer_until: '2024-05-30T00:00:00.000Z' };
    await app.db.updateTable('uploads').set(held).execute();
    const cancel = await client.request({ method: 'DELETE', url: location, headers: { 'tus-resumable': '1.0.0' } });
    expect([cancel.statusCode, cancel.json().error.code]).toEqual([423, 'upload_busy']);
    expect(await removeExpiredUploads(app.db, new Date('2024-05-09T00:00:00.000Z'), app.storage)).toBe(0);
    expect(await app.db.selectFrom('uploads').select('id').execute()).toHaveLength(1);

    // Every byte arrived, and the other instance finished it while this one was stalled: this
    // one's finish adds nothing.
    writeFileSync(uploadFilePath(dataDir, location.split('/').pop()!), PDF);
    await app.db.updateTable('uploads').set({ writer: null, writer_until: null, attachment_id: 'finished-elsewhere' }).execute();
    const upload = await app.db.selectFrom('uploads').selectAll().executeTakeFirstOrThrow();
    setNow(DURING_WINDOW);
    await expect(finishUpload(app.db, (await resolveSession(app.db, client.cookies.zhengji_session!, DURING_WINDOW))!, { ...upload, attachment_id: null }, undefined, app.clock, app.storage)).rejects.toMatchObject({ code: 'upload_busy' });
    expect(await app.db.selectFrom('attachments').select('id').execute()).toEqual([]);
    expect(await app.db.selectFrom('uploads').select('attachment_id').execute()).toEqual([{ attachment_id: 'finished-elsewhere' }]);
  });

  it('renews only a lease still held: one that ran out and was given back by the instance that took it is not taken again', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const id = ((await createTusUpload(client, { caseId, kind: 'media-reports', filename: '报道.pdf', length: PDF.length })).headers.location as string).split('/').pop()!;
    const until = '2024-05-01T02:00:15.000Z';
    expect(await claimUploadWriter(app.db, id, 'stalled', '2024-05-01T02:00:00.000Z', until)).toBe(true);
    expect(await renewUploadWriter(app.db, id, 'stalled', until)).toBe(true);
    // The lease ran out; another instance took the upload, wrote and gave it back.
    expect(await claimUploadWriter(app.db, id, 'other', '2024-05-01T02:00:16.000Z', '2024-05-01T02:00:31.000Z')).toBe(true);
    await releaseUploadWriter(app.db, id, 'other');
    expect(await renewUploadWriter(app.db, id, 'stalled', '2024-05-01T02:00:40.000Z')).toBe(false);
    expect(await app.db.selectFrom('uploads').select(['writer', 'writer_until']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ writer: null, writer_until: null });
  });
});
