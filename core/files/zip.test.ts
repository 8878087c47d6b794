import { describe, expect, it } from 'vitest';
import { minimalDocxEntries, zipBytes } from './testing/zip-bytes.ts';
import { hasMacros, isZipBomb, locateCentralDirectory, officeTypeOf, readCentralDirectory, ZIP_TAIL_BYTES, type ZipEntry } from './zip.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function entriesOf(file: Uint8Array): ZipEntry[] | undefined {
  const tailStart = Math.max(0, file.length - ZIP_TAIL_BYTES);
  const where = locateCentralDirectory(file.subarray(tailStart), tailStart, file.length);
  return where && readCentralDirectory(file.subarray(where.offset, where.offset + where.size), where.entries);
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('the central directory', () => {
  it('lists entries with their sizes and offsets', () => {
    const file = zipBytes([{ name: 'a.txt', data: utf8('hello') }, { name: '目录/说明.txt', data: utf8('你好') }]);
    expect(entriesOf(file)).toEqual([
      { name: 'a.txt', compressedSize: 5, uncompressedSize: 5, localHeaderOffset: 0 },
      { name: '目录/说明.txt', compressedSize: 6, uncompressedSize: 6, localHeaderOffset: 40 },
    ]);
  });

  it('finds no directory in a truncated archive or in bytes that are not one', () => {
    const file = zipBytes([{ name: 'a.txt', data: utf8('hello') }]);
    expect(entriesOf(file.subarray(0, file.length - 5))).toBeUndefined();
    expect(entriesOf(utf8('PK\u0003\u0004 not really'))).toBeUndefined();
  });
});

describe('officeTypeOf and hasMacros', () => {
  it('tells a Word document from a plain archive', () => {
    expect(officeTypeOf(entriesOf(zipBytes(minimalDocxEntries()))!)).toBe(DOCX);
    expect(officeTypeOf(entriesOf(zipBytes([{ name: 'word/document.xml', data: utf8('<x/>') }]))!)).toBe('application/zip');
  });

  it('notices a macro project', () => {
    const entries = entriesOf(zipBytes(minimalDocxEntries([{ name: 'word/vbaProject.bin', data: utf8('VBA') }])))!;
    expect([officeTypeOf(entries), hasMacros(entries)]).toEqual([DOCX, true]);
    expect(hasMacros(entriesOf(zipBytes(minimalDocxEntries()))!)).toBe(false);
  });
});

describe('isZipBomb', () => {
  it('passes a real document', () => {
    expect(isZipBomb(entriesOf(zipBytes(minimalDocxEntries()))!)).toBe(false);
  });

  it('catches an entry that claims to unpack 4 GB from a few bytes', () => {
    const bomb = zipBytes(minimalDocxEntries([{ name: 'word/media/image1.png', data: new Uint8Array(1000), declaredSize: 0xfffffffe }]));
    expect(isZipBomb(entriesOf(bomb)!)).toBe(true);
  });

  it('catches many modest entries that add up to too much', () => {
    const parts = Array.from({ length: 60 }, (_, i) => ({ name: `word/p${i}.xml`, data: new Uint8Array(2 * 1024 * 1024 / 200), declaredSize: 10 * 1024 * 1024 }));
    expect(isZipBomb(entriesOf(zipBytes(minimalDocxEntries(parts)))!)).toBe(true);
  });

  it('catches entries that share one body of data (an overlapping bomb)', () => {
    const entries = minimalDocxEntries([{ name: 'word/a.xml', data: utf8('<a/>') }, { name: 'word/b.xml', data: utf8('<a/>'), sameDataAs: 3 }]);
    expect(isZipBomb(entriesOf(zipBytes(entries))!)).toBe(true);
  });
});
