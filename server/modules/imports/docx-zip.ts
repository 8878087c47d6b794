import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../errors.ts';

// A .docx is a zip. Before mammoth inflates anything we read the zip's central directory
// ourselves: it must be a zip, hold word/document.xml, and declare sizes a case document can
// have. Declared sizes can lie, so the XML parts mammoth will read are then inflated here with
// a hard output cap equal to what they declare: a zip bomb stops at the cap, not at memory's end.

export type ImportFailure = 'not_docx' | 'legacy_format' | 'encrypted' | 'corrupt' | 'too_large_unpacked' | 'no_text';

/** The 422 import_failed for `reason`; the route words the reason in the caller's language. */
export const importFailed = (reason: ImportFailure) => new AppError('import_failed', { reason }, { reason });

export interface ZipLimits {
  /** The most the entries may declare together, unpacked. */
  maxUnpackedBytes: number;
  maxEntries: number;
  /** The highest unpacked/packed ratio an entry above 1 MB may declare; text XML stays far below. */
  maxRatio: number;
}

export const DOCX_LIMITS: ZipLimits = { maxUnpackedBytes: 20 * 1024 * 1024, maxEntries: 2000, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  packedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function u64(bytes: Buffer, at: number): number {
  const value = bytes.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw importFailed('corrupt');
  return Number(value);
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw importFailed('corrupt');
}

/** The entries a zip's central directory declares; throws import_failed when it is no zip. */
export function readZipDirectory(bytes: Buffer): ZipEntry[] {
  if (bytes.length >= OLE.length && bytes.subarray(0, OLE.length).equals(OLE)) {
    // An OLE compound file: a Word 97–2003 .doc, or a .docx encrypted with a password.
    throw importFailed('legacy_format');
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL) throw importFailed('not_docx');
  const end = findEndOfCentralDirectory(bytes);
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    const record = u64(bytes, end - 20 + 8);
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD) throw importFailed('corrupt');
    count = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  if (count > DOCX_LIMITS.maxEntries) throw importFailed('too_large_unpacked');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw importFailed('corrupt');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      packedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    readZip64Extra(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// Sizes and offsets that do not fit 32 bits sit in the zip64 extra field, in this order.
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'packedSize', 'localHeaderOffset'] as const) {
        if (entry[key] === 0xffffffff && field + 8 <= at + 4 + length) {
          entry[key] = u64(extra, field);
          field += 8;
        }
      }
    }
    at += 4 + length;
  }
}

/** The bytes of one entry, inflated with a cap of its declared size. */
export function readZipEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw importFailed('corrupt');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const packed = bytes.subarray(start, start + entry.packedSize);
  if (packed.length !== entry.packedSize) throw importFailed('corrupt');
  if (entry.method === 0) {
    if (entry.size !== entry.packedSize) throw importFailed('corrupt');
    return packed;
  }
  if (entry.method !== 8) throw importFailed('corrupt');
  let data: Buffer;
  try {
    data = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    throw importFailed((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large_unpacked' : 'corrupt');
  }
  // A stream holding more than declared fails above at the cap; one holding less is damaged.
  if (data.length !== entry.size) throw importFailed('corrupt');
  return data;
}

/**
 * Refuses anything that is not a plausible Word document before a parser touches it: not a
 * zip, an old .doc, an encrypted file, no word/document.xml, or sizes no case needs.
 */
export function checkDocxPackage(bytes: Buffer, limits: ZipLimits = DOCX_LIMITS): void {
  const entries = readZipDirectory(bytes);
  if (entries.length > limits.maxEntries) throw importFailed('too_large_unpacked');
  if (entries.some((e) => (e.flags & 0x1) !== 0)) throw importFailed('encrypted');
  if (!entries.some((e) => e.name === 'word/document.xml')) throw importFailed('not_docx');
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > 1024 * 1024 && e.size > limits.maxRatio * Math.max(1, e.packedSize)) throw importFailed('too_large_unpacked');
  }
  if (total > limits.maxUnpackedBytes) throw importFailed('too_large_unpacked');
  // The parts mammoth reads are XML; media is never inflated because images are not imported.
  for (const e of entries) {
    if (/\.(xml|rels)$/iu.test(e.name)) readZipEntry(bytes, e);
  }
}
