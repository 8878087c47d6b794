import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { describe, expect, it, onTestFinished } from 'vitest';
import { backup, restore } from '../backup/backup.ts';
import { listUploadPieces } from '../modules/uploads/uploads.repository.ts';
import { removeExpiredUploads, removeLeftovers } from '../modules/uploads/upload-sweeps.ts';
import { MAX_UPLOAD_PIECES } from '../modules/uploads/uploads.service.ts';
import { attachStoredFile, createDraftCase } from '../testing/cases.ts';
import { DURING_WINDOW } from '../testing/fixtures.ts';
import { startS3Server, type TestS3 } from '../testing/s3-server.ts';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';
import { createTusUpload, headTus, MP4_HEAD, patchTus, sha256, socketHeaders } from '../testing/tus.ts';
import type { FileStorage, UploadPiece } from './file-storage.ts';
import { s3Client, s3Storage, type S3Settings } from './s3-storage.ts';

// Review of the S3 storage (decision 0027) as an attacker and as a careful reviewer: what a
// failing bucket, a crash while finishing, a stalled instance or a hostile client does to
// uploads in progress, and what is left behind on the instance's disk and in the bucket.

interface Command {
  input: { Key?: string; Bucket?: string };
}
/** Runs around every request the storage sends: may throw (a failing bucket) or change the answer. */
type Around = (command: Command, send: () => Promise<unknown>) => Promise<unknown>;

/** An S3 client whose every request passes through `around` first. */
function hookedClient(settings: S3Settings, around: Around): S3Client {
  const client = s3Client(settings);
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  (client as unknown as { send: (command: unknown) => Promise<unknown> }).send = (command) => around(command as Command, () => send(command));
  return client;
}

const pass: Around = (_command, send) => send();
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The name of a piece: its upload, its start offset in 16 digits, a uuid of its own per put. */
const pieceName = (id: string, start: number) => new RegExp(`^uploads/${id}/${String(start).padStart(16, '0')}-${UUID}$`);
/** A name another instance would give its own piece at `start`. */
const otherPieceKey = (id: string, start: number) => `uploads/${id}/${String(start).padStart(16, '0')}-${randomUUID()}`;

async function objects(s3: TestS3, prefix: string): Promise<string[]> {
  const page = await s3Client(s3.settings).send(new ListObjectsV2Command({ Bucket: s3.settings.bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key!);
}

async function objectBytes(s3: TestS3, Key: string): Promise<Buffer> {
  const answer = await s3Client(s3.settings).send(new GetObjectCommand({ Bucket: s3.settings.bucket, Key }));
  return Buffer.from(await answer.Body!.transformToByteArray());
}

/** The pieces recorded for an upload, in order of their start. */
async function recorded(db: Parameters<typeof listUploadPieces>[0], id: string): Promise<UploadPiece[]> {
  return (await listUploadPieces(db, id)).map((p) => ({ start: Number(p.start), size: Number(p.size), key: p.key }));
}

/** Puts `bytes` as one piece from `start`, as a PATCH does, and returns the piece to record. */
async function putPiece(storage: FileStorage, id: string, start: number, bytes: Buffer): Promise<UploadPiece> {
  const sink = await storage.uploads.open(id, start);
  try {
    await sink.handle.write(bytes, 0, bytes.length, 0);
    const piece = await sink.keep(start + bytes.length);
    if (!piece) throw new Error('no piece kept');
    return piece;
  } finally {
    await sink.close();
  }
}

/** Files on the instance's own disk other than its database (temporary files left behind). */
function localFiles(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.includes('sqlite'))
    .map((d) => path.relative(dataDir, path.join(d.parentPath, d.name)));
}

/** A local folder for one test, removed when it finishes. */
function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-review-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function freshS3(): Promise<TestS3> {
  const s3 = await startS3Server();
  onTestFinished(() => s3.close());
  return s3;
}

/** The app on S3 storage with a bucket of its own, every storage request passing through `around`. */
async function s3App(around: Around = pass) {
  const s3 = await freshS3();
  const made = await createTestApp({ storage: (dataDir) => s3Storage(s3.settings, dataDir, hookedClient(s3.settings, around)) });
  return { ...made, s3 };
}

const video = () => Buffer.concat([MP4_HEAD, randomBytes(40_000)]);
const simulated = () => Object.assign(new Error('503 SlowDown (simulated)'), { name: 'SlowDown' });

/** A bucket whose reads of upload pieces fail as many times as `fail` says, then answer again. */
function failingPieceReads() {
  let failures = 0;
  const around: Around = async (command, send) => {
    if (command instanceof GetObjectCommand && command.input.Key?.startsWith('uploads/') && failures > 0) {
      failures -= 1;
      throw simulated();
    }
    return send();
  };
  return { around, fail: (times: number) => void (failures = times) };
}

async function newUpload(client: Awaited<ReturnType<typeof createDraftCase>>['client'], caseId: string, kind: string, filename: string, length: number) {
  const created = await createTusUpload(client, { caseId, kind, filename, length });
  expect(created.statusCode).toBe(201);
  const location = created.headers.location as string;
  return { location, id: location.split('/').pop()! };
}

describe(`S3 storage under review (${testEngine()})`, () => {
  describe('the last byte held back until the attachment exists', () => {
    it('after finishing failed on a whole-file piece, the re-sent last byte goes to a 1-byte piece at length-1 and the file is still the one sent', async () => {
      const pieceReads = failingPieceReads();
      const puts: [string, number][] = [];
      const { app, s3 } = await s3App(async (command, send) => {
        if (command instanceof PutObjectCommand) puts.push([command.input.Key!, Number(command.input.ContentLength)]);
        return pieceReads.around(command, send);
      });
      const { client, caseId } = await createDraftCase(app);
      const file = video();
      const { location, id } = await newUpload(client, caseId, 'videos', 'a.mp4', file.length);

      pieceReads.fail(1);
      expect((await patchTus(client, location, 0, file)).statusCode).toBe(500);
      expect((await headTus(client, location)).headers['upload-offset']).toBe(String(file.length - 1));
      expect(await recorded(app.db, id)).toEqual([{ start: 0, size: file.length, key: expect.stringMatching(pieceName(id, 0)) }]);

      const last = await patchTus(client, location, file.length - 1, file.subarray(file.length - 1));
      expect([last.statusCode, last.headers['upload-offset']]).toEqual([204, String(file.length)]);
      expect(puts).toContainEqual([expect.stringMatching(pieceName(id, file.length - 1)), 1]);
      const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
      expect([attachment.sha256, attachment.size]).toEqual([sha256(file), file.length]);
      expect([await objects(s3, 'uploads/'), await recorded(app.db, id)]).toEqual([[], []]);
    });

    it('after finishing failed on a chain ending in a 1-byte piece, re-sending that byte replaces it and the file is the one sent', async () => {
      const pieceReads = failingPieceReads();
      const { app, dataDir, s3 } = await s3App(pieceReads.around);
      const { client, caseId } = await createDraftCase(app);
      const file = video();
      const { location, id } = await newUpload(client, caseId, 'videos', 'b.mp4', file.length);
      expect((await patchTus(client, location, 0, file.subarray(0, file.length - 1))).headers['upload-offset']).toBe(String(file.length - 1));
      pieceReads.fail(1);
      expect((await patchTus(client, location, file.length - 1, file.subarray(file.length - 1))).statusCode).toBe(500);
      expect((await headTus(client, location)).headers['upload-offset']).toBe(String(file.length - 1));
      const before = await recorded(app.db, id);
      expect(before.map((p) => [p.start, p.size])).toEqual([[0, file.length - 1], [file.length - 1, 1]]);
      expect((await patchTus(client, location, file.length - 1, file.subarray(file.length - 1))).statusCode).toBe(204);
      const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
      expect(attachment.sha256).toBe(sha256(file));
      expect([await objects(s3, 'uploads/'), localFiles(dataDir)]).toEqual([[], []]);
    });

    it('stores the byte the server asked for again (as local storage does), not the one it already had', async () => {
      // The server answers offset length-1, so by tus the byte at length-1 is the one sent next.
      // Local storage truncates to length-1 and writes it; S3 walks the old whole-file piece and
      // never reads the new 1-byte piece: the receipt's hash is of bytes the client was told were not received.
      const pieceReads = failingPieceReads();
      const { app } = await s3App(pieceReads.around);
      const { client, caseId } = await createDraftCase(app);
      const file = video();
      const { location } = await newUpload(client, caseId, 'videos', 'c.mp4', file.length);
      pieceReads.fail(1);
      expect((await patchTus(client, location, 0, file)).statusCode).toBe(500);
      const resent = Buffer.from(file);
      resent.writeUInt8(resent.readUInt8(resent.length - 1) ^ 0xff, resent.length - 1);
      expect((await patchTus(client, location, file.length - 1, resent.subarray(resent.length - 1))).statusCode).toBe(204);
      const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
      expect(attachment.sha256).toBe(sha256(resent));
    });
  });

  describe('a failing bucket while finishing', () => {
    it('a transient failure storing the re-encoded picture keeps the upload to finish again, rather than refusing it as unsafe and deleting it', async () => {
      let failBlobPuts = 0;
      const { app, s3 } = await s3App(async (command, send) => {
        if (command instanceof PutObjectCommand && command.input.Key?.startsWith('blobs/') && failBlobPuts > 0) {
          failBlobPuts -= 1;
          throw simulated();
        }
        return send();
      });
      const { client, caseId } = await createDraftCase(app);
      const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c8102e' } }).jpeg().toBuffer();
      const { location, id } = await newUpload(client, caseId, 'photos', '照片.jpg', photo.length);
      failBlobPuts = 1;
      const answer = await patchTus(client, location, 0, photo);
      // Now: 422 file_unsafe ("image"), the upload's row and piece deleted: a good picture the
      // server acknowledged byte by byte is thrown away and the user told it is hostile.
      expect({ status: answer.statusCode, code: answer.statusCode >= 400 ? answer.json().error?.code : undefined }).not.toMatchObject({ status: 422 });
      const [kept] = await recorded(app.db, id);
      expect(await objects(s3, `uploads/${id}/`)).toEqual([kept?.key]);
      expect((await headTus(client, location)).headers['upload-offset']).toBe(String(photo.length - 1));
      // Finishing again (the last byte re-sent) stores the picture once the bucket answers.
      expect((await patchTus(client, location, photo.length - 1, photo.subarray(photo.length - 1))).statusCode).toBe(204);
      expect((await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data).toHaveLength(1);
    });

    it('leaves no piece in the bucket for ever when removing the pieces after the commit fails: the attachment stands and the sweep removes them', async () => {
      let failDeletes = 0;
      const { app, s3 } = await s3App(async (command, send) => {
        if (command instanceof DeleteObjectCommand && failDeletes > 0) {
          failDeletes -= 1;
          throw simulated();
        }
        return send();
      });
      const { client, caseId } = await createDraftCase(app);
      const file = video();
      const { location, id } = await newUpload(client, caseId, 'videos', 'd.mp4', file.length);
      failDeletes = 1;
      const answer = await patchTus(client, location, 0, file);
      const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
      expect(attachment.sha256).toBe(sha256(file));
      // The removal after the commit is best effort: the client is told the upload is done.
      expect({ status: answer.statusCode, offset: answer.headers['upload-offset'], pieces: await objects(s3, `uploads/${id}/`) })
        .toEqual({ status: 204, offset: String(file.length), pieces: [expect.stringMatching(pieceName(id, 0))] });
      // While the finished upload's row stands (a client may still ask about it) the sweep leaves it.
      const later = () => new Date(Date.now() + 3_600_001);
      expect((await removeLeftovers(app.db, app.storage, later())).uploads).toBe(0);
      expect(await objects(s3, `uploads/${id}/`)).toHaveLength(1);
      // The row of a finished upload goes after 7 days; the next sweep then removes the piece.
      await removeExpiredUploads(app.db, new Date(DURING_WINDOW.getTime() + 30 * 86_400_000), app.storage);
      expect(await app.db.selectFrom('uploads').select('id').where('id', '=', id).execute()).toEqual([]);
      expect((await removeLeftovers(app.db, app.storage, later())).uploads).toBe(1);
      expect(await objects(s3, 'uploads/')).toEqual([]);
      expect((await client.get(attachment.fileUrl)).statusCode).toBe(200);
    });
  });

  describe('downloads', () => {
    it('reads a stored file with one request, whole or in a range, and answers 404 when the bucket lacks it or holds it at another size', async () => {
      const sent: string[] = [];
      const { app, s3 } = await s3App(async (command, send) => {
        sent.push(command.constructor.name);
        return send();
      });
      const { client, caseId } = await createDraftCase(app);
      const file = video();
      const { sha256: hash } = await attachStoredFile(app, caseId, 'videos', '宣传片.mp4', file, 'video/mp4');
      const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
      const download = (headers: Record<string, string> = {}) => client.request({ method: 'GET', url: attachment.fileUrl, headers });
      const answers = async () => [(await download()).statusCode, (await download({ range: 'bytes=4-11' })).statusCode, (await download({ 'if-none-match': `"${hash}"` })).statusCode];

      sent.length = 0;
      const [whole, part] = [await download(), await download({ range: 'bytes=4-11' })];
      expect([whole.statusCode, sha256(whole.rawPayload), part.statusCode, part.body]).toEqual([200, sha256(file), 206, 'ftypisom']);
      expect((await download({ 'if-none-match': `"${hash}"` })).statusCode).toBe(304);
      // A GET per download, and the one answer without bytes asks only whether the file is there.
      expect(sent).toEqual(['GetObjectCommand', 'GetObjectCommand', 'HeadObjectCommand']);

      const Key = `blobs/${hash.slice(0, 2)}/${hash}`;
      await s3Client(s3.settings).send(new PutObjectCommand({ Bucket: s3.settings.bucket, Key, Body: file.subarray(0, 100) }));
      expect(await answers()).toEqual([404, 404, 404]);
      await s3Client(s3.settings).send(new DeleteObjectCommand({ Bucket: s3.settings.bucket, Key }));
      expect(await answers()).toEqual([404, 404, 404]);
    });
  });

  describe('a stalled instance', () => {
    it('an instance that lost its lease to another while a PATCH was cut does not put its piece over the other\'s', async () => {
      const { app, dataDir, s3 } = await s3App();
      const { client, caseId } = await createDraftCase(app);
      const file = video();
      const { location, id } = await newUpload(client, caseId, 'videos', 'e.mp4', file.length);
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const headers = await socketHeaders(client);
      const request = http.request(`${base}${location}`, { method: 'PATCH', headers: { ...headers, 'upload-offset': '0', 'content-length': String(file.length) } });
      request.on('error', () => undefined);
      request.write(file.subarray(0, 20_000));
      await sleep(300);
      // Meanwhile this instance stalled past its lease: another took the upload, put its own
      // piece at 0 (1000 bytes), recorded it and saved offset 1000.
      const other = Buffer.from(file.subarray(0, 1000));
      const otherKey = otherPieceKey(id, 0);
      await app.db.updateTable('uploads').set({ writer: 'another-instance', writer_until: new Date(DURING_WINDOW.getTime() + 3_600_000).toISOString(), offset: 1000 }).where('id', '=', id).execute();
      await s3Client(s3.settings).send(new PutObjectCommand({ Bucket: s3.settings.bucket, Key: otherKey, Body: other, ContentLength: other.length }));
      await app.db.insertInto('upload_pieces').values({ upload_id: id, start: 0, size: other.length, key: otherKey }).execute();
      request.destroy();
      for (let i = 0; i < 50 && localFiles(dataDir).length > 0; i += 1) await sleep(100);
      await sleep(200);
      const row = await app.db.selectFrom('uploads').select(['offset', 'writer']).where('id', '=', id).executeTakeFirstOrThrow();
      expect({ offset: Number(row.offset), writer: row.writer, pieces: await recorded(app.db, id), objects: await objects(s3, `uploads/${id}/`) })
        .toEqual({ offset: 1000, writer: 'another-instance', pieces: [{ start: 0, size: 1000, key: otherKey }], objects: [otherKey] });
      expect((await objectBytes(s3, otherKey)).equals(other)).toBe(true);
      expect(localFiles(dataDir)).toEqual([]);
    });

    it('does not acknowledge an offset it could not save because its lease was taken while the piece was put', async () => {
      let onPiecePut: (() => Promise<void>) | undefined = undefined;
      const { app, s3 } = await s3App(async (command, send) => {
        if (command instanceof PutObjectCommand && command.input.Key?.startsWith('uploads/') && onPiecePut) await onPiecePut();
        return send();
      });
      const { client, caseId } = await createDraftCase(app);
      const file = video();
      const { location, id } = await newUpload(client, caseId, 'videos', 'f.mp4', file.length);
      onPiecePut = async () => {
        // The put took longer than the lease (a slow bucket, a stalled event loop): another
        // instance took the upload over.
        await app.db.updateTable('uploads').set({ writer: 'another-instance', writer_until: new Date(DURING_WINDOW.getTime() + 3_600_000).toISOString() }).where('id', '=', id).execute();
      };
      const answer = await patchTus(client, location, 0, file.subarray(0, 20_000));
      const saved = (await headTus(client, location)).headers['upload-offset'];
      // Now: 204 with Upload-Offset 20000 while the row (the truth) still says 0.
      if (answer.statusCode === 204) expect(answer.headers['upload-offset']).toBe(saved);
      else expect(answer.statusCode).toBeGreaterThanOrEqual(400);
      // The piece it put is not recorded, so never read, and is removed from the bucket.
      expect([saved, await recorded(app.db, id), await objects(s3, `uploads/${id}/`)]).toEqual(['0', [], []]);
    });
  });

  describe('a piece put that outlasts the lease', () => {
    it('does not overwrite the new writer\'s piece, so the upload can still finish whole', async () => {
      let onPiecePut: (() => Promise<void>) | undefined;
      const { app, s3 } = await s3App(async (command, send) => {
        if (command instanceof PutObjectCommand && command.input.Key?.startsWith('uploads/') && onPiecePut) {
          const before = onPiecePut;
          onPiecePut = undefined;
          await before();
        }
        return send();
      });
      const { client, caseId } = await createDraftCase(app);
      const file = video();
      const { location, id } = await newUpload(client, caseId, 'videos', 'i.mp4', file.length);
      const otherKey = otherPieceKey(id, 0);
      onPiecePut = async () => {
        // The lease ran out while this instance's put was on its way (a slow bucket, the database
        // unreachable for the renewals): another instance took over, put its piece at 0 (1000
        // bytes), saved offset 1000 and let go. Then this instance's put lands on the same name.
        await app.db.updateTable('uploads').set({ writer: 'another-instance', writer_until: new Date(DURING_WINDOW.getTime() + 3_600_000).toISOString() }).where('id', '=', id).execute();
        const other = Buffer.from(file.subarray(0, 1000));
        await s3Client(s3.settings).send(new PutObjectCommand({ Bucket: s3.settings.bucket, Key: otherKey, Body: other, ContentLength: other.length }));
        await app.db.insertInto('upload_pieces').values({ upload_id: id, start: 0, size: other.length, key: otherKey }).execute();
        await app.db.updateTable('uploads').set({ offset: 1000, writer: null, writer_until: null }).where('id', '=', id).execute();
      };
      // This instance no longer holds the lease when it would record its piece: 423, nothing kept.
      expect((await patchTus(client, location, 0, file.subarray(0, 20_000))).statusCode).toBe(423);
      // The late put went under a name of its own: the new writer's piece is intact and the only one.
      expect([await recorded(app.db, id), await objects(s3, `uploads/${id}/`)]).toEqual([[{ start: 0, size: 1000, key: otherKey }], [otherKey]]);
      expect((await objectBytes(s3, otherKey)).equals(file.subarray(0, 1000))).toBe(true);
      // The client resumes from what the row says, as tus clients do, and sends the rest.
      for (let round = 0; round < 3; round += 1) {
        const offset = Number((await headTus(client, location)).headers['upload-offset']);
        if (offset === file.length) break;
        await patchTus(client, location, offset, file.subarray(offset));
      }
      // Before pieces had names of their own the late put replaced the new writer's piece at 0
      // (20000 bytes where 1000 were recorded) and every finishing failed.
      const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data ?? [];
      expect(attachment?.sha256).toBe(sha256(file));
      expect(await objects(s3, 'uploads/')).toEqual([]);
    });
  });

  describe('resources', () => {
    it('does not crash the process or hang when finishing cannot create its temporary file', async () => {
      const s3 = await freshS3();
      const dir = tempFolder();
      const storage = s3Storage(s3.settings, dir);
      const id = randomUUID();
      const bytes = randomBytes(50_000);
      const piece = await putPiece(storage, id, 0, bytes);
      // DATA_DIR/tmp where no file can be made (EMFILE, no inodes left, a read-only mount): here a
      // folder in /proc, where even root cannot create a file.
      rmSync(path.join(dir, 'tmp'), { recursive: true, force: true });
      symlinkSync('/proc/self', path.join(dir, 'tmp'));
      const uncaught: Error[] = [];
      const record = (error: Error) => uncaught.push(error);
      process.on('uncaughtException', record);
      onTestFinished(() => void process.off('uncaughtException', record));
      const outcome = await Promise.race([
        storage.uploads.whole(id, bytes.length, undefined, [piece]).then(() => 'resolved', (error: NodeJS.ErrnoException) => `rejected ${error.code}`),
        sleep(3000).then(() => 'hung'),
      ]);
      // Once: a write stream's 'error' (ENOENT on open) fired while whole() awaited the piece,
      // with no listener: an uncaught exception, which ends a production server; had it been
      // caught, whole() would never have settled (waiting for a 'drain' of a destroyed stream).
      expect({ outcome, uncaught: uncaught.map((e) => e.message) }).toEqual({ outcome: 'rejected ENOENT', uncaught: [] });
    });

    it('leaves no temporary file when finishing fails before the first piece arrives (no piece, a gap, a missing piece, a refused GET)', async () => {
      const s3 = await freshS3();
      const dir = tempFolder();
      let refuseGets = false;
      const storage = s3Storage(s3.settings, dir, hookedClient(s3.settings, async (command, send) => {
        if (refuseGets && command instanceof GetObjectCommand) throw simulated();
        return send();
      }));
      const id = randomUUID();
      const bytes = randomBytes(1000);
      const piece = await putPiece(storage, id, 0, bytes);
      const gone = { start: 0, size: 1000, key: otherPieceKey(id, 0) };
      // A client retries a stuck upload for days: not one file may be left per attempt.
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await expect(storage.uploads.whole(id, 1000, undefined, [])).rejects.toThrow('the pieces hold 0 of 1000 bytes');
        await expect(storage.uploads.whole(id, 2000, undefined, [{ ...piece, start: 1000 }])).rejects.toThrow('nothing recorded from 0 to 1000');
        await expect(storage.uploads.whole(id, 2000, undefined, [piece])).rejects.toThrow('the pieces hold 1000 of 2000 bytes');
        await expect(storage.uploads.whole(id, 1000, undefined, [gone])).rejects.toThrow();
        refuseGets = true;
        await expect(storage.uploads.whole(id, 1000, undefined, [piece])).rejects.toThrow('SlowDown');
        refuseGets = false;
      }
      await sleep(200);
      expect(localFiles(dir)).toEqual([]);
      // And with the bucket answering, the same piece makes the file.
      const whole = await storage.uploads.whole(id, 1000, undefined, [piece]);
      expect(whole.sha256).toBe(sha256(bytes));
      await whole.release();
      expect(localFiles(dir)).toEqual([]);
    });

    it('refuses a piece that yields fewer (or more) bytes than recorded, rather than hashing and storing a wrong file', async () => {
      const s3 = await freshS3();
      const dir = tempFolder();
      let truncate = false;
      const storage = s3Storage(s3.settings, dir, hookedClient(s3.settings, async (command, send) => {
        const answer = await send();
        if (truncate && command instanceof GetObjectCommand) {
          // A body cut short without an error (a proxy or gateway that closes a chunked answer early).
          const body = Buffer.from(await (answer as { Body: { transformToByteArray(): Promise<Uint8Array> } }).Body.transformToByteArray());
          return { ...(answer as object), Body: Readable.from([body.subarray(0, body.length - 100)]) };
        }
        return answer;
      }));
      const id = randomUUID();
      const bytes = randomBytes(50_000);
      const piece = await putPiece(storage, id, 0, bytes);
      truncate = true;
      await expect(storage.uploads.whole(id, bytes.length, undefined, [piece]).then((w) => w.release())).rejects.toThrow('gave 49900 of 50000 bytes');
      expect(localFiles(dir)).toEqual([]);
      truncate = false;
      await expect(storage.uploads.whole(id, 40_000, undefined, [{ ...piece, size: 40_000 }]).then((w) => w.release())).rejects.toThrow('longer than recorded');
      expect(localFiles(dir)).toEqual([]);
    });
  });

  describe('security', () => {
    it('never names a key outside uploads/<uuid>/<16 digits>-<uuid> or blobs/<2 hex>/<sha256>, and one unit cannot touch another\'s upload', async () => {
      const keys: string[] = [];
      const { app, s3 } = await s3App(async (command, send) => {
        if (command.input.Key) keys.push(command.input.Key);
        return send();
      });
      const owner = await createDraftCase(app);
      const stranger = await createDraftCase(app);
      const file = video();
      const { location, id } = await newUpload(owner.client, owner.caseId, 'videos', 'h.mp4', file.length);
      expect((await patchTus(owner.client, location, 0, file.subarray(0, 1000))).statusCode).toBe(204);
      const [piece] = await recorded(app.db, id);

      expect((await headTus(stranger.client, location)).statusCode).toBe(404);
      expect((await patchTus(stranger.client, location, 1000, file.subarray(1000, 2000))).statusCode).toBe(404);
      expect((await stranger.client.request({ method: 'DELETE', url: location, headers: { 'tus-resumable': '1.0.0' } })).statusCode).toBe(404);
      for (const bad of ['..%2F..%2Fblobs', '..%252Fblobs', `${id}%2F..%2F..%2Fblobs`, encodeURIComponent(`${id}/../x`)]) {
        expect([400, 404]).toContain((await patchTus(owner.client, `/api/v1/uploads/${bad}`, 0, Buffer.from('x'))).statusCode);
      }
      expect(piece).toEqual({ start: 0, size: 1000, key: expect.stringMatching(pieceName(id, 0)) });
      expect([await objects(s3, 'uploads/'), await recorded(app.db, id)]).toEqual([[piece!.key], [piece]]);
      expect((await objectBytes(s3, piece!.key)).equals(file.subarray(0, 1000))).toBe(true);
      expect((await headTus(owner.client, location)).headers['upload-offset']).toBe('1000');
      for (const key of keys) expect(key).toMatch(new RegExp(`^(uploads/${UUID}/\\d{16}-${UUID}|blobs/([0-9a-f]{2})/\\2[0-9a-f]{62})$`));
    });
  });

  describe('a client sending tiny PATCHes', () => {
    it(`refuses a PATCH once the upload is kept in ${MAX_UPLOAD_PIECES} pieces, before a byte is put, in the reader's language`, async () => {
      const puts: string[] = [];
      const { app, s3 } = await s3App(async (command, send) => {
        if (command instanceof PutObjectCommand) puts.push(command.input.Key!);
        return send();
      });
      const { client, caseId } = await createDraftCase(app);
      const file = video();
      const { location, id } = await newUpload(client, caseId, 'videos', '宣传片.mp4', file.length);
      expect((await patchTus(client, location, 0, file.subarray(0, 1))).statusCode).toBe(204);
      // As if its next bytes had come one PATCH each, up to one piece short of the cap.
      const cap = MAX_UPLOAD_PIECES;
      const tiny = Array.from({ length: cap - 2 }, (_, i) => ({ upload_id: id, start: i + 1, size: 1, key: otherPieceKey(id, i + 1) }));
      for (let i = 0; i < tiny.length; i += 1000) await app.db.insertInto('upload_pieces').values(tiny.slice(i, i + 1000)).execute();
      await app.db.updateTable('uploads').set({ offset: cap - 1 }).where('id', '=', id).execute();
      expect((await patchTus(client, location, cap - 1, file.subarray(cap - 1, cap))).statusCode).toBe(204);

      puts.length = 0;
      const refused = [];
      for (const language of ['zh-CN', 'en']) refused.push(await patchTus(client, location, cap, file.subarray(cap), { 'accept-language': language }));
      expect(refused.map((r) => [r.statusCode, r.json().error])).toEqual([
        [422, { code: 'upload_too_many_pieces', message: `文件“宣传片.mp4”已分 ${cap} 段上传，达到单个文件的分段上限；请取消后重新上传该文件。`, details: { maxPieces: cap } }],
        [422, { code: 'upload_too_many_pieces', message: `The file "宣传片.mp4" has been sent in ${cap} parts, the most one upload may take; cancel it and upload the file again.`, details: { maxPieces: cap } }],
      ]);
      expect([puts, (await recorded(app.db, id)).length, (await headTus(client, location)).headers['upload-offset']]).toEqual([[], cap, String(cap)]);
      // Cancelling, as the message says, removes what was kept.
      expect((await client.request({ method: 'DELETE', url: location, headers: { 'tus-resumable': '1.0.0' } })).statusCode).toBe(204);
      expect(await objects(s3, 'uploads/')).toEqual([]);
    });
  });

  describe('restore into a bucket', () => {
    async function backedUp() {
      const source = await freshS3();
      const { app, database } = await createTestApp({ storage: (dataDir) => s3Storage(source.settings, dataDir) });
      const { caseId } = await createDraftCase(app);
      await attachStoredFile(app, caseId, 'photos', '现场照片.jpg', randomBytes(5000), 'image/jpeg');
      await attachStoredFile(app, caseId, 'photos', '现场照片2.jpg', randomBytes(5000), 'image/jpeg');
      const saved = mkdtempSync(path.join(tmpdir(), 'zhengji-review-backup-'));
      onTestFinished(() => rmSync(saved, { recursive: true, force: true }));
      await backup(database.source, app.storage, saved);
      const targetDir = mkdtempSync(path.join(tmpdir(), 'zhengji-review-target-'));
      onTestFinished(() => rmSync(targetDir, { recursive: true, force: true }));
      const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-review-data-'));
      onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
      return { saved, target: { engine: 'sqlite' as const, file: path.join(targetDir, 'zhengji.sqlite') }, dataDir, bucket: await freshS3() };
    }

    it.skipIf(testEngine() !== 'sqlite')('leaves no temporary copy in DATA_DIR/tmp when putting a file into the bucket fails', async () => {
      const { saved, target, dataDir, bucket } = await backedUp();
      const failing = s3Storage(bucket.settings, dataDir, hookedClient(bucket.settings, async (command, send) => {
        if (command instanceof PutObjectCommand) throw simulated();
        return send();
      }));
      await expect(restore(saved, target, failing)).rejects.toThrow('SlowDown');
      expect(localFiles(dataDir)).toEqual([]);
    });

    it.skipIf(testEngine() !== 'sqlite')('can be run again after a transient failure putting a file', async () => {
      const { saved, target, dataDir, bucket } = await backedUp();
      let failPuts = 1;
      const flaky = s3Storage(bucket.settings, dataDir, hookedClient(bucket.settings, async (command, send) => {
        if (command instanceof PutObjectCommand && failPuts > 0) {
          failPuts -= 1;
          throw simulated();
        }
        return send();
      }));
      await expect(restore(saved, target, flaky)).rejects.toThrow('SlowDown');
      // Now: the database was restored before the files, so the second run refuses a database
      // that holds data, and the bucket holds only some of the files.
      await expect(restore(saved, target, flaky)).resolves.toMatchObject({ files: 2 });
    });
  });
});
