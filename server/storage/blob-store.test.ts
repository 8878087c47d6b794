import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptFile, blobPath, hashFile, tempPath } from './blob-store.ts';

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

describe('the local blob store', () => {
  it('keeps a blob under its SHA-256, in a folder named by its first two digits, and refuses any other name', async () => {
    const dir = dataDir();
    const bytes = randomBytes(1024);
    const file = await tempPath(dir);
    writeFileSync(file, bytes);
    await adoptFile(dir, file, sha(bytes));
    expect(blobPath(dir, sha(bytes))).toBe(path.join(dir, 'blobs', sha(bytes).slice(0, 2), sha(bytes)));
    expect([readdirSync(path.join(dir, 'tmp')), await hashFile(blobPath(dir, sha(bytes)))]).toEqual([[], sha(bytes)]);
    expect(() => blobPath(dir, '../../etc/passwd')).toThrow('not a SHA-256');
  });

  it('removes a second copy of bytes it holds, and keeps the source when asked', async () => {
    const dir = dataDir();
    const first = await tempPath(dir);
    writeFileSync(first, '申报表');
    await adoptFile(dir, first, sha(Buffer.from('申报表')), { keepSource: true });
    expect(readFileSync(first, 'utf8')).toBe('申报表');
    const second = await tempPath(dir);
    writeFileSync(second, '申报表');
    await adoptFile(dir, second, sha(Buffer.from('申报表')));
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([path.basename(first)]);
  });
});
