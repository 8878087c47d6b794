// Builds ZIP archives byte by byte for tests: real stored or deflated entries, or entries that
// only claim sizes (a zip bomb's central directory says what it likes), which no honest library
// writes. Pure, so the browser-side tests can use it too: the caller deflates (node:zlib's
// deflateRawSync on the server).

export interface ZipEntryInput {
  name: string;
  /** The entry's content; its CRC and (unless declaredSize says otherwise) its unpacked size. */
  data: Uint8Array;
  /** `data` compressed with raw deflate: stored in its place, with the deflate method. */
  deflated?: Uint8Array;
  /** Claim this unpacked size and the deflate method instead of the data's own size. */
  declaredSize?: number;
  /** General-purpose flags (bit 0: encrypted); bit 11 (UTF-8 names) is added for non-ASCII names. */
  flags?: number;
  /** Point the central directory at an earlier entry's data (an overlapping bomb). */
  sameDataAs?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function zip64Extra(values: number[]): Uint8Array {
  const extra = new Uint8Array(4 + 8 * values.length);
  const x = new DataView(extra.buffer);
  x.setUint16(0, 0x0001, true);
  x.setUint16(2, 8 * values.length, true);
  values.forEach((value, i) => x.setBigUint64(4 + 8 * i, BigInt(value), true));
  return extra;
}

function zip64End(count: number, directorySize: number, directoryOffset: number): Uint8Array {
  const out = new Uint8Array(56 + 20);
  const r = new DataView(out.buffer);
  r.setUint32(0, 0x06064b50, true);
  r.setBigUint64(4, 44n, true);
  r.setUint16(12, 45, true);
  r.setUint16(14, 45, true);
  r.setBigUint64(24, BigInt(count), true);
  r.setBigUint64(32, BigInt(count), true);
  r.setBigUint64(40, BigInt(directorySize), true);
  r.setBigUint64(48, BigInt(directoryOffset), true);
  r.setUint32(56, 0x07064b50, true);
  r.setBigUint64(64, BigInt(directoryOffset + directorySize), true);
  r.setUint32(72, 1, true);
  return out;
}

/**
 * A ZIP file holding `entries`, with a valid central directory; with `zip64`, every size and
 * offset sits in ZIP64 fields and records, as `zip -fz` writes them.
 */
export function zipBytes(entries: readonly ZipEntryInput[], options: { zip64?: boolean } = {}): Uint8Array {
  const zip64 = options.zip64 === true;
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((entry) => {
    const name = encoder.encode(entry.name);
    const packed = entry.deflated ?? entry.data;
    const method = entry.deflated === undefined && entry.declaredSize === undefined ? 0 : 8;
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const flags = (entry.flags ?? 0) | (/^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x0800);
    const localExtra = zip64 ? zip64Extra([size, packed.length]) : new Uint8Array(0);
    const local = new Uint8Array(30 + name.length + localExtra.length + packed.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, flags, true);
    l.setUint16(8, method, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, zip64 ? 0xffffffff : packed.length, true);
    l.setUint32(22, zip64 ? 0xffffffff : size, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, localExtra.length, true);
    local.set(name, 30);
    local.set(localExtra, 30 + name.length);
    local.set(packed, 30 + name.length + localExtra.length);
    const at = entry.sameDataAs === undefined ? offset : offsets[entry.sameDataAs]!;
    offsets.push(offset);
    if (entry.sameDataAs === undefined) {
      locals.push(local);
      offset += local.length;
    }
    const centralExtra = zip64 ? zip64Extra([size, packed.length, at]) : new Uint8Array(0);
    const central = new Uint8Array(46 + name.length + centralExtra.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, zip64 ? 45 : 20, true);
    c.setUint16(8, flags, true);
    c.setUint16(10, method, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, zip64 ? 0xffffffff : packed.length, true);
    c.setUint32(24, zip64 ? 0xffffffff : size, true);
    c.setUint16(28, name.length, true);
    c.setUint16(30, centralExtra.length, true);
    c.setUint32(42, zip64 ? 0xffffffff : at, true);
    central.set(name, 46);
    central.set(centralExtra, 46 + name.length);
    centrals.push(central);
  });
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, zip64 ? 0xffff : entries.length, true);
  e.setUint16(10, zip64 ? 0xffff : entries.length, true);
  e.setUint32(12, zip64 ? 0xffffffff : directorySize, true);
  e.setUint32(16, zip64 ? 0xffffffff : offset, true);
  const parts = [...locals, ...centrals, ...(zip64 ? [zip64End(entries.length, directorySize, offset)] : []), end];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

/** The parts of a real .docx: content types, the package relation, and a document around `body`. */
const MINIMAL_DOCX_PARTS = {
  contentTypes: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  rels: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  document: (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
};

/** The smallest Word document whose body is `body` (WordprocessingML), with `extra` entries after it. */
export function minimalDocxEntries(extra: ZipEntryInput[] = [], body = ''): ZipEntryInput[] {
  return [
    { name: '[Content_Types].xml', data: text(MINIMAL_DOCX_PARTS.contentTypes) },
    { name: '_rels/.rels', data: text(MINIMAL_DOCX_PARTS.rels) },
    { name: 'word/document.xml', data: text(MINIMAL_DOCX_PARTS.document(body)) },
    ...extra,
  ];
}
