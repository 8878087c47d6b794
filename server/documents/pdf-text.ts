import { inflateSync } from 'node:zlib';

// Reads back the text pdfkit wrote, for tests that must run without poppler: every string a
// content stream shows (one per TJ/Tj, i.e. one per laid-out line), decoded through each font's
// ToUnicode map, or as single bytes for the built-in fonts (Courier). It understands pdfkit's
// output, not PDF in general.

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const streamAt = body.indexOf('stream');
    const dict = streamAt === -1 ? body : body.slice(0, streamAt);
    let stream: Buffer | undefined;
    if (streamAt !== -1) {
      const start = m.index + m[0].indexOf(body) + streamAt + 'stream'.length + (body[streamAt + 6] === '\r' ? 2 : 1);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const raw = pdf.subarray(start, start + length);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  return objects;
}

// pdfkit writes a character outside the BMP as a surrogate pair with a space: <d842 dfb7>.
const utf16 = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex').swap16().toString('utf16le');

function readCmap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(pair[1]!.toLowerCase(), utf16(pair[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(range[1]!, 16);
      const to = parseInt(range[2]!, 16);
      const width = range[1]!.length;
      const targets = range[3]!.startsWith('[') ? [...range[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((t) => utf16(t[1]!)) : null;
      for (let code = from; code <= to; code += 1) {
        const key = code.toString(16).padStart(width, '0');
        if (targets) map.set(key, targets[code - from] ?? '');
        else map.set(key, String.fromCodePoint(parseInt(range[3]!.slice(1, -1), 16) + code - from));
      }
    }
  }
  return map;
}

/** Every string the PDF shows, in the order it draws them. */
export function pdfStrings(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const fonts = new Map<string, Map<string, string> | null>();
  for (const object of objects.values()) {
    const table = /\/Font\s*<<([\s\S]*?)>>/.exec(object.dict)?.[1];
    if (!table) continue;
    for (const entry of table.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(entry[2]));
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict)?.[1];
      const cmap = toUnicode ? objects.get(Number(toUnicode))?.stream?.toString('latin1') : undefined;
      fonts.set(entry[1]!, cmap ? readCmap(cmap) : null);
    }
  }
  const shown: string[] = [];
  for (const object of objects.values()) {
    const content = object.stream?.toString('latin1');
    if (!content || !/ Tf\b/.test(content)) continue;
    let cmap: Map<string, string> | null = null;
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[((?:[^\]]|\n)*?)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (op[1]) {
        cmap = fonts.get(op[1]) ?? null;
        continue;
      }
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[3]!];
      shown.push(hexes.map((hex) => {
        if (!cmap) return Buffer.from(hex, 'hex').toString('latin1');
        let out = '';
        for (let i = 0; i < hex.length; i += 4) out += cmap.get(hex.slice(i, i + 4).toLowerCase()) ?? '\ufffd';
        return out;
      }).join(''));
    }
  }
  return shown;
}
