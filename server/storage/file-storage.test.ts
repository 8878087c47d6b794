import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3 } from '../testing/s3-server.ts';
import { localStorage, storeStream, type FileStorage, type UploadPiece } from './file-storage.ts';
import { s3Storage } from './s3-storage.ts';

// One contract, two storages: what the app does with stored files and uploads in progress must
// hold the same under DATA_DIR and in an S3 bucket (here s3rver, speaking the protocol).

const dirs: string[] = [];
function dataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-storage-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3.close());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Two instances' views of one storage, each with its own local folder. */
const kinds: [string, () => [FileStorage, FileStorage]][] = [
  ['local', () => {
    const dir = dataDir();
    return [localStorage(dir), localStorage(dir)];
  }],
  ['S3', () => [s3Storage(s3.settings, dataDir()), s3Storage(s3.settings, dataDir())]],
];

/** Writes one piece as a PATCH does and records it as the database would (by its start). */
async function writePiece(storage: FileStorage, record: Map<number, UploadPiece>, id: string, offset: number, bytes: Buffer): Promise<void> {
  const sink = await storage.uploads.open(id, offset);
  await sink.handle.write(bytes, 0, bytes.length, offset - sink.start);
  const piece = await sink.keep(offset + bytes.length);
  if (piece) record.set(piece.start, piece);
  await sink.close();
}
const inOrder = (record: Map<number, UploadPiece>) => [...record.values()].sort((a, b) => a.start - b.start);

describe.each(kinds)('%s storage', (_name, make) => {
  it('streams bytes in under their SHA-256, stores the same bytes once, reads ranges, and knows what it holds', async () => {
    const [storage] = make();
    const bytes = randomBytes(9 * 1024 * 1024 + 17);
    // Fed in small pieces, as a socket delivers them; past one S3 part, so put in parts.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    const stored = await storeStream(storage, Readable.from(pieces));
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(sha(Buffer.concat(await (await storage.read(stored))!.toArray()))).toBe(stored.sha256);
    const small = await storeStream(storage, Readable.from([Buffer.from('0123456789申报')]));
    expect(await storeStream(storage, Readable.from([Buffer.from('01234'), Buffer.from('56789申报')]))).toEqual(small);
    expect(await text((await storage.read(small, { start: 2, end: 5 }))!)).toBe('2345');
    expect([await storage.has(small), await storage.has({ ...small, size: 3 }), await storage.has({ sha256: sha(Buffer.from('x')), size: 1 })]).toEqual([true, false, false]);
    // A read says "missing" as `has` would: a blob not there, or of another size, whole or in a range (past its end too).
    const missing = { sha256: sha(Buffer.from('x')), size: 1 };
    const otherSize = [{ ...small, size: 3 }, { ...small, size: small.size + 1 }];
    const reads = [
      storage.read(missing), storage.read(missing, { start: 0, end: 0 }),
      ...otherSize.flatMap((b) => [storage.read(b), storage.read(b, { start: 2, end: b.size - 1 })]),
      storage.read({ ...small, size: small.size + 5 }, { start: small.size + 1, end: small.size + 4 }),
    ];
    expect(await Promise.all(reads)).toEqual(reads.map(() => undefined));
    expect(readdirSync(path.join(storage.dataDir, 'tmp'))).toEqual([]);
    await expect(storage.read({ sha256: '../../etc/passwd', size: 1 })).rejects.toThrow('not a SHA-256');
  });

  it('leaves nothing behind when the source fails midway', async () => {
    const [storage] = make();
    async function* failing() {
      yield Buffer.from('half a file');
      throw new Error('connection reset');
    }
    await expect(storeStream(storage, Readable.from(failing()))).rejects.toThrow('connection reset');
    expect(readdirSync(path.join(storage.dataDir, 'tmp'))).toEqual([]);
  });

  it('keeps an upload received in pieces on two instances, and gives it back whole with its hash', async () => {
    const [one, two] = make();
    const id = `u-${randomBytes(4).toString('hex')}`;
    const bytes = randomBytes(300_000);
    const record = new Map<number, UploadPiece>();
    await one.uploads.create(id);
    await writePiece(one, record, id, 0, bytes.subarray(0, 100_000));
    // A piece written again from the same offset (a request retried after it was cut) replaces the first.
    await writePiece(two, record, id, 100_000, randomBytes(50_000));
    await writePiece(two, record, id, 100_000, bytes.subarray(100_000, 250_000));
    await writePiece(one, record, id, 250_000, bytes.subarray(250_000, 299_999));
    await writePiece(one, record, id, 299_999, bytes.subarray(299_999));
    // The last byte asked for again after a crash while finishing: written over the last piece's.
    await writePiece(two, record, id, 299_999, bytes.subarray(299_999));
    expect(await two.uploads.received(id, 300_000)).toBe(300_000);
    const whole = await two.uploads.whole(id, bytes.length, undefined, inOrder(record));
    expect([whole.sha256, sha(readFileSync(whole.file))]).toEqual([sha(bytes), sha(bytes)]);
    await whole.release();
    if (two.kind === 's3') {
      expect(readdirSync(path.join(two.dataDir, 'tmp'))).toEqual([]);
      // A piece shorter than recorded, or pieces that do not reach the end, are never taken for the file.
      const short = inOrder(record).map((p) => (p.start === 100_000 ? { ...p, size: p.size + 1 } : p));
      await expect(two.uploads.whole(id, bytes.length, undefined, short)).rejects.toThrow('the piece at 100000 gave 150000 of 150001 bytes');
      await expect(two.uploads.whole(id, bytes.length, undefined, inOrder(record).slice(0, 2))).rejects.toThrow('the pieces hold 250000 of 300000 bytes');
      expect(readdirSync(path.join(two.dataDir, 'tmp'))).toEqual([]);
    }
    await one.uploads.remove(id);
    expect(await one.uploads.received(id, 0)).toBe(one.kind === 'local' ? undefined : 0);
  });
});
