import PDFDocument from 'pdfkit';
import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import { formatBytes } from '../../core/text/format-bytes.ts';
import { formatInZone, wallClockAt } from '../../core/time/zoned-time.ts';
import { pdfBytes, registerCjkFonts } from './pdf-fonts.ts';
import { writeText } from './pdf-write.ts';

// The receipt of one submission as an A4 PDF: its number, the server's time in the campaign's
// zone, and the SHA-256 of the canonical case content and of every attachment, printed in a
// monospace font so a person can compare them character by character.

export interface ReceiptForPdf {
  number: string;
  campaignTitle: string;
  caseTitle: string;
  unitName: string;
  /** ISO instant the server committed the submission. */
  submittedAt: string;
  timeZone: string;
  /** How the campaign names its zone ("北京时间"); the IANA name and UTC offset otherwise. */
  timeZoneLabel?: string;
  seq: number;
  contentSha256: string;
  /** `sha256` is the stored bytes; `receivedSha256` the bytes as received (null: not kept). */
  attachments: { kind: string; kindName: string; fileName: string; size: number; sha256: string; receivedSha256: string | null; receivedSize: number | null }[];
  /** The public page that confirms this receipt. */
  verifyUrl: string;
}

const MARGINS = { top: 64, bottom: 64, left: 72, right: 72 };
const LABEL_WIDTH = 118;
const GAP = 10;
const HASH_CHARS = 64;

/** "UTC+08:00" for `timeZone` at `instant`. */
export function utcOffsetLabel(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  const minutes = Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A hash split into lines of `perLine` characters, so it wraps at the same place every time. */
function hashLines(hash: string, perLine: number): string {
  const parts: string[] = [];
  for (let i = 0; i < hash.length; i += perLine) parts.push(hash.slice(i, i + perLine));
  return parts.join('\n');
}

/** The receipt's download name in `locale`: 回执-Z7-….pdf, receipt-Z7-….pdf. */
export function receiptFileName(number: string, locale: Locale): string {
  return translator(locale)('documents.receipt.fileName', { number });
}

/** The receipt as the bytes of a PDF in `locale`. */
export async function renderReceiptPdf(receipt: ReceiptForPdf, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    info: { Title: `${t('documents.receipt.title')} ${receipt.number}`, Subject: receipt.campaignTitle },
    bufferPages: true,
  });
  registerCjkFonts(doc);
  const left = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const valueX = left + LABEL_WIDTH + GAP;
  const valueWidth = width - LABEL_WIDTH - GAP;
  const bottom = doc.page.height - MARGINS.bottom;
  // Courier advances 0.6 em: the size at which a whole hash fits one line (copied in one piece),
  // or two even halves when that would be too small to read.
  const oneLine = valueWidth / (HASH_CHARS * 0.6);
  const hashSize = oneLine >= 7.5 ? Math.min(9, oneLine) : 9;
  const hashPerLine = oneLine >= 7.5 ? HASH_CHARS : HASH_CHARS / 2;

  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom) doc.addPage();
  };
  const field = (label: string, value: string, options: { mono?: boolean; strong?: boolean; note?: string; minorLabel?: boolean } = {}) => {
    const font = options.mono ? 'Courier' : options.strong ? 'bold' as const : 'regular' as const;
    const size = options.mono ? hashSize : options.strong ? 13 : 11;
    doc.font(font).fontSize(size);
    const valueHeight = doc.heightOfString(value, { width: valueWidth, lineGap: 3 });
    doc.font('regular').fontSize(9);
    const noteHeight = options.note ? doc.heightOfString(options.note, { width: valueWidth }) + 2 : 0;
    const labelFont = options.minorLabel ? 'regular' as const : 'bold' as const;
    const labelSize = options.minorLabel ? 9 : 11;
    doc.font(labelFont).fontSize(labelSize);
    const labelHeight = doc.heightOfString(label, { width: LABEL_WIDTH });
    const height = Math.max(valueHeight + noteHeight, labelHeight);
    ensureRoom(height + 8);
    const top = doc.y;
    doc.fillColor('#333333');
    writeText(doc, labelFont, labelSize, label, left, top, { width: LABEL_WIDTH });
    doc.fillColor('#000000');
    if (font === 'Courier') doc.font(font).fontSize(size).text(value, valueX, top, { width: valueWidth, lineGap: 3 });
    else writeText(doc, font, size, value, valueX, top, { width: valueWidth, lineGap: 3 });
    if (options.note) writeText(doc.fillColor('#555555'), 'regular', 9, options.note, valueX, doc.y + 2, { width: valueWidth });
    doc.fillColor('#000000');
    doc.y = top + height + 8;
    doc.x = left;
  };
  const rule = () => {
    doc.save().lineWidth(0.5).strokeColor('#999999').moveTo(left, doc.y).lineTo(left + width, doc.y).stroke().restore();
    doc.y += 10;
  };

  writeText(doc, 'bold', 18, t('documents.receipt.title'), left, MARGINS.top, { width, align: 'center' });
  doc.moveDown(0.2);
  writeText(doc.fillColor('#333333'), 'regular', 11, receipt.campaignTitle, left, doc.y, { width, align: 'center' });
  doc.fillColor('#000000');
  doc.moveDown(1);
  rule();

  const instant = new Date(receipt.submittedAt);
  const offset = utcOffsetLabel(instant, receipt.timeZone);
  const comma = locale === 'en' ? ', ' : '，';
  const zone = `${receipt.timeZoneLabel ?? receipt.timeZone}${comma}${offset}`;
  field(t('documents.receipt.number'), receipt.number, { strong: true });
  field(t('documents.receipt.case'), receipt.caseTitle);
  field(t('documents.receipt.unit'), receipt.unitName);
  field(t('documents.receipt.submittedAt'), t('documents.receipt.time', { time: formatInZone(instant, receipt.timeZone), zone }), { note: `UTC ${instant.toISOString()}` });
  field(t('documents.receipt.seq'), t('documents.receipt.seqValue', { seq: receipt.seq }));
  field(t('documents.receipt.contentHash'), hashLines(receipt.contentSha256, hashPerLine), { mono: true });
  rule();

  writeText(doc, 'bold', 12, t('documents.receipt.attachments', { count: receipt.attachments.length }), left, doc.y, { width });
  doc.moveDown(0.5);
  if (receipt.attachments.length === 0) {
    writeText(doc, 'regular', 11, t('documents.receipt.noAttachments'), left, doc.y, { width });
    doc.moveDown(0.5);
  }
  receipt.attachments.forEach((a, i) => {
    const size = formatBytes(a.receivedSize ?? a.size);
    const derived = a.receivedSha256 !== a.sha256;
    // A file and its hashes stay on one page.
    ensureRoom(derived ? 96 : 56);
    field(`${i + 1}. ${a.kindName}`, locale === 'en' ? `${a.fileName} (${size})` : `${a.fileName}（${size}）`);
    doc.y -= 4;
    if (a.receivedSha256 !== null) {
      field(derived ? t('documents.receipt.receivedHash') : 'SHA-256', hashLines(a.receivedSha256, hashPerLine), { mono: true, minorLabel: true });
      doc.y -= 4;
    }
    if (derived) field(t('documents.receipt.storedHash'), hashLines(a.sha256, hashPerLine), { mono: true, minorLabel: true });
  });
  rule();

  doc.font('regular').fontSize(9).fillColor('#333333');
  const note = `${t('documents.receipt.note')}\n${t('documents.receipt.verify', { url: receipt.verifyUrl })}`;
  ensureRoom(doc.heightOfString(note, { width, lineGap: 2 }));
  writeText(doc, 'regular', 9, note, left, doc.y, { width, lineGap: 2 });

  // Every page names its receipt, so a loose page still says where it belongs.
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i += 1) {
    doc.switchToPage(pages.start + i);
    // Writing inside the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    writeText(doc.fillColor('#777777'), 'regular', 8, `${receipt.number} · ${i + 1}/${pages.count}`, left, doc.page.height - MARGINS.bottom + 24, { width, align: 'right', lineBreak: false });
  }
  return pdfBytes(doc);
}
