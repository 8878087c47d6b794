import { open, type FileHandle } from 'node:fs/promises';
import { ACTIVE_CONTENT_OVERLAP, findMarkupActiveContent } from '../../../core/files/active-content.ts';
import { EXECUTABLE_TYPES, MARKUP_TYPES, SNIFF_BYTES, sniffType } from '../../../core/files/sniff.ts';
import { carriesCode, officeTypeOf } from '../../../core/files/office-package.ts';
import { readOfficePackage } from '../../files/office-reader.ts';
import { inspectPdf } from '../../files/pdf-inspection.ts';
import { ZipRefused } from '../../files/zip-reader.ts';
import type { UnsafeReason } from './file-errors.ts';

// What a finished upload really is and whether it is safe to keep, read from the file on disk in
// bounded slices: the head for its type, a zip through the one zip reader (every entry inflated
// within limits, its content types deciding what it is), a sliding window over markup, and a
// PDF parsed whole (its size is bounded by the upload limit) and walked object by object.

export type Inspection = { mediaType: string; unsafe?: undefined } | { mediaType: string; unsafe: UnsafeReason };

const WINDOW_BYTES = 1024 * 1024;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Runs `test` over the file in overlapping windows until it answers true. */
async function scan(handle: FileHandle, size: number, test: (window: Buffer) => boolean): Promise<boolean> {
  for (let position = 0; position < size; position += WINDOW_BYTES) {
    const start = Math.max(0, position - ACTIVE_CONTENT_OVERLAP * 2);
    if (test(await readAt(handle, start, Math.min(WINDOW_BYTES + position - start, size - start)))) return true;
  }
  return false;
}

/** A zip's office type, or why it must not be kept. */
async function inspectZip(file: string, rules: InspectionRules): Promise<Inspection> {
  try {
    const pkg = await readOfficePackage(file);
    const mediaType = officeTypeOf(pkg);
    return !rules.allowMacros && carriesCode(pkg) ? { mediaType, unsafe: 'macro' } : { mediaType };
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    return { mediaType: 'application/zip', unsafe: error.reason === 'corrupt' ? 'unreadable' : error.reason };
  }
}

function markupText(window: Buffer, utf16: 'le' | 'be' | undefined): string {
  if (!utf16) return window.toString('latin1');
  const even = window.subarray(0, window.length - (window.length % 2));
  return new TextDecoder(utf16 === 'le' ? 'utf-16le' : 'utf-16be').decode(even);
}

export interface InspectionRules {
  /** The campaign's allowMacroDocuments. */
  allowMacros: boolean;
}

/** The sniffed type of the file and, when it must not be kept, why. */
export async function inspectFile(file: string, size: number, rules: InspectionRules): Promise<Inspection> {
  const handle = await open(file, 'r');
  try {
    const head = await readAt(handle, 0, Math.min(SNIFF_BYTES, size));
    let mediaType = size === 0 ? '' : sniffType(head);
    if (EXECUTABLE_TYPES.has(mediaType)) return { mediaType, unsafe: 'executable' };
    if (mediaType === 'application/zip') {
      const zip = await inspectZip(file, rules);
      if (zip.unsafe) return zip;
      mediaType = zip.mediaType;
    }
    if (mediaType === 'application/x-ole-storage') {
      // Word 97–2003 files name their WordDocument stream in the directory, which may sit anywhere.
      const marker = Buffer.from('WordDocument', 'utf16le');
      if (await scan(handle, size, (w) => w.includes(marker))) mediaType = 'application/msword';
    }
    if (MARKUP_TYPES.has(mediaType)) {
      const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'le' : head[0] === 0xfe && head[1] === 0xff ? 'be' : undefined;
      if (await scan(handle, size, (w) => findMarkupActiveContent(markupText(w, utf16)) !== undefined)) return { mediaType, unsafe: 'script' };
    }
    if (mediaType === 'application/pdf') {
      const verdict = await inspectPdf(file);
      if (verdict) return { mediaType, unsafe: verdict };
    }
    return { mediaType };
  } finally {
    await handle.close();
  }
}

/**
 * Whether `mediaType` is on an accept list ("image/jpeg", or a family such as "image/*"). A family
 * never takes markup: "image/*" means pictures, and an SVG is a document that can run and link.
 */
export function isAccepted(mediaType: string, accept: readonly string[]): boolean {
  return accept.some((a) => a === mediaType || (a.endsWith('/*') && !MARKUP_TYPES.has(mediaType) && mediaType.startsWith(a.slice(0, -1))));
}
