// ZIP containers (Word .docx is one) read from their central directory only: what they hold and
// how big it claims to unpack, without inflating a byte. Pure; the caller reads the bytes.

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface CentralDirectoryLocation {
  offset: number;
  size: number;
  entries: number;
}

/** How much of a file's end to read to find its end-of-central-directory record. */
export const ZIP_TAIL_BYTES = 22 + 0xffff;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ZIP64_LOCATOR = 0x07064b50;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Where the central directory is, from the last ZIP_TAIL_BYTES of the file (`tailStart` is the
 * tail's offset in the file); undefined when there is no valid record or it needs ZIP64, which
 * no office document uses.
 */
export function locateCentralDirectory(tail: Uint8Array, tailStart: number, fileSize: number): CentralDirectoryLocation | undefined {
  const data = view(tail);
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (data.getUint32(i, true) !== EOCD) continue;
    const commentLength = data.getUint16(i + 20, true);
    if (i + 22 + commentLength !== tail.length) continue;
    const entries = data.getUint16(i + 10, true);
    const size = data.getUint32(i + 12, true);
    const offset = data.getUint32(i + 16, true);
    if (i >= 20 && data.getUint32(i - 20, true) === ZIP64_LOCATOR) return undefined;
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return undefined;
    if (offset + size > tailStart + i || offset + size > fileSize) return undefined;
    return { offset, size, entries };
  }
  return undefined;
}

function zip64Sizes(extra: Uint8Array, needUncompressed: boolean, needCompressed: boolean) {
  const data = view(extra);
  for (let at = 0; at + 4 <= extra.length;) {
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const read = () => {
        const value = field + 8 <= at + 4 + length ? Number(data.getBigUint64(field, true)) : Number.POSITIVE_INFINITY;
        field += 8;
        return value;
      };
      const uncompressed = needUncompressed ? read() : undefined;
      const compressed = needCompressed ? read() : undefined;
      return { uncompressed, compressed };
    }
    at += 4 + length;
  }
  return { uncompressed: needUncompressed ? Number.POSITIVE_INFINITY : undefined, compressed: undefined };
}

/** The entries of a central directory (its bytes exactly); undefined when it is malformed. */
export function readCentralDirectory(directory: Uint8Array, expectedEntries: number): ZipEntry[] | undefined {
  const data = view(directory);
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= directory.length) {
    if (data.getUint32(at, true) !== CENTRAL) return undefined;
    let compressedSize = data.getUint32(at + 20, true);
    let uncompressedSize = data.getUint32(at + 24, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const localHeaderOffset = data.getUint32(at + 42, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) return undefined;
    const name = names.decode(directory.subarray(at + 46, at + 46 + nameLength));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      const sizes = zip64Sizes(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), uncompressedSize === 0xffffffff, compressedSize === 0xffffffff);
      uncompressedSize = sizes.uncompressed ?? uncompressedSize;
      compressedSize = sizes.compressed ?? compressedSize;
    }
    entries.push({ name, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  return at === directory.length && entries.length === expectedEntries ? entries : undefined;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  /** Uncompressed over compressed, for entries big enough to matter. */
  maxRatio: number;
}

/** Generous for any real office document: XML compresses ~10–30×, pictures ~1×. */
export const OFFICE_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalUncompressed: 512 * 1024 * 1024, maxRatio: 200 };

const RATIO_FLOOR_BYTES = 1024 * 1024;

/**
 * Whether the archive would unpack into far more than it weighs (a "zip bomb"), judged from what
 * its central directory declares: too many entries, too much in total, an entry that
 * compresses beyond any real document, or entries that share their data (overlapping bombs).
 */
export function isZipBomb(entries: readonly ZipEntry[], limits: ZipLimits = OFFICE_ZIP_LIMITS): boolean {
  if (entries.length > limits.maxEntries) return true;
  let total = 0;
  const offsets = new Set<number>();
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (offsets.has(entry.localHeaderOffset)) return true;
    offsets.add(entry.localHeaderOffset);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) return true;
  }
  return !(total <= limits.maxTotalUncompressed);
}

/** The Office Open XML type of an archive from its entry names, or application/zip. */
export function officeTypeOf(entries: readonly ZipEntry[]): string {
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml')) return 'application/zip';
  const has = (prefix: string) => entries.some((e) => e.name.startsWith(prefix));
  if (has('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (has('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (has('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return 'application/zip';
}

/** Whether an office archive carries macros (VBA project or ActiveX controls). */
export function hasMacros(entries: readonly ZipEntry[]): boolean {
  return entries.some((e) => /(?:^|\/)vbaProject\.bin$/i.test(e.name) || /(?:^|\/)activeX\//i.test(e.name));
}
