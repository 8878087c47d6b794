import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import { pdfBytes, registerCjkFonts } from './pdf-fonts.ts';
import { writeText } from './pdf-write.ts';

// The certificate of honour (荣誉证书) of one final result, landscape A4: the unit, its case,
// the tier, the collection, the organizers and the date, with a QR code leading to the public
// page that confirms it (decision 0034). Text goes through the font chain, so a unit named with
// 𠮷 prints it; the QR code is drawn as vector squares, sharp at any print size.

export interface CertificateForPdf {
  serial: string;
  unitName: string;
  caseTitle: string;
  tierName: string;
  campaignTitle: string;
  organizers: string[];
  /** The day the result became final, as the campaign's zone reads it ("2026年12月7日"). */
  date: string;
  /** The public page that confirms this certificate; the QR code encodes exactly this. */
  verifyUrl: string;
}

const RED = '#9b1c1c';
const GOLD = '#b8862f';
const INK = '#1f1f1f';
const GREY = '#555555';
const QR_SIZE = 92;

/** The modules of the QR code for `url` (error correction M: a crease or a stamp does not stop a scan). */
export function certificateQr(url: string): QRCode.QRCode {
  return QRCode.create(url, { errorCorrectionLevel: 'M' });
}

/** The day `instant` falls on in `timeZone`, written as a certificate writes dates in `locale`. */
export function certificateDate(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(instant);
}

/** The certificate's download name in `locale`: 荣誉证书-ZJ7-….pdf, certificate-ZJ7-….pdf. */
export function certificateFileName(serial: string, locale: Locale): string {
  return translator(locale)('certificates.pdf.fileName', { serial });
}

function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const { modules } = certificateQr(url);
  const cell = size / modules.size;
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      // Overlapping by a hair keeps hairline gaps out of the printed squares.
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill().restore();
}

/** The certificate as the bytes of a one-page landscape PDF in `locale`. */
export async function renderCertificatePdf(cert: CertificateForPdf, locale: Locale): Promise<Buffer> {
  const t = translator(locale);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    info: { Title: `${t('certificates.pdf.heading')} ${cert.serial}`, Subject: cert.campaignTitle },
  });
  registerCjkFonts(doc);
  const W = doc.page.width;
  const H = doc.page.height;

  // Two frames: a red rule and a fine gold one inside it, with corner marks.
  doc.save().lineWidth(3).strokeColor(RED).rect(24, 24, W - 48, H - 48).stroke();
  doc.lineWidth(0.8).strokeColor(GOLD).rect(34, 34, W - 68, H - 68).stroke();
  for (const [cx, cy, dx, dy] of [[34, 34, 1, 1], [W - 34, 34, -1, 1], [34, H - 34, 1, -1], [W - 34, H - 34, -1, -1]] as const) {
    doc.lineWidth(1.6).strokeColor(GOLD).moveTo(cx + dx * 8, cy + dy * 30).lineTo(cx + dx * 8, cy + dy * 8).lineTo(cx + dx * 30, cy + dy * 8).stroke();
  }
  doc.restore();

  const left = 90;
  const width = W - 2 * left;
  const center = (weight: 'regular' | 'bold', size: number, text: string, y: number, color = INK, extra: PDFKit.Mixins.TextOptions = {}) => {
    doc.fillColor(color);
    writeText(doc, weight, size, text, left, y, { width, align: 'center', ...extra });
    return doc.y;
  };

  const spacing = locale === 'en' ? 2 : 16;
  center('bold', locale === 'en' ? 34 : 42, t('certificates.pdf.heading'), 66, RED, { characterSpacing: spacing });
  doc.save().lineWidth(0.8).strokeColor(GOLD).moveTo(W / 2 - 120, 130).lineTo(W / 2 + 120, 130).stroke().restore();

  let y = center('bold', 20, t('certificates.pdf.to', { unit: cert.unitName }), 150);
  y = center('regular', 13, t('certificates.pdf.submitted'), y + 10, GREY);
  // A title may run to 100 characters: past two lines it is set smaller, so the page keeps its shape.
  const caseTitle = t('certificates.pdf.caseTitle', { title: cert.caseTitle });
  const titleSize = doc.font('bold').fontSize(19).heightOfString(caseTitle, { width, lineGap: 4 }) > 2 * (19 * 1.45 + 4) ? 15 : 19;
  y = center('bold', titleSize, caseTitle, y + 6, INK, { lineGap: 4 });
  y = center('regular', 13, t('certificates.pdf.selected', { campaign: cert.campaignTitle }), y + 10, GREY, { lineGap: 3 });
  y = center('bold', 30, cert.tierName, y + 8, RED, { characterSpacing: locale === 'en' ? 1 : 8 });
  center('regular', 13, t('certificates.pdf.commend'), y + 8, GREY);

  // Bottom left: the QR code, what it is for and the number; bottom right: the organizers and the date.
  const bottom = H - 58;
  const qrTop = bottom - QR_SIZE - 30;
  drawQr(doc, cert.verifyUrl, 70, qrTop, QR_SIZE);
  doc.fillColor(GREY);
  writeText(doc, 'regular', 9, t('certificates.pdf.scan'), 70, qrTop + QR_SIZE + 4, { width: QR_SIZE, align: 'center' });
  writeText(doc, 'regular', 9, t('certificates.pdf.number', { serial: cert.serial }), 70, qrTop + QR_SIZE + 17, { width: 260 });

  const rightWidth = 300;
  const rightX = W - 70 - rightWidth;
  const lines = [t('certificates.pdf.organizers'), ...cert.organizers];
  const lineHeight = 17;
  let oy = bottom - (lines.length + 1) * lineHeight - 6;
  doc.fillColor(GREY);
  writeText(doc, 'regular', 10, lines[0]!, rightX, oy, { width: rightWidth, align: 'right' });
  oy += lineHeight;
  doc.fillColor(INK);
  for (const name of cert.organizers) {
    writeText(doc, 'bold', 12, name, rightX, oy, { width: rightWidth, align: 'right' });
    oy += lineHeight;
  }
  writeText(doc, 'regular', 12, cert.date, rightX, oy + 6, { width: rightWidth, align: 'right' });
  return pdfBytes(doc);
}
