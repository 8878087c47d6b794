import { PDFArray, PDFName, PDFNumber, PDFParser, PDFRawStream, PDFXRefStreamParser, type PDFContext, type PDFObject, type PDFRef } from 'pdf-lib';

// pdf-lib reads a file front to back and keeps the last definition of each object, while
// Acrobat and pdf.js go where the cross-reference tables point. A file can make the two
// disagree: a second, harmless definition of an object after the hostile one the xref names, or
// a hostile object inside another stream's data that only an xref offset reaches. So every
// definition pdf-lib parses is kept (none overwrites another), and every object the file's
// xref tables and streams point at is parsed again at its offset, as a reader would find it.

/** Walking an xref offset reads to the object's end; honest files read each byte about once. */
const OFFSET_READ_BUDGET = 4;

/**
 * pdf-lib lists every entry an xref stream declares, whatever its data holds: a 1.4 KB file
 * declaring 20 million took 57 s and 3.3 GB. No honest file declares more entries than it has
 * bytes over four, nor more than a million.
 */
const MAX_XREF_ENTRIES = 1_000_000;

export class PdfDefinitionsUnreadable extends Error {}

/** How many entries an xref stream declares: its /Index ranges, else /Size. */
function declaredEntries(stream: PDFRawStream): number {
  const index = stream.dict.lookup(PDFName.of('Index'));
  const count = (object: PDFObject | undefined) => (object instanceof PDFNumber ? Math.max(object.asNumber(), 0) : 0);
  if (index instanceof PDFArray) return index.asArray().reduce<number>((sum, item, i) => sum + (i % 2 === 1 ? count(item) : 0), 0);
  return count(stream.dict.lookup(PDFName.of('Size')));
}

interface XRefSection {
  subsections: { offset: number; deleted: boolean }[][];
}

/** The parts of pdf-lib's parser this file steers; pdf-lib declares them protected or private. */
interface ParserInternals {
  context: PDFContext;
  bytes: { moveTo(offset: number): void; offset(): number };
  maybeParseCrossRefSection(): XRefSection | undefined;
  parseObject(): PDFObject;
  parseIndirectObject(): Promise<unknown>;
}

/**
 * Every object definition in `bytes` a reader could use; throws on what pdf-lib cannot parse. Run
 * it before any other pdf-lib load, which has no bound on declared xref entries.
 */
export async function everyPdfDefinition(bytes: Uint8Array): Promise<PDFObject[]> {
  const parser = PDFParser.forBytesWithOptions(bytes, Infinity, true, false);
  const internals = parser as unknown as ParserInternals;
  const definitions: PDFObject[] = [];
  const assign = internals.context.assign.bind(internals.context);
  internals.context.assign = (ref: PDFRef, object: PDFObject) => {
    definitions.push(object);
    assign(ref, object);
  };
  const offsets = new Set<number>();
  // The classic tables are parsed and then dropped by pdf-lib: their offsets are kept here.
  const parseSection = internals.maybeParseCrossRefSection.bind(parser);
  internals.maybeParseCrossRefSection = () => {
    const section = parseSection();
    for (const subsection of section?.subsections ?? []) {
      for (const entry of subsection) if (!entry.deleted) offsets.add(entry.offset);
    }
    return section;
  };
  const xrefStreams: PDFRawStream[] = [];
  const maxEntries = Math.min(MAX_XREF_ENTRIES, Math.max(bytes.length / 4, 1024));
  let entries = 0;
  const parseObject = internals.parseObject.bind(parser);
  internals.parseObject = () => {
    const object = parseObject();
    if (object instanceof PDFRawStream && object.dict.lookup(PDFName.of('Type')) === PDFName.of('XRef')) {
      // Counted here, before pdf-lib lists the stream's entries.
      entries += declaredEntries(object);
      if (entries > maxEntries) throw new PdfDefinitionsUnreadable(`xref streams declare ${entries} entries`);
      xrefStreams.push(object);
    }
    return object;
  };
  await parser.parseDocument();
  for (const stream of xrefStreams) {
    for (const entry of PDFXRefStreamParser.forStream(stream).parseIntoContext()) {
      if (!entry.deleted && !entry.inObjectStream) offsets.add(entry.offset);
    }
  }
  await parseAtOffsets(internals, bytes.length, offsets);
  return definitions;
}

async function parseAtOffsets(internals: ParserInternals, length: number, offsets: Set<number>): Promise<void> {
  let read = 0;
  for (const offset of offsets) {
    if (offset <= 0 || offset >= length) continue;
    internals.bytes.moveTo(offset);
    try {
      await internals.parseIndirectObject();
    } catch {
      // No object there: a reader rebuilds the table by scanning the file, as pdf-lib did.
      continue;
    }
    read += internals.bytes.offset() - offset;
    if (read > OFFSET_READ_BUDGET * length) throw new PdfDefinitionsUnreadable('xref offsets read the file over and over');
  }
}
