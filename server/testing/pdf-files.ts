import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

export interface TestPdf {
  /** Text drawn on its one page. */
  text?: string;
  /** An OpenAction running this JavaScript. */
  openActionScript?: string;
  /** Write objects into compressed object streams, as most producers since PDF 1.5 do. */
  objectStreams?: boolean;
  /** Pad the file (with an unreferenced stream of spaces) to at least this many bytes. */
  minBytes?: number;
}

/** A real PDF written by pdf-lib, as a test needs it. */
export async function testPdf(options: TestPdf = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(options.text ?? 'Sealed declaration form', { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  if (options.openActionScript !== undefined) {
    const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(options.openActionScript) });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  }
  if (options.minBytes) doc.context.register(doc.context.stream(new Uint8Array(options.minBytes).fill(0x20)));
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? false }));
}
