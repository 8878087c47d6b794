import PDFDocument from 'pdfkit';
import type { Campaign } from '../../core/campaign/campaign.schema.ts';
import { SUPERIOR_OPINION_FIELD } from '../../core/case/declaration-fields.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import type { DeclarationFill } from './declaration-form.ts';
import { pdfBytes, registerCjkFonts } from './pdf-fonts.ts';
import { writeText } from './pdf-write.ts';

// The 申报表 as an A4 PDF for people without Word: the same rows as the .docx (label left, value
// right, bordered), filled where the platform knows the value, with room to sign and seal under
// each opinion. Rows never split across pages.

type Field = Campaign['declarationForm']['fields'][number];

const A4_MARGINS = { top: 72, bottom: 72, left: 79, right: 74 };
const BODY = 12;
const LINE = 22;
const PAD = 6;
const LABEL_SHARE = 0.28;
const BOX = 9;

interface Geometry {
  left: number;
  width: number;
  labelWidth: number;
  valueWidth: number;
  bottom: number;
}

function textHeight(doc: PDFKit.PDFDocument, text: string, width: number): number {
  return doc.heightOfString(text, { width, lineGap: 4 });
}

function drawCheckbox(doc: PDFKit.PDFDocument, x: number, y: number, ticked: boolean): void {
  doc.save().lineWidth(0.8).rect(x, y, BOX, BOX).stroke();
  if (ticked) {
    doc.lineWidth(1.4).moveTo(x + 1.8, y + BOX * 0.5).lineTo(x + BOX * 0.42, y + BOX - 1.8).lineTo(x + BOX - 1.2, y + 1.4).stroke();
  }
  doc.restore();
}

interface RowPlan {
  height: number;
  draw: (top: number) => void;
}

/** A long text row's value in two: what fits `height` on this page, and the rest. */
function splitToFit(doc: PDFKit.PDFDocument, value: string, width: number, height: number): [string, string] {
  doc.font('regular').fontSize(BODY);
  const chars = [...value];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textHeight(doc, chars.slice(0, mid).join(''), width) <= height) low = mid;
    else high = mid - 1;
  }
  return [chars.slice(0, low).join(''), chars.slice(low).join('')];
}

/** A row's value and label as drawn, when a long text row continues on the next page. */
interface RowPart {
  value: string;
  label: string;
  minLines: number;
}

function planRow(doc: PDFKit.PDFDocument, g: Geometry, field: Field, campaign: Campaign, locale: Locale, fill?: DeclarationFill, part?: RowPart): RowPlan {
  const t = translator(locale);
  const value = part?.value ?? fill?.values[field.key] ?? '';
  const x = g.left + g.labelWidth + PAD;
  const w = g.valueWidth - 2 * PAD;
  doc.font('regular').fontSize(BODY);
  let content = 0;
  let drawValue: (top: number, height: number) => void = () => {};

  if (field.kind === 'line' || field.kind === 'text') {
    const minLines = part?.minLines ?? field.lines ?? 1;
    const used = value === '' ? 0 : textHeight(doc, value, w);
    content = Math.max(minLines * LINE - 2 * PAD, used);
    drawValue = (top, height) => {
      if (value === '') return;
      const y = field.kind === 'line' ? top + (height - used) / 2 : top + PAD;
      writeText(doc, 'regular', BODY, value, x, y, { width: w, lineGap: 4 });
    };
  } else if (field.kind === 'category') {
    const names = campaign.categories.map((c) => ({ key: c.key, name: c.name[locale] }));
    const heights = names.map((c) => Math.max(LINE, textHeight(doc, c.name, w - BOX - 6) + 6));
    content = heights.reduce((a, b) => a + b, 0) - 2 * PAD + 8;
    drawValue = (top) => {
      let y = top + PAD + 4;
      names.forEach((c, i) => {
        drawCheckbox(doc, x, y + 3, c.key === value);
        writeText(doc, 'regular', BODY, c.name, x + BOX + 6, y, { width: w - BOX - 6, lineGap: 4 });
        y += heights[i]!;
      });
    };
  } else {
    const named = fill && field.key === SUPERIOR_OPINION_FIELD && fill.superiorName !== '' ? t('documents.form.superior', { name: fill.superiorName }) : '';
    const written = [named, value].filter(Boolean).join('\n');
    const writtenHeight = written === '' ? 0 : textHeight(doc, written, w);
    const signLines = [t('form.signature'), t('form.seal'), t('form.date')];
    const signHeight = signLines.length * LINE;
    content = Math.max((field.lines ?? 1) * LINE, writtenHeight + LINE) + signHeight - 2 * PAD;
    drawValue = (top, height) => {
      if (written !== '') writeText(doc, 'regular', BODY, written, x, top + PAD, { width: w, lineGap: 4 });
      let y = top + height - PAD - signHeight + (LINE - BODY) / 2;
      for (const line of signLines) {
        writeText(doc, 'regular', BODY, line, x, y, { width: w - 24, align: 'right', lineBreak: false });
        y += LINE;
      }
    };
  }

  doc.font('bold').fontSize(BODY);
  const label = part?.label ?? field.label[locale];
  const labelHeight = textHeight(doc, label, g.labelWidth - 2 * PAD);
  const height = Math.max(content + 2 * PAD, labelHeight + 2 * PAD, LINE + 2 * PAD);
  return {
    height,
    draw: (top) => {
      doc.save().lineWidth(0.75);
      doc.rect(g.left, top, g.labelWidth, height).stroke();
      doc.rect(g.left + g.labelWidth, top, g.valueWidth, height).stroke();
      doc.restore();
      writeText(doc, 'bold', BODY, label, g.left + PAD, top + (height - labelHeight) / 2, { width: g.labelWidth - 2 * PAD, align: 'center', lineGap: 4 });
      drawValue(top, height);
    },
  };
}

/** The declaration form of `campaign` in `locale`, blank or filled with `fill`, as the bytes of an A4 PDF. */
export async function buildDeclarationPdf(campaign: Campaign, locale: Locale, fill?: DeclarationFill): Promise<Buffer> {
  const t = translator(locale);
  const form = campaign.declarationForm;
  const doc = new PDFDocument({
    size: 'A4',
    margins: A4_MARGINS,
    info: {
      Title: form.title[locale],
      Author: campaign.organizers.map((o) => o.name[locale]).join(locale === 'en' ? '; ' : '、'),
      Subject: campaign.title[locale],
    },
  });
  registerCjkFonts(doc);
  const width = doc.page.width - A4_MARGINS.left - A4_MARGINS.right;
  const g: Geometry = {
    left: A4_MARGINS.left,
    width,
    labelWidth: Math.round(width * LABEL_SHARE),
    valueWidth: width - Math.round(width * LABEL_SHARE),
    bottom: doc.page.height - A4_MARGINS.bottom,
  };

  writeText(doc, 'bold', 18, form.title[locale], g.left, doc.y, { width, align: 'center', lineGap: 4 });
  doc.moveDown(0.3);
  writeText(doc, 'regular', 10.5, t('form.fillHint'), g.left, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);

  let y = doc.y;
  for (const field of form.fields) {
    const row = planRow(doc, g, field, campaign, locale, fill);
    const room = g.bottom - y;
    const value = fill?.values[field.key] ?? '';
    if (row.height > room && field.kind === 'text' && value !== '' && room >= 6 * LINE) {
      // A long summary runs on into the next page rather than leave this one half empty.
      const [head, tail] = splitToFit(doc, value, g.valueWidth - 2 * PAD, room - 2 * PAD);
      planRow(doc, g, field, campaign, locale, fill, { value: head, label: field.label[locale], minLines: 1 }).draw(y);
      doc.addPage();
      y = A4_MARGINS.top;
      const rest = planRow(doc, g, field, campaign, locale, fill, { value: tail, label: t('documents.form.continued', { label: field.label[locale] }), minLines: 1 });
      rest.draw(y);
      y += rest.height;
      continue;
    }
    if (row.height > room) {
      doc.addPage();
      y = A4_MARGINS.top;
    }
    row.draw(y);
    y += row.height;
  }
  doc.font('regular').fontSize(10.5);
  if (y + textHeight(doc, form.note[locale], width) + 12 > g.bottom) {
    doc.addPage();
    y = A4_MARGINS.top - 12;
  }
  writeText(doc, 'regular', 10.5, form.note[locale], g.left, y + 12, { width, lineGap: 4 });
  return pdfBytes(doc);
}
