import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Campaign } from '../../core/campaign/campaign.schema.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { SUPERIOR_OPINION_FIELD } from '../../core/case/declaration-fields.ts';
import { translator } from '../../core/i18n/messages.ts';

// The 申报表 as a Word file built from the campaign: one row per field the campaign lists, in
// the layout such forms have (label left, space to write right, seal lines under opinions).

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体', cs: 'Times New Roman' };
const LINE_TWIPS = 440;
const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

const text = (content: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: content, font: FONT, size: options.size ?? 24, bold: options.bold ?? false });

type Field = Campaign['declarationForm']['fields'][number];

/** What a pre-filled form prints: every field's value by key, and the superior organization. */
export interface DeclarationFill {
  values: Record<string, string>;
  superiorName: string;
}

const lines = (value: string) => value.split('\n').map((l) => l.trim()).filter(Boolean);

function valueParagraphs(field: Field, campaign: Campaign, locale: Locale, fill?: DeclarationFill): Paragraph[] {
  const t = translator(locale);
  const value = fill?.values[field.key] ?? '';
  switch (field.kind) {
    case 'line':
    case 'text':
      return value === '' ? [new Paragraph({ children: [] })] : lines(value).map((l) => new Paragraph({ children: [text(l)] }));
    case 'category':
      return campaign.categories.map((c) => new Paragraph({ children: [text(`${c.key === value ? '☑' : '□'} ${c.name[locale]}`)] }));
    case 'opinion': {
      const named = fill && field.key === SUPERIOR_OPINION_FIELD && fill.superiorName !== '' ? [t('documents.form.superior', { name: fill.superiorName })] : [];
      const written = [...named, ...lines(value)];
      return [
        ...(written.length > 0 ? written.map((l) => new Paragraph({ children: [text(l)] })) : [new Paragraph({ children: [] })]),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(t('form.signature'))] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(t('form.seal'))] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(t('form.date'))] }),
      ];
    }
  }
}

function fieldRow(field: Field, campaign: Campaign, locale: Locale, fill?: DeclarationFill): TableRow {
  const lines = field.kind === 'category' ? campaign.categories.length : (field.lines ?? 1) + (field.kind === 'opinion' ? 3 : 0);
  return new TableRow({
    cantSplit: true,
    height: { value: Math.max(1, lines) * LINE_TWIPS + 160, rule: HeightRule.ATLEAST },
    children: [
      new TableCell({
        width: { size: 26, type: WidthType.PERCENTAGE },
        verticalAlign: VerticalAlign.CENTER,
        borders,
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(field.label[locale], { bold: true })] })],
      }),
      new TableCell({
        width: { size: 74, type: WidthType.PERCENTAGE },
        verticalAlign: field.kind === 'line' ? VerticalAlign.CENTER : VerticalAlign.TOP,
        borders,
        children: valueParagraphs(field, campaign, locale, fill),
      }),
    ],
  });
}

/** The declaration form of `campaign` in `locale`, blank or filled with `fill`, as the bytes of a .docx file. */
export async function buildDeclarationForm(campaign: Campaign, locale: Locale, fill?: DeclarationFill): Promise<Buffer> {
  const t = translator(locale);
  const form = campaign.declarationForm;
  const document = new Document({
    title: form.title[locale],
    creator: campaign.organizers.map((o) => o.name[locale]).join(locale === 'en' ? '; ' : '、'),
    description: campaign.title[locale],
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [new TextRun({ text: form.title[locale], font: HEADING_FONT, size: 36, bold: true })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(t('form.fillHint'), { size: 21 })] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: form.fields.map((field) => fieldRow(field, campaign, locale, fill)),
          }),
          new Paragraph({ spacing: { before: 240 }, children: [text(form.note[locale], { size: 21 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A download name people recognise, in their language: "第七届…申报表.docx". */
export function declarationFormFileName(campaign: Campaign, locale: Locale, extension: 'docx' | 'pdf' = 'docx'): string {
  return `${campaign.declarationForm.title[locale].replace(/[\\/:*?"<>|\s—]+/g, locale === 'en' ? '-' : '')}.${extension}`;
}
