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
  /** General-purpose flags (bit 0: encrypted). */
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

/** A ZIP file holding `entries`, with a valid central directory. */
export function zipBytes(entries: readonly ZipEntryInput[]): Uint8Array {
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
    const local = new Uint8Array(30 + name.length + packed.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, entry.flags ?? 0, true);
    l.setUint16(8, method, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, packed.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(packed, 30 + name.length);
    const at = entry.sameDataAs === undefined ? offset : offsets[entry.sameDataAs]!;
    offsets.push(offset);
    if (entry.sameDataAs === undefined) {
      locals.push(local);
      offset += local.length;
    }
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, entry.flags ?? 0, true);
    c.setUint16(10, method, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, packed.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, at, true);
    central.set(name, 46);
    centrals.push(central);
  });
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
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
