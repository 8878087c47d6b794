import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { describe, expect, it, onTestFinished } from 'vitest';
import { s3Client, s3Storage } from '../../storage/s3-storage.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { testPdf } from '../../testing/pdf-files.ts';
import { startS3Server, type TestS3 } from '../../testing/s3-server.ts';
import { buildApp } from '../../app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { createTestApp, TEST_BASE_URL } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { createTusUpload, headTus, MP4_HEAD, patchOverSocket, patchTus, sha256, socketHeaders, TUS } from '../../testing/tus.ts';
import { removeExpiredUploads, removeLeftovers } from './upload-sweeps.ts';

// Uploads with S3 storage, through the real tus routes and an S3-protocol server on loopback:
// pieces in the bucket while the upload runs, the blob there once it finishes, nothing of either
// left on the instance's own disk.

let s3: TestS3;

async function objects(prefix: string): Promise<string[]> {
  const page = await s3Client(s3.settings).send(new ListObjectsV2Command({ Bucket: s3.settings.bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key!);
}

/** What the instance keeps of files on its own disk: nothing but its database. */
function localFiles(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.includes('sqlite'))
    .map((d) => path.relative(dataDir, path.join(d.parentPath, d.name)));
}

/** The app on S3 storage, with a bucket of its own. */
async function s3App() {
  s3 = await startS3Server();
  onTestFinished(() => s3.close());
  return createTestApp({ storage: (dataDir) => s3Storage(s3.settings, dataDir) });
}

/** A video of `bytes` random bytes after an MP4 head, and a started upload of it over a real socket. */
async function videoUpload(app: FastifyInstance, client: TestClient, caseId: string, bytes: number) {
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const video = Buffer.concat([MP4_HEAD, randomBytes(bytes)]);
  const location = (await createTusUpload(client, { caseId, kind: 'videos', filename: '宣传片.mp4', length: video.length })).headers.location as string;
  return { base, video, location, id: location.split('/').pop()! };
}

describe(`uploads with S3 storage (${testEngine()})`, () => {
  it('keeps what arrived before a dropped connection as a piece, resumes from it, and stores the file in the bucket', async () => {
    const { app, dataDir } = await s3App();
    const { client, caseId } = await createDraftCase(app);
    const { base, video, location, id } = await videoUpload(app, client, caseId, 3 * 1024 * 1024);
    const headers = await socketHeaders(client);

    const cut = 1024 * 1024 + 4321;
    expect(await patchOverSocket(`${base}${location}`, { ...headers, 'upload-offset': '0' }, video, { dropAfter: cut })).toBe('dropped');
    let offset = 0;
    for (let i = 0; i < 50 && offset === 0; i += 1) {
      await sleep(100);
      offset = Number((await headTus(client, location)).headers['upload-offset']);
    }
    expect(offset).toBe(cut);
    expect(await objects(`uploads/${id}/`)).toEqual([expect.stringMatching(new RegExp(`^uploads/${id}/0{16}-[0-9a-f-]{36}$`))]);

    const rest = await patchOverSocket(`${base}${location}`, { ...headers, 'upload-offset': String(offset) }, video.subarray(offset));
    expect(rest === 'dropped' ? rest : [rest.status, rest.headers['upload-offset']]).toEqual([204, String(video.length)]);
    const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
    expect([attachment.sha256, attachment.size, attachment.mediaType]).toEqual([sha256(video), video.length, 'video/mp4']);
    expect(await objects('')).toEqual([`blobs/${attachment.sha256.slice(0, 2)}/${attachment.sha256}`]);
    expect(localFiles(dataDir)).toEqual([]);

    const whole = await client.get(attachment.fileUrl);
    expect([whole.statusCode, sha256(whole.rawPayload)]).toEqual([200, sha256(video)]);
    const part = await client.request({ method: 'GET', url: attachment.fileUrl, headers: { range: 'bytes=4-11' } });
    expect([part.statusCode, part.headers['content-range'], part.body]).toEqual([206, `bytes 4-11/${video.length}`, 'ftypisom']);
  });

  it('re-encodes a picture and makes its thumbnail in the bucket, and refuses a hostile file leaving no piece behind', async () => {
    const { app, dataDir } = await s3App();
    const { client, caseId } = await createDraftCase(app);
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c8102e' } }).jpeg().toBuffer();
    const created = await createTusUpload(client, { caseId, kind: 'photos', filename: '活动照片.jpg', length: photo.length });
    expect((await patchTus(client, created.headers.location as string, 0, photo)).statusCode).toBe(204);
    const [picture] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
    const thumbnail = await client.get(picture.thumbnailUrl);
    expect([thumbnail.statusCode, thumbnail.headers['content-type'], (await sharp(thumbnail.rawPayload).metadata()).format]).toEqual([200, 'image/webp', 'webp']);
    expect((await objects('blobs/')).length).toBe(3);

    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 0x90)]);
    const hostile = await createTusUpload(client, { caseId, kind: 'photos', filename: '照片.jpg', length: elf.length });
    const refused = await patchTus(client, hostile.headers.location as string, 0, elf);
    expect(refused.statusCode).toBe(422);
    expect([await objects('uploads/'), (await objects('blobs/')).length, localFiles(dataDir)]).toEqual([[], 3, []]);
  });

  it('removes the pieces of a cancelled upload and of one left to expire', async () => {
    const { app } = await s3App();
    const { client, caseId } = await createDraftCase(app);
    const pdf = await testPdf({ text: 'report', minBytes: 50_000 });
    const cancelled = (await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: pdf.length })).headers.location as string;
    const left = (await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'b.pdf', length: pdf.length })).headers.location as string;
    for (const location of [cancelled, left]) expect((await patchTus(client, location, 0, pdf.subarray(0, 1000))).statusCode).toBe(204);
    expect((await objects('uploads/')).length).toBe(2);
    expect((await client.request({ method: 'DELETE', url: cancelled, headers: TUS })).statusCode).toBe(204);
    expect(await objects('uploads/')).toEqual([expect.stringMatching(new RegExp(`^uploads/${left.split('/').pop()}/0{16}-`))]);
    expect(await removeExpiredUploads(app.db, new Date('2024-05-08T02:00:00.000Z'), app.storage)).toBe(1);
    expect(await objects('uploads/')).toEqual([]);
  });

  it('keeps nothing from a request whose instance lost the lease to another meanwhile, so it cannot put a piece over the new writer\'s', async () => {
    const { app, database } = await s3App();
    const { client, caseId } = await createDraftCase(app);
    const { base, video, location, id } = await videoUpload(app, client, caseId, 2 * 1024 * 1024);
    const cut = patchOverSocket(`${base}${location}`, { ...(await socketHeaders(client)), 'upload-offset': '0' }, video, { dropAfter: 1024 * 1024 });
    // While the body streams, another instance takes the upload (this one stalled past its lease).
    for (let i = 0; i < 50 && !(await database.db.selectFrom('uploads').select('writer').where('id', '=', id).executeTakeFirstOrThrow()).writer; i += 1) await sleep(20);
    await database.db.updateTable('uploads').set({ writer: 'another-instance', writer_until: '2999-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
    expect(await cut).toBe('dropped');
    await sleep(500);
    expect([await objects(`uploads/${id}/`), (await database.db.selectFrom('uploads').select('offset').where('id', '=', id).executeTakeFirstOrThrow()).offset]).toEqual([[], 0]);
  });

  it('sweeps what a crash left behind: pieces of an upload whose row is gone and old temporary files, but not a live upload', async () => {
    const { app, dataDir } = await s3App();
    const { client, caseId } = await createDraftCase(app);
    const pdf = await testPdf({ text: 'report', minBytes: 50_000 });
    const live = (await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: pdf.length })).headers.location as string;
    const gone = (await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'b.pdf', length: pdf.length })).headers.location as string;
    for (const location of [live, gone]) expect((await patchTus(client, location, 0, pdf.subarray(0, 1000))).statusCode).toBe(204);
    // An instance died between deleting the row and its pieces, and another while checking a file.
    await app.db.deleteFrom('uploads').where('id', '=', gone.split('/').pop()!).execute();
    mkdirSync(path.join(dataDir, 'tmp'), { recursive: true });
    writeFileSync(path.join(dataDir, 'tmp', 'left-by-a-crash'), 'half a file');
    expect(await removeLeftovers(app.db, app.storage, new Date())).toEqual({ uploads: 0, temporary: 0 });
    expect(await removeLeftovers(app.db, app.storage, new Date(Date.now() + 3_600_001))).toEqual({ uploads: 1, temporary: 1 });
    expect(await objects('uploads/')).toEqual([expect.stringMatching(new RegExp(`^uploads/${live.split('/').pop()}/`))]);
    expect(readdirSync(path.join(dataDir, 'tmp'))).toEqual([]);
  });

  it('keeps a long body a piece at a time, so a connection cut late in it resumes from the last whole piece, on another instance too', async () => {
    s3 = await startS3Server();
    onTestFinished(() => s3.close());
    const pieceBytes = 256 * 1024;
    const { app, database } = await createTestApp({ storage: (dataDir) => s3Storage(s3.settings, dataDir, s3Client(s3.settings), pieceBytes) });
    const { client, caseId } = await createDraftCase(app);
    const { base, video, location, id } = await videoUpload(app, client, caseId, 1024 * 1024);
    const cut = 3 * pieceBytes + 1000;
    expect(await patchOverSocket(`${base}${location}`, { ...(await socketHeaders(client)), 'upload-offset': '0' }, video, { dropAfter: cut, pace: 64 * 1024 })).toBe('dropped');
    let offset = 0;
    for (let i = 0; i < 50 && offset !== cut; i += 1) {
      await sleep(100);
      offset = Number((await headTus(client, location)).headers['upload-offset']);
    }
    // Whole pieces (a piece ends with the write that reached its size) and the part after them.
    expect(offset).toBe(cut);
    const pieces = await database.db.selectFrom('upload_pieces').select(['start', 'size']).where('upload_id', '=', id).orderBy('start').execute();
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    pieces.forEach((piece, i) => {
      expect(piece.start).toBe(i === 0 ? 0 : pieces[i - 1]!.start + pieces[i - 1]!.size);
      if (i < pieces.length - 1) expect(piece.size).toBeGreaterThanOrEqual(pieceBytes);
    });
    expect(pieces.at(-1)!.start + pieces.at(-1)!.size).toBe(cut);

    // Another instance on the same database and bucket takes the rest.
    const other = await buildApp({ db: database.db, engine: database.engine, baseUrl: TEST_BASE_URL, dataDir: mkdtempSync(path.join(tmpdir(), 'zhengji-other-')), storage: s3Storage(s3.settings, tmpdir()), clock: app.clock });
    onTestFinished(() => other.close());
    const rest = await other.inject({ method: 'PATCH', url: location, payload: video.subarray(offset), headers: { ...(await socketHeaders(client)), 'upload-offset': String(offset) } });
    expect([rest.statusCode, rest.headers['upload-offset']]).toEqual([204, String(video.length)]);
    const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
    expect(attachment.sha256).toBe(sha256(video));
  });
});
