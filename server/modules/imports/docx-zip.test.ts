import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { minimalDocxEntries, zipBytes, type ZipEntryInput } from '../../../core/files/testing/zip-bytes.ts';
import { AppError } from '../../errors.ts';
import { checkDocxPackage, readZipDirectory } from './docx-zip.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const BODY = '<w:p><w:r><w:t>背景</w:t></w:r></w:p>';
const MB = 1024 * 1024;
const zip = (entries: ZipEntryInput[]) => Buffer.from(zipBytes(entries));
const docx = (extra: ZipEntryInput[] = []) => zip(minimalDocxEntries(extra, BODY));

/** The reason a package is refused for, or 'accepted'. */
function verdict(bytes: Buffer): string {
  try {
    checkDocxPackage(bytes);
    return 'accepted';
  } catch (error) {
    if (error instanceof AppError && error.code === 'import_failed') return String(error.params.reason);
    throw error;
  }
}

describe('checking a .docx package before it is parsed', () => {
  it('accepts Word files written by LibreOffice, by hand, and with zip64 records', () => {
    expect(['headings.docx', 'bold-lines.docx', 'english-zip64.docx'].map((f) => verdict(fixture(f)))).toEqual(['accepted', 'accepted', 'accepted']);
    expect(verdict(docx())).toBe('accepted');
  });

  it('reads the central directory, zip64 included', () => {
    const files = (name: string) => readZipDirectory(fixture(name)).map((e) => e.name).filter((n) => !n.endsWith('/')).sort();
    expect(files('english-zip64.docx')).toContain('word/document.xml');
    expect(files('english-zip64.docx')).toEqual(files('english.docx'));
  });

  it('tells a text file, an old .doc, a zip without a document, an encrypted entry and a cut-off file apart', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const plainZip = zip([{ name: 'notes.txt', data: Buffer.from('背景') }]);
    const encrypted = docx([{ name: 'word/secret.xml', data: Buffer.from('<x/>'), flags: 1 }]);
    const whole = fixture('headings.docx');
    expect([
      verdict(Buffer.from('一、背景\n社区有居民1.2万人。')),
      verdict(Buffer.alloc(0)),
      verdict(ole),
      verdict(plainZip),
      verdict(encrypted),
      verdict(whole.subarray(0, Math.floor(whole.length / 2))),
    ]).toEqual(['not_docx', 'not_docx', 'legacy_format', 'not_docx', 'encrypted', 'corrupt']);
  });

  it('refuses a zip bomb by the sizes its directory declares, before inflating anything', () => {
    const declaredHuge = docx([{ name: 'word/media/image1.png', data: Buffer.from('tiny'), declaredSize: 101 * MB }]);
    const spaces = Buffer.alloc(5 * MB, 0x20);
    const highRatio = docx([{ name: 'word/fill.xml', data: spaces, deflated: deflateRawSync(spaces) }]);
    expect([verdict(declaredHuge), verdict(highRatio)]).toEqual(['too_large_unpacked', 'too_large_unpacked']);
  });

  it('refuses a part that inflates to more than it declares, stopping at the declared size', () => {
    const spaces = Buffer.alloc(3 * MB, 0x20);
    const lying = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: spaces, deflated: deflateRawSync(spaces), declaredSize: 1000 },
    ]);
    expect(verdict(lying)).toBe('too_large_unpacked');
  });

  it('calls a part that inflates to less than it declares damaged', () => {
    const document = Buffer.from('<w:document/>');
    const short = zip([{ name: 'word/document.xml', data: document, deflated: deflateRawSync(document), declaredSize: 5000 }]);
    expect(verdict(short)).toBe('corrupt');
  });
});
