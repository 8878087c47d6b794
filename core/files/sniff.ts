// What a file really is, from its first bytes: a file's name and the browser's claimed type are
// never trusted. Pure, so the workbench can warn before an upload and the server decides after.

/** How many leading bytes `sniffType` looks at; callers pass at least this much when they can. */
export const SNIFF_BYTES = 64 * 1024;

export const UNKNOWN_TYPE = 'application/octet-stream';

/** Types that run code when opened: never stored whatever a campaign accepts. */
export const EXECUTABLE_TYPES: ReadonlySet<string> = new Set([
  'application/x-executable',
  'application/x-msdownload',
  'application/x-mach-binary',
  'application/x-sh',
]);

/** Types that a browser would render with scripts, or XML that can carry them. */
export const MARKUP_TYPES: ReadonlySet<string> = new Set(['image/svg+xml', 'text/html', 'application/xml']);

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

function isoBmffType(head: Uint8Array): string | undefined {
  if (head.length < 12) return undefined;
  const box = ascii(head, 4, 4);
  // QuickTime files from old cameras start with a movie atom instead of ftyp.
  if (['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(box)) return 'video/quicktime';
  if (box !== 'ftyp') return undefined;
  const brand = ascii(head, 8, 4);
  if (brand === 'qt  ') return 'video/quicktime';
  if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  if (brand === 'avif' || brand === 'avis') return 'image/avif';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  if (brand.startsWith('3g')) return 'video/3gpp';
  return 'video/mp4';
}

function textOf(head: Uint8Array): string | undefined {
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(head.subarray(2));
  const body = startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
  if (body.includes(0)) return undefined;
  // A multi-byte character cut at the end of the head is not a reason to call it binary.
  const text = new TextDecoder('utf-8').decode(body);
  const broken = (text.match(/\uFFFD/g) ?? []).length;
  return broken > 4 ? undefined : text;
}

const HTML_START = /^<(?:!doctype\s+html|html|head|body|script|iframe|title|meta|style|a\s|div|p>|table|img|br|h1|b>|font)\b/i;

function markupType(text: string): string | undefined {
  const start = text.replace(/^\s+/, '');
  if (!start.startsWith('<')) return undefined;
  // Past the prolog, comments and doctype, the first element decides.
  const withoutProlog = start.replace(/^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  if (/^<!doctype\s+svg\b/i.test(withoutProlog) || /^<svg[\s>/]/i.test(withoutProlog.replace(/^<!doctype[^>]*>\s*/i, ''))) return 'image/svg+xml';
  if (HTML_START.test(withoutProlog) || /^<!doctype\s+html/i.test(withoutProlog)) return 'text/html';
  if (/<svg[\s>]/i.test(start) && start.startsWith('<?xml')) return 'image/svg+xml';
  if (start.startsWith('<?xml')) return 'application/xml';
  if (/<(?:script|html|body|iframe)\b/i.test(start)) return 'text/html';
  return undefined;
}

/** The utf-16le bytes of "WordDocument", the stream every Word 97–2003 file has. */
const WORD_STREAM = Array.from('WordDocument').flatMap((c) => [c.charCodeAt(0), 0]);

function containsBytes(haystack: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  for (let i = haystack.indexOf(first!); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first!, i + 1)) {
    if (startsWith(haystack, needle, i)) return true;
  }
  return false;
}

/**
 * The MIME type of a file from its leading bytes (pass SNIFF_BYTES of them), or
 * application/octet-stream. ZIP containers come back as application/zip; which Office format
 * one is needs its content types (see office-package.ts, `officeTypeOf`). Legacy OLE2 files are
 * application/msword when their head names a WordDocument stream, else
 * application/x-ole-storage.
 */
export function sniffType(head: Uint8Array): string {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'AVI ') return 'video/x-msvideo';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  const bmff = isoBmffType(head);
  if (bmff) return bmff;
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    return ascii(head, 0, Math.min(head.length, 4096)).includes('webm') ? 'video/webm' : 'video/x-matroska';
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'application/zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return containsBytes(head, WORD_STREAM) ? 'application/msword' : 'application/x-ole-storage';
  }
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'application/x-executable';
  if (startsWith(head, [0x4d, 0x5a])) return 'application/x-msdownload';
  const magic = head.length >= 4 ? ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0 : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe, 0xbebafeca].includes(magic)) return 'application/x-mach-binary';
  if (ascii(head, 0, 2) === '#!') return 'application/x-sh';
  if (startsWith(head, [0x1f, 0x8b])) return 'application/gzip';
  if (startsWith(head, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'application/vnd.rar';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-7z-compressed';
  const text = textOf(head);
  if (text === undefined) return UNKNOWN_TYPE;
  return markupType(text) ?? (text.length > 0 ? 'text/plain' : UNKNOWN_TYPE);
}
