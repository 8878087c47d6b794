import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptFile, blobPath, hashFile, readBlob, storeStream, tempPath } from './blob-store.ts';

const dirs: string[] = [];
function dataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-blobs-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the blob store', () => {
  it('streams bytes in under their SHA-256, in a folder named by its first two digits', async () => {
    const dir = dataDir();
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    // Fed in small pieces, as a socket delivers them.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    const stored = await storeStream(dir, Readable.from(pieces));
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(blobPath(dir, stored.sha256)).toBe(path.join(dir, 'blobs', stored.sha256.slice(0, 2), stored.sha256));
    expect(sha(readFileSync(blobPath(dir, stored.sha256)))).toBe(stored.sha256);
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('stores the same bytes once, however often they come', async () => {
    const dir = dataDir();
    const first = await storeStream(dir, Readable.from([Buffer.from('申报表')]));
    const second = await storeStream(dir, Readable.from([Buffer.from('申报'), Buffer.from('表')]));
    expect(second).toEqual(first);
    expect(readdirSync(path.join(dir, 'blobs'), { recursive: true }).length).toBe(2);
    const file = await tempPath(dir);
    writeFileSync(file, '申报表');
    await adoptFile(dir, file, first.sha256);
    expect([readdirSync(path.join(dir, 'tmp')), readFileSync(blobPath(dir, first.sha256), 'utf8')]).toEqual([[], '申报表']);
  });

  it('leaves nothing behind when the source fails midway', async () => {
    const dir = dataDir();
    async function* failing() {
      yield Buffer.from('half a file');
      throw new Error('connection reset');
    }
    await expect(storeStream(dir, Readable.from(failing()))).rejects.toThrow('connection reset');
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('reads a byte range and hashes a file', async () => {
    const dir = dataDir();
    const stored = await storeStream(dir, Readable.from([Buffer.from('0123456789')]));
    expect(await text(readBlob(dir, stored.sha256, { start: 2, end: 5 }))).toBe('2345');
    expect(await hashFile(blobPath(dir, stored.sha256))).toBe(stored.sha256);
    expect(() => blobPath(dir, '../../etc/passwd')).toThrow('not a SHA-256');
  });
});
