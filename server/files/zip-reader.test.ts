import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { minimalDocxEntries, zipBytes, type ZipEntryInput } from '../../core/files/testing/zip-bytes.ts';
import { OFFICE_ZIP_LIMITS } from '../../core/files/zip-limits.ts';
import { zerosEntry } from '../testing/zip-bombs.ts';
import { readZip, ZipRefused } from './zip-reader.ts';
import { GUARD_MS } from '../../core/testing/guard.ts';

const MiB = 1024 * 1024;
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const zip = (entries: ZipEntryInput[], options: { zip64?: boolean } = {}) => Buffer.from(zipBytes(entries, options));

/** Every entry's name and text when the reader takes the archive, else the reason it refuses it. */
async function read(source: Buffer | string, limits = OFFICE_ZIP_LIMITS): Promise<Record<string, string> | string> {
  try {
    return await readZip(source, limits, async (archive) => {
      const out: Record<string, string> = {};
      for (const name of archive.names) out[name] = (await archive.inflate(name, true))!.toString('utf8');
      return out;
    });
  } catch (error) {
    if (error instanceof ZipRefused) return error.reason;
    throw error;
  }
}

describe('reading an archive', () => {
  it('reads stored and deflated entries, Chinese names included, and the same archive in ZIP64 form', async () => {
    const entries = [{ name: 'a.txt', data: utf8('hello') }, { name: '目录/说明.txt', data: utf8('你好'), deflated: deflateRawSync(utf8('你好')) }];
    expect(await read(zip(entries))).toEqual({ 'a.txt': 'hello', '目录/说明.txt': '你好' });
    expect(await read(zip(entries, { zip64: true }))).toEqual({ 'a.txt': 'hello', '目录/说明.txt': '你好' });
  });

  it('reads a .docx that zip -fz repacked with ZIP64 records, from its path', async () => {
    const fixture = (name: string) => new URL(`../modules/imports/fixtures/${name}`, import.meta.url);
    const zip64 = (await read(fixture('english-zip64.docx').pathname)) as Record<string, string>;
    const plain = (await read(readFileSync(fixture('english.docx')))) as Record<string, string>;
    const files = (parts: Record<string, string>) => Object.fromEntries(Object.entries(parts).filter(([name]) => !name.endsWith('/')));
    expect(files(zip64)).toEqual(files(plain));
    expect(Object.keys(plain)).toContain('word/document.xml');
  });

  it('inflates the entries a caller leaves alone, so an archive is accepted only whole', async () => {
    const bomb = zip(minimalDocxEntries([zerosEntry('word/media/image1.png', 512, 1000)]));
    const skipped = await readZip(bomb, OFFICE_ZIP_LIMITS, async () => 'accepted').catch((error: ZipRefused) => error.reason);
    expect(skipped).toBe('zip_bomb');
  });

  it('tells a cut-off archive, bytes that are no archive, an encrypted entry and duplicate names apart', async () => {
    const whole = zip(minimalDocxEntries());
    expect([
      await read(whole.subarray(0, whole.length - 5)),
      await read(utf8('PK\u0003\u0004 not really')),
      await read(zip(minimalDocxEntries([{ name: 'word/secret.xml', data: utf8('<x/>'), deflated: deflateRawSync(utf8('<x/>')), flags: 1 }]))),
      await read(zip([{ name: 'word/document.xml', data: utf8('<a/>') }, { name: 'WORD/document.xml', data: utf8('<b/>') }])),
    ]).toEqual(['corrupt', 'corrupt', 'encrypted', 'corrupt']);
  });
});

describe('the limits, whatever an entry is called', () => {
  it('refuses an entry that declares 4 GB, before inflating anything', async () => {
    expect(await read(zip(minimalDocxEntries([{ name: 'word/media/image1.png', data: new Uint8Array(1000), declaredSize: 0xfffffffe }])))).toBe('zip_bomb');
  }, GUARD_MS);

  it('refuses an entry that inflates past what it declares, stopping there', async () => {
    expect(await read(zip([zerosEntry('word/document.xml', 64, 1000)]))).toBe('zip_bomb');
  });

  it('refuses an entry compressed beyond any real document (200×)', async () => {
    const spaces = Buffer.alloc(5 * MiB, 0x20);
    expect(await read(zip(minimalDocxEntries([{ name: 'word/fill.dat', data: spaces, deflated: deflateRawSync(spaces) }])))).toBe('zip_bomb');
  });

  // The totals at a small scale: 1 MiB stands for the office limit of 128 MiB.
  const small = { ...OFFICE_ZIP_LIMITS, maxTotalBytes: MiB };

  it('refuses modest entries that add up past the total, and entries sharing one body of data (an overlapping bomb)', async () => {
    const modest = Array.from({ length: 3 }, (_, i) => ({ name: `word/p${i}.bin`, data: Buffer.alloc(400 * 1024, i) }));
    const shared = Array.from({ length: 3 }, (_, i) => ({ name: `word/p${i}.bin`, data: Buffer.alloc(400 * 1024, 7), ...(i > 0 ? { sameDataAs: 0 } : {}) }));
    expect([await read(zip(modest), small), await read(zip(shared), small), await read(zip(modest.slice(0, 2)), small)])
      .toEqual(['zip_bomb', 'zip_bomb', { 'word/p0.bin': '\0'.repeat(400 * 1024), 'word/p1.bin': '\u0001'.repeat(400 * 1024) }]);
  });

  it('calls an entry that inflates to less than it declares damaged', async () => {
    const document = utf8('<w:document/>');
    expect(await read(zip([{ name: 'word/document.xml', data: document, deflated: deflateRawSync(document), declaredSize: 5000 }]))).toBe('corrupt');
  });
});
