import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { minimalDocxEntries, zipBytes, type ZipEntryInput } from '../../../core/files/testing/zip-bytes.ts';
import { AppError } from '../../errors.ts';
import { docxWithExplodingMainPart, zerosEntry } from '../../testing/zip-bombs.ts';
import { readDocxPackage } from './docx-zip.ts';
import { GUARD_MS } from '../../../core/testing/guard.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const BODY = '<w:p><w:r><w:t>背景</w:t></w:r></w:p>';
const zip = (entries: ZipEntryInput[], options: { zip64?: boolean } = {}) => Buffer.from(zipBytes(entries, options));
const docx = (extra: ZipEntryInput[] = []) => zip(minimalDocxEntries(extra, BODY));

/** The reason a package is refused for, or 'accepted'. */
async function verdict(bytes: Buffer): Promise<string> {
  try {
    await readDocxPackage(bytes, false);
    return 'accepted';
  } catch (error) {
    if (error instanceof AppError && error.code === 'import_failed') return String(error.params.reason);
    throw error;
  }
}

describe('checking a .docx package before mammoth reads it', () => {
  it('accepts Word files written by LibreOffice, by hand, and with ZIP64 records', async () => {
    const verdicts = await Promise.all([fixture('headings.docx'), fixture('english-zip64.docx'), docx(), zip(minimalDocxEntries([], BODY), { zip64: true })].map(verdict));
    expect(verdicts).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  });

  it('tells a text file, an empty file, an old .doc, a zip without a document, an encrypted entry and a cut-off file apart', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const plainZip = zip([{ name: 'notes.txt', data: Buffer.from('背景') }]);
    const encrypted = docx([{ name: 'word/secret.xml', data: Buffer.from('<x/>'), deflated: deflateRawSync(Buffer.from('<x/>')), flags: 1 }]);
    const whole = fixture('headings.docx');
    expect(await Promise.all([
      Buffer.from('一、背景\n社区有居民1.2万人。'), Buffer.alloc(0), ole, plainZip, encrypted, whole.subarray(0, Math.floor(whole.length / 2)),
    ].map(verdict))).toEqual(['not_docx', 'not_docx', 'legacy_format', 'not_docx', 'encrypted', 'corrupt']);
  });

  it('refuses quickly, with memory bounded, a main part named word/main.dat that inflates to 2 GB', async () => {
    const bomb = docxWithExplodingMainPart(2048);
    const before = process.memoryUsage();
    expect(await verdict(bomb)).toBe('zip_bomb');
    const after = process.memoryUsage();
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 1024 * 1024);
  }, GUARD_MS);

  it('inflates every entry whatever its name: a picture that explodes is refused too', async () => {
    expect(await verdict(docx([zerosEntry('word/media/image1.png', 300, 4096)]))).toBe('zip_bomb');
  });

  it('refuses XML parts past what mammoth may parse (20 MB), even when the archive is within its limits', async () => {
    const spaces = Buffer.alloc(11 * 1024 * 1024, 0x20);
    const stored = docx([{ name: 'word/a.xml', data: spaces }, { name: 'word/b.xml', data: spaces }]);
    const pictures = docx([{ name: 'word/media/a.png', data: spaces }, { name: 'word/media/b.png', data: spaces }]);
    expect([await verdict(stored), await verdict(pictures)]).toEqual(['zip_bomb', 'accepted']);
  });

  it('refuses content types and relationships past 8 MB before inflating them', async () => {
    const padding = Buffer.alloc(9 * 1024 * 1024, 0x20);
    expect(await verdict(docx([{ name: 'word/_rels/document.xml.rels', data: padding }]))).toBe('zip_bomb');
  });
});
