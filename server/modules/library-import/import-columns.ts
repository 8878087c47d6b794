import type { Campaign } from '../../../core/campaign/campaign.schema.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate, type MessageKey } from '../../../core/i18n/messages.ts';

// The columns of an import file (docs/import-format.md): each named by its key, its Chinese or its
// English header, whichever the file uses. The five sections are the base campaign's own
// elements, named as the campaign names them.

export const FIXED_COLUMNS = ['edition', 'year', 'title', 'unit', 'province', 'category', 'tier', 'summary', 'url'] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number];

const REQUIRED: ReadonlySet<string> = new Set(['edition', 'title', 'unit', 'province', 'category', 'summary']);

const HEADERS: Record<FixedColumn, { 'zh-CN': string[]; en: string[] }> = {
  edition: { 'zh-CN': ['届次'], en: ['Edition'] },
  year: { 'zh-CN': ['年份'], en: ['Year'] },
  title: { 'zh-CN': ['标题', '案例标题'], en: ['Title'] },
  unit: { 'zh-CN': ['单位', '申报单位'], en: ['Unit'] },
  province: { 'zh-CN': ['省份', '地区'], en: ['Province'] },
  category: { 'zh-CN': ['类别', '案例类别'], en: ['Category'] },
  tier: { 'zh-CN': ['等次', '入选等次'], en: ['Tier'] },
  summary: { 'zh-CN': ['摘要', '案例摘要'], en: ['Summary'] },
  url: { 'zh-CN': ['原文链接'], en: ['URL', 'Original URL'] },
};

export interface Column {
  /** A fixed column's key, or `section:<element key>`. */
  key: string;
  required: boolean;
  names: string[];
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Every column a file for `campaign` may carry, in the documented order. */
export function columnsOf(campaign: Campaign): Column[] {
  const fixed = FIXED_COLUMNS.map((key): Column => ({ key, required: REQUIRED.has(key), names: [key, ...HEADERS[key]['zh-CN'], ...HEADERS[key].en] }));
  const sections = campaign.caseStyle.elements.map((e): Column => ({ key: `section:${e.key}`, required: e.required, names: [e.key, e.name['zh-CN'], e.name.en] }));
  // Sections go before the link, as the sample file has them.
  return [...fixed.slice(0, -1), ...sections, fixed.at(-1)!];
}

/** Which file header is which column; the columns the file lacks that a case needs. */
export function matchHeaders(columns: Column[], headers: string[]): { byColumn: Map<string, string>; missing: Column[] } {
  const byColumn = new Map<string, string>();
  for (const column of columns) {
    const names = new Set(column.names.map(norm));
    const header = headers.find((h) => names.has(norm(h)));
    if (header !== undefined) byColumn.set(column.key, header);
  }
  return { byColumn, missing: columns.filter((c) => c.required && !byColumn.has(c.key)) };
}

/** A column's name as the reader of `locale` knows it (a section by the campaign's name for it). */
export function columnName(locale: Locale, campaign: Campaign, key: string): string {
  if (key.startsWith('section:')) {
    const element = campaign.caseStyle.elements.find((e) => `section:${e.key}` === key);
    return element ? element.name[locale] : key;
  }
  return translate(locale, `libraryImport.column.${key}` as MessageKey);
}

/** The header names of the documented template, in the reader's language. */
export function templateHeaders(locale: Locale, campaign: Campaign): string[] {
  return columnsOf(campaign).map((c) => columnName(locale, campaign, c.key));
}
