import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';
import { PDF_ACTIVE_KEYS, PDF_ACTIVE_TYPES } from '../../core/files/active-content.ts';
import { everyPdfDefinition } from './pdf-definitions.ts';
import { checkStructureStreams } from './pdf-structure-streams.ts';

// A PDF is judged by parsing it (pdf-lib reads cross-reference streams and object streams),
// then walking every indirect object and everything nested in it for script, launch, embedded
// file, rich media and form-submission markers, so nothing hides in a compressed object
// stream or in the /Names tree; every definition of an object counts, and every object the xref
// tables point at as a reader would find it (pdf-definitions.ts). A file pdf-lib cannot parse, or an encrypted one (its object
// streams cannot be read without the password), is refused: what cannot be read cannot be
// vouched for.

export type PdfVerdict = 'pdf_script' | 'unreadable' | 'encrypted' | 'zip_bomb' | undefined;

/** Nested direct objects deeper than this are not written by any PDF producer. */
const MAX_DEPTH = 64;
const TYPE_KEYS = [PDFName.of('S'), PDFName.of('Type'), PDFName.of('Subtype')];

function isActive(object: PDFObject, depth: number): boolean {
  if (depth > MAX_DEPTH) return true;
  const dict = object instanceof PDFStream ? object.dict : object;
  if (dict instanceof PDFDict) {
    for (const [key, value] of dict.entries()) {
      if (PDF_ACTIVE_KEYS.has(key.decodeText())) return true;
      if (TYPE_KEYS.includes(key) && value instanceof PDFName && PDF_ACTIVE_TYPES.has(value.decodeText())) return true;
      if (isActive(value, depth + 1)) return true;
    }
  } else if (dict instanceof PDFArray) {
    for (const item of dict.asArray()) if (isActive(item, depth + 1)) return true;
  }
  return false;
}

/** Why the PDF in `bytes` must not be kept, or undefined when it parses and holds nothing active. */
export async function judgePdf(bytes: Uint8Array): Promise<PdfVerdict> {
  const structure = checkStructureStreams(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (structure) return structure === 'bomb' ? 'zip_bomb' : 'unreadable';
  let definitions: PDFObject[];
  try {
    definitions = await everyPdfDefinition(bytes);
    const document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true, ignoreEncryption: true });
    if (document.isEncrypted) return 'encrypted';
    if (document.getPageCount() < 1) return 'unreadable';
  } catch {
    return 'unreadable';
  }
  return definitions.some((object) => isActive(object, 0)) ? 'pdf_script' : undefined;
}

/** The verdict for the PDF file at `file` (already bounded by the upload's size limit). */
export async function inspectPdf(file: string): Promise<PdfVerdict> {
  return judgePdf(await readFile(file));
}
