import { describe, expect, it } from 'vitest';
import { setPhase } from '../../testing/assignments.ts';
import { testPdf } from '../../testing/pdf-files.ts';
import { createOrganizerOfAnotherCampaign, signedIn } from '../../testing/people.ts';
import { SELECTION, selectionWorld } from '../../testing/selection-world.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';
import { headTus, MP4_HEAD, patchTus, sha256, TUS, tusMetadata } from '../../testing/tus.ts';

// Issue 15 item 3: an objection's evidence files through the tus endpoints, sent with the
// objection's upload token and no account, and downloaded by the campaign's organizers only.

const NOTICE = '/api/v1/campaigns/seventh-collection/notice';
const PUBLIC = '/api/v1/public/campaigns/seventh-collection/notice';
const PUBLISHED = new Date('2026-12-01T02:00:00Z');
const OBJECTION = { n: 1, name: '张三', organization: '某街道党工委', phone: '13912345678', email: null, body: '该案例所述成效数据系重复统计，与实际不符。' };

async function filedWorld() {
  const world = await selectionWorld({ best: 1, excellent: 1, categories: {}, provinceCap: null });
  await world.organizer.post(`${SELECTION}/suggestion`, {});
  await world.organizer.post(`${SELECTION}/accept`, {});
  await setPhase(world.app, 'notice');
  world.setNow(PUBLISHED);
  const organizer = await signedIn(world.app, 'organizer@example.cn');
  expect((await organizer.post(NOTICE, { body: '现将拟推荐名单予以公示。' })).statusCode).toBe(200);
  const visitor = new TestClient(world.app);
  const filed = await visitor.post(`${PUBLIC}/objections`, OBJECTION);
  expect(filed.statusCode).toBe(201);
  const { evidence } = filed.json().data as { evidence: { objectionId: string; token: string; expiresAt: string } };
  return { ...world, organizer, visitor, evidence };
}

type Evidence = { objectionId: string; token: string };

function startEvidence(client: TestClient, evidence: Evidence, filename: string, length: number, headers: Record<string, string> = {}) {
  return client.request({
    method: 'POST', url: '/api/v1/uploads',
    headers: { ...TUS, 'upload-length': String(length), 'upload-metadata': tusMetadata({ objectionId: evidence.objectionId, filename }), 'zhengji-upload-token': evidence.token, ...headers },
  });
}

async function sendEvidence(client: TestClient, evidence: Evidence, filename: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
  const created = await startEvidence(client, evidence, filename, bytes.length, headers);
  if (created.statusCode !== 201) return { created, patched: undefined };
  const patched = await patchTus(client, created.headers.location as string, 0, bytes, { 'zhengji-upload-token': evidence.token, ...headers });
  return { created, patched };
}

describe(`objection evidence files (${testEngine()})`, () => {
  it('takes a PDF in two PATCHes with the token and gives it to the organizers', async () => {
    const { app, organizer, visitor, evidence } = await filedWorld();
    expect(evidence.expiresAt).toBe('2026-12-02T02:00:00.000Z');
    const pdf = await testPdf({ text: 'Evidence', minBytes: 30_000 });
    const created = await startEvidence(visitor, evidence, '统计表.pdf', pdf.length);
    expect(created.statusCode).toBe(201);
    const location = created.headers.location as string;
    const token = { 'zhengji-upload-token': evidence.token };
    expect((await patchTus(visitor, location, 0, pdf.subarray(0, 10_000), token)).headers['upload-offset']).toBe('10000');
    const head = await visitor.request({ method: 'HEAD', url: location, headers: { ...TUS, ...token } });
    expect([head.statusCode, head.headers['upload-offset']]).toEqual([200, '10000']);
    const done = await patchTus(visitor, location, 10_000, pdf.subarray(10_000), token);
    expect([done.statusCode, done.headers['upload-offset']]).toEqual([204, String(pdf.length)]);

    const [objection] = (await organizer.get(NOTICE)).json().data.objections;
    expect(objection.files).toEqual([{ id: done.headers['zhengji-attachment-id'], fileName: '统计表.pdf', size: pdf.length, mediaType: 'application/pdf', createdAt: PUBLISHED.toISOString() }]);
    const download = await organizer.get(`${NOTICE}/objections/${objection.id}/files/${objection.files[0].id}`);
    expect([download.statusCode, sha256(download.rawPayload), download.headers['content-type']]).toEqual([200, sha256(pdf), 'application/octet-stream']);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(await app.db.selectFrom('uploads').select(['objection_id', 'case_id', 'created_by']).execute()).toEqual([{ objection_id: objection.id, case_id: null, created_by: null }]);
  });

  it('refuses a 200 MB file before a byte is sent, in the caller’s language', async () => {
    const { app, visitor, evidence } = await filedWorld();
    const zh = await startEvidence(visitor, evidence, '现场录像.pdf', 200 * 1024 * 1024, { 'accept-language': 'zh-CN' });
    expect([zh.statusCode, zh.headers.location, zh.json().error]).toEqual([413, undefined, {
      code: 'file_too_large', message: '文件“现场录像.pdf”超过 20 MB 的大小限制。', details: { maxBytes: 20 * 1024 * 1024 },
    }]);
    const en = await startEvidence(visitor, evidence, 'recording.pdf', 200 * 1024 * 1024, { 'accept-language': 'en' });
    expect([en.statusCode, en.json().error.message]).toEqual([413, 'The file "recording.pdf" is larger than the 20 MB limit.']);
    expect(await app.db.selectFrom('uploads').select('id').execute()).toEqual([]);
  });

  it('refuses a wrong type by its name before the bytes and by its content after them', async () => {
    const { app, organizer, visitor, evidence } = await filedWorld();
    const named = await startEvidence(visitor, evidence, 'setup.exe', 1000, { 'accept-language': 'zh-CN' });
    expect([named.statusCode, named.json().error]).toEqual([415, {
      code: 'file_type_not_allowed', message: '文件“setup.exe”的实际类型为 .exe，异议证据材料只接受：PDF 文档、JPEG 图片、PNG 图片、Word 文档（.docx）。',
      details: { detected: '.exe', accept: ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
    }]);
    const video = Buffer.concat([MP4_HEAD, Buffer.alloc(2000)]);
    const { patched } = await sendEvidence(visitor, evidence, '录像.pdf', video, { 'accept-language': 'en' });
    expect([patched?.statusCode, patched?.json().error.code]).toEqual([415, 'file_type_not_allowed']);
    expect(patched?.json().error.message).toMatch(/^The file "录像.pdf" is really .+; objection evidence accepts only /);
    expect((await organizer.get(NOTICE)).json().data.objections[0].files).toEqual([]);
    expect(await app.db.selectFrom('uploads').select('id').execute()).toEqual([]);
  });

  it('refuses a sixth file', async () => {
    const { organizer, visitor, evidence } = await filedWorld();
    for (let i = 1; i <= 5; i++) {
      const { patched } = await sendEvidence(visitor, evidence, `材料${i}.pdf`, await testPdf({ text: `Evidence ${i}` }));
      expect(patched?.statusCode).toBe(204);
    }
    const sixth = await startEvidence(visitor, evidence, '材料6.pdf', 1000, { 'accept-language': 'zh-CN' });
    expect([sixth.statusCode, sixth.json().error.message]).toEqual([409, '异议证据材料最多只能上传 5 个文件。']);
    expect((await organizer.get(NOTICE)).json().data.objections[0].files.map((f: { fileName: string }) => f.fileName).sort()).toEqual(['材料1.pdf', '材料2.pdf', '材料3.pdf', '材料4.pdf', '材料5.pdf']);
  });

  it("refuses a forged token, another objection's token and a case upload's token alike", async () => {
    const { app, visitor, evidence } = await filedWorld();
    const other = (await visitor.post(`${PUBLIC}/objections`, { ...OBJECTION, n: 2, body: '该案例材料与另一单位报送材料雷同。' })).json().data.evidence;
    const forged = await startEvidence(visitor, { ...evidence, token: 'A'.repeat(43) }, '材料.pdf', 1000);
    const crossed = await startEvidence(visitor, { objectionId: evidence.objectionId, token: other.token }, '材料.pdf', 1000);
    const missing = await startEvidence(visitor, { objectionId: '00000000-0000-4000-8000-000000000000', token: evidence.token }, '材料.pdf', 1000);
    for (const res of [forged, crossed, missing]) expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
    // An upload begun with one token cannot be continued or read with another.
    const created = await startEvidence(visitor, evidence, '材料.pdf', 1000);
    const location = created.headers.location as string;
    const stolen = await patchTus(new TestClient(app), location, 0, Buffer.alloc(1000), { 'zhengji-upload-token': other.token });
    expect([stolen.statusCode, stolen.json().error.code]).toEqual([404, 'not_found']);
    expect((await headTus(new TestClient(app), location)).statusCode).toBe(401);
    // Without a token or a session, the tus endpoints answer as before: sign in.
    const anonymous = await new TestClient(app).request({ method: 'POST', url: '/api/v1/uploads', headers: { ...TUS, 'upload-length': '1000', 'upload-metadata': tusMetadata({ objectionId: evidence.objectionId, filename: 'a.pdf' }) } });
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'unauthenticated']);
  });

  it('refuses uploads once the notice or the token has run out', async () => {
    const { visitor, evidence, setNow } = await filedWorld();
    const created = await startEvidence(visitor, evidence, '材料.pdf', 1000);
    setNow(new Date('2026-12-02T02:00:00Z'));
    const late = await startEvidence(visitor, evidence, '材料.pdf', 1000, { 'accept-language': 'zh-CN' });
    expect([late.statusCode, late.json().error]).toEqual([409, { code: 'notice_not_running', message: '公示期已结束或尚未开始，不能再提出异议。' }]);
    const lateBytes = await patchTus(visitor, created.headers.location as string, 0, Buffer.alloc(1000), { 'zhengji-upload-token': evidence.token });
    expect(lateBytes.statusCode).toBe(404);
    // Filed again (the same objection) the day after, a fresh token runs to the end of the notice at most.
    setNow(new Date('2026-12-07T06:00:00Z'));
    const again = (await visitor.post(`${PUBLIC}/objections`, OBJECTION)).json().data.evidence;
    expect([again.objectionId, again.expiresAt]).toEqual([evidence.objectionId, '2026-12-07T16:00:00.000Z']);
    expect((await startEvidence(visitor, again, '材料.pdf', 1000)).statusCode).toBe(201);
    setNow(new Date('2026-12-07T16:00:00Z'));
    expect((await startEvidence(visitor, again, '材料.pdf', 1000)).json().error.code).toBe('notice_not_running');
  });

  it('refuses evidence for an objection once it has its outcome, though its token has not run out', async () => {
    const { visitor, organizer, evidence } = await filedWorld();
    const dismissed = await organizer.post(`${NOTICE}/objections/${evidence.objectionId}/outcome`, { status: 'dismissed', reason: '经核实，数据有台账佐证。' });
    expect(dismissed.statusCode).toBe(200);
    const late = await startEvidence(visitor, evidence, '补充材料.pdf', 1000, { 'accept-language': 'zh-CN' });
    expect([late.statusCode, late.json().error]).toEqual([409, { code: 'objection_resolved', message: '这件异议已经处理过了。' }]);
  });

  it('gives the files to the campaign’s organizers only', async () => {
    const { app, organizer, visitor, evidence, cases } = await filedWorld();
    const { patched } = await sendEvidence(visitor, evidence, '材料.pdf', await testPdf());
    const url = `${NOTICE}/objections/${evidence.objectionId}/files/${patched?.headers['zhengji-attachment-id']}`;
    expect((await organizer.get(url)).statusCode).toBe(200);
    await createOrganizerOfAnotherCampaign(app.db, 'other@example.cn');
    const other = await (await signedIn(app, 'other@example.cn')).get(url);
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'campaign_not_found']);
    for (const client of [await signedIn(app, cases.A.email), await signedIn(app, 'r1@example.cn')]) {
      expect((await client.get(url)).json().error.code).toBe('forbidden');
    }
    expect((await new TestClient(app).get(url)).statusCode).toBe(401);
    // Another objection's id with this file's id is no way in either.
    const wrong = await organizer.get(url.replace(evidence.objectionId, '00000000-0000-4000-8000-000000000000'));
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([404, 'not_found']);
  });
});
