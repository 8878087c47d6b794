import { crc32 } from 'node:zlib';
import { carriesCode, officeTypeOf } from '../../../core/files/office-package.ts';
import { AppError } from '../../errors.ts';
import { readOfficePackage } from '../../files/office-reader.ts';
import { ZipRefused } from '../../files/zip-reader.ts';

// A .docx is checked by the same reader as an upload before mammoth sees it: every entry is
// inflated within the office limits, and mammoth then gets a package rebuilt from the parts
// that were inflated, stored without compression, so the zip library inside mammoth has nothing
// left to inflate and no way to read the original archive differently from ours.

export type ImportFailure = 'not_docx' | 'legacy_format' | 'encrypted' | 'corrupt' | 'zip_bomb' | 'macro' | 'no_text';

/** The 422 import_failed for `reason`; the route words the reason in the caller's language. */
export const importFailed = (reason: ImportFailure) => new AppError('import_failed', { reason }, { reason });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOCM = 'application/vnd.ms-word.document.macroEnabled.12';
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Mammoth parses every XML part it reads into a tree: no case document needs more than this. */
export const MAX_PARSED_BYTES = 20 * 1024 * 1024;

// Mammoth reads XML parts only; pictures, fonts and binaries are never looked into.
const isXml = (contentType: string | undefined) => contentType !== undefined && /[/+]xml$/.test(contentType);

/**
 * The Word document in `bytes`, checked and rebuilt for mammoth; throws import_failed when it is
 * not a .docx, is damaged, encrypted, explodes, or carries macros the campaign does not allow.
 */
export async function readDocxPackage(bytes: Buffer, allowMacros: boolean): Promise<Buffer> {
  // An OLE compound file: a Word 97–2003 .doc, or a .docx encrypted with a password.
  if (bytes.subarray(0, OLE.length).equals(OLE)) throw importFailed('legacy_format');
  let pkg;
  try {
    pkg = await readOfficePackage(bytes, { keep: (_name, type) => isXml(type), maxBytes: MAX_PARSED_BYTES });
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw importFailed(error.reason === 'corrupt' && !bytes.subarray(0, 4).equals(ZIP_SIGNATURE) ? 'not_docx' : error.reason);
  }
  const type = officeTypeOf(pkg);
  if (type !== DOCX && type !== DOCM) throw importFailed('not_docx');
  if (!allowMacros && carriesCode(pkg)) throw importFailed('macro');
  return storedZip(pkg.parts);
}

/** A zip of `parts`, each stored as is. */
export function storedZip(parts: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const fileName = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    header.copy(central, 8, 6, 30); // flags through name length are the same fields
    central.writeUInt32LE(offset, 42);
    locals.push(header, fileName, data);
    centrals.push(central, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
