import { describe, expect, it } from 'vitest';
import { createDraftCase } from '../../testing/cases.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { uploadFile } from '../../testing/tus.ts';

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41'), Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251))]);

async function caseWithVideo(options: { now?: Date } = {}) {
  const test = await createTestApp(options);
  const draft = await createDraftCase(test.app);
  const { patched } = await uploadFile(draft.client, draft.caseId, 'videos', '社区“红色物业”纪实.mp4', MP4);
  return { ...test, ...draft, attachmentId: patched!.headers['zhengji-attachment-id'] as string };
}

describe(`attachment files (${testEngine()})`, () => {
  it('serves the whole file with what a video player needs', async () => {
    const { client, attachmentId } = await caseWithVideo();
    const res = await client.get(`/api/v1/attachments/${attachmentId}/file`);
    expect({
      status: res.statusCode, type: res.headers['content-type'], length: res.headers['content-length'], ranges: res.headers['accept-ranges'],
      disposition: res.headers['content-disposition'], nosniff: res.headers['x-content-type-options'], csp: res.headers['content-security-policy'],
    }).toEqual({
      status: 200, type: 'video/mp4', length: String(MP4.length), ranges: 'bytes',
      disposition: `inline; filename="attachment-${res.headers.etag!.slice(1, 13)}"; filename*=UTF-8''${encodeURIComponent('社区“红色物业”纪实.mp4')}`,
      nosniff: 'nosniff', csp: "sandbox; default-src 'none'; img-src 'self'; media-src 'self'",
    });
    expect(Buffer.compare(res.rawPayload, MP4)).toBe(0);
    const download = await client.get(`/api/v1/attachments/${attachmentId}/file?download=1`);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=10000-', 10000, MP4.length - 1],
    ['bytes=-28', MP4.length - 28, MP4.length - 1],
  ])('answers Range: %s with 206 and exactly those bytes', async (range, start, end) => {
    const { client, attachmentId } = await caseWithVideo();
    const res = await client.request({ url: `/api/v1/attachments/${attachmentId}/file`, headers: { range } });
    expect([res.statusCode, res.headers['content-range'], res.headers['content-length']]).toEqual([206, `bytes ${start}-${end}/${MP4.length}`, String(end - start + 1)]);
    expect(Buffer.compare(res.rawPayload, MP4.subarray(start, end + 1))).toBe(0);
  });

  it('answers a range past the end 416, a stale If-Range with the whole file, a known ETag 304', async () => {
    const { client, attachmentId } = await caseWithVideo();
    const url = `/api/v1/attachments/${attachmentId}/file`;
    const past = await client.request({ url, headers: { range: `bytes=${MP4.length}-` } });
    expect([past.statusCode, past.headers['content-range']]).toEqual([416, `bytes */${MP4.length}`]);
    const etag = (await client.get(url)).headers.etag as string;
    const stale = await client.request({ url, headers: { range: 'bytes=0-9', 'if-range': '"something-else"' } });
    expect([stale.statusCode, stale.rawPayload.length]).toEqual([200, MP4.length]);
    const cached = await client.request({ url, headers: { 'if-none-match': etag } });
    expect([cached.statusCode, cached.rawPayload.length]).toEqual([304, 0]);
  });

  it("shows a case's files to its organizers and to nobody outside its unit", async () => {
    const { app, caseId, attachmentId } = await caseWithVideo();
    const campaign = await app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
    await createPerson(app.db, { email: 'stranger@example.cn' });
    const organizer = await signedIn(app, 'org@example.cn');
    const stranger = await signedIn(app, 'stranger@example.cn');
    expect((await organizer.get(`/api/v1/attachments/${attachmentId}/file`)).statusCode).toBe(200);
    expect((await organizer.get(`/api/v1/cases/${caseId}/attachments`)).json().data.map((a: { id: string }) => a.id)).toEqual([attachmentId]);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const url of [`/api/v1/attachments/${attachmentId}/file`, `/api/v1/cases/${caseId}/attachments`]) {
      const hidden = await stranger.get(url);
      const none = await stranger.get(url.replace(/[0-9a-f-]{36}/, missing));
      expect([hidden.statusCode, hidden.json().error]).toEqual([none.statusCode, none.json().error]);
      expect(hidden.statusCode).toBe(404);
    }
    const removal = await organizer.request({ method: 'DELETE', url: `/api/v1/attachments/${attachmentId}` });
    expect([removal.statusCode, removal.json().error.code]).toEqual([404, 'not_found']);
  });
});

describe(`removing an attachment (${testEngine()})`, () => {
  it('takes it out of the draft, records who did, and keeps the bytes for submitted versions', async () => {
    const { app, client, caseId, attachmentId } = await caseWithVideo();
    const res = await client.request({ method: 'DELETE', url: `/api/v1/attachments/${attachmentId}` });
    expect(res.statusCode).toBe(204);
    expect((await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data).toEqual([]);
    expect((await client.get(`/api/v1/attachments/${attachmentId}/file`)).statusCode).toBe(200);
    const audit = await app.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', 'like', 'attachment.%').orderBy('id').execute();
    expect(audit).toEqual([{ action: 'attachment.add', subject_id: caseId }, { action: 'attachment.remove', subject_id: caseId }]);
    const again = await client.request({ method: 'DELETE', url: `/api/v1/attachments/${attachmentId}` });
    expect(again.statusCode).toBe(404);
  });

  it('is refused once the case can no longer change', async () => {
    const { client, attachmentId, setNow } = await caseWithVideo({ now: new Date('2024-06-25T02:00:00.000Z') });
    setNow(new Date('2024-07-01T00:00:00.000Z'));
    const res = await client.request({ method: 'DELETE', url: `/api/v1/attachments/${attachmentId}` });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'case_read_only']);
  });
});
