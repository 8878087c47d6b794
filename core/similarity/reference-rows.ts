import { normalizeHeader } from '../review/reviewer-rows.ts';
import { normalizeForSimilarity } from './normalize.ts';

// The rows of a reference sheet (cases of earlier campaigns to compare new cases with), as pure
// rules: which header names which field, in Chinese or English, and what one row must hold. The
// server reads the file within its limits and hands over the cells as text.

export const REFERENCE_FIELDS = ['source', 'title', 'unit', 'text'] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];
/** Fields a sheet may leave out: the unit is shown when known, never needed to compare. */
const OPTIONAL: readonly ReferenceField[] = ['unit'];

export const REFERENCE_HEADER_NAMES: Record<ReferenceField, readonly string[]> = {
  source: ['届次', '来源', '届次/来源', '征集届次', 'source', 'edition'],
  title: ['标题', '案例标题', '案例名称', 'title'],
  unit: ['单位', '申报单位', '报送单位', 'unit'],
  text: ['正文', '案例正文', '全文', 'text', 'body'],
};

export const REFERENCE_HEADER_LABELS: Record<ReferenceField, string> = {
  source: '届次/Source', title: '标题/Title', unit: '单位/Unit', text: '正文/Text',
};

export const SOURCE_MAX = 100;
export const TITLE_MAX = 200;
export const UNIT_MAX = 200;
export const TEXT_MAX = 100_000;
/** Fewer compared characters than this cannot show copying (a few shingles of stock phrases). */
export const TEXT_MIN = 50;

export type ReferenceHeader = { ok: true; columns: Record<ReferenceField, number> } | { ok: false; missing: ReferenceField[] };

/** The column (0-based) of each field in a header row; a missing optional column reads as empty. */
export function mapReferenceHeader(cells: readonly string[]): ReferenceHeader {
  const columns: Partial<Record<ReferenceField, number>> = {};
  cells.forEach((cell, column) => {
    const text = normalizeHeader(cell);
    const field = REFERENCE_FIELDS.find((f) => REFERENCE_HEADER_NAMES[f].some((name) => normalizeHeader(name) === text));
    if (field && columns[field] === undefined) columns[field] = column;
  });
  const missing = REFERENCE_FIELDS.filter((f) => columns[f] === undefined && !OPTIONAL.includes(f));
  if (missing.length > 0) return { ok: false, missing };
  // An absent optional column points past the last one: its cells read as empty.
  for (const f of OPTIONAL) columns[f] ??= cells.length + 1;
  return { ok: true, columns: columns as Record<ReferenceField, number> };
}

export type ReferenceProblemCode =
  | 'source_missing' | 'source_too_long' | 'title_missing' | 'title_too_long' | 'unit_too_long'
  | 'text_missing' | 'text_too_short' | 'text_too_long' | 'control_characters' | 'formula';

export interface ReferenceProblem {
  code: ReferenceProblemCode;
  params?: Record<string, string | number>;
}

export interface ReferenceRow {
  source: string;
  title: string;
  unit: string;
  text: string;
}

/** A row as a reference case, or every reason it cannot be one. */
export function readReferenceRow(cells: Record<ReferenceField, string>): { ok: true; row: ReferenceRow } | { ok: false; problems: ReferenceProblem[] } {
  const problems: ReferenceProblem[] = [];
  const value = (field: ReferenceField) => cells[field].trim();
  // A line break in a title or source would break every list it appears in; the text keeps its paragraphs.
  for (const field of ['source', 'title', 'unit'] as const) {
    if (/\p{Cc}/u.test(value(field))) problems.push({ code: 'control_characters', params: { column: REFERENCE_HEADER_LABELS[field] } });
  }
  if (/[^\P{Cc}\n\r\t]/u.test(value('text'))) problems.push({ code: 'control_characters', params: { column: REFERENCE_HEADER_LABELS.text } });
  const limit = (field: ReferenceField, max: number, missing?: ReferenceProblemCode) => {
    const length = [...value(field)].length;
    if (length === 0 && missing) problems.push({ code: missing });
    else if (length > max) problems.push({ code: `${field}_too_long` as ReferenceProblemCode, params: { max } });
  };
  limit('source', SOURCE_MAX, 'source_missing');
  limit('title', TITLE_MAX, 'title_missing');
  limit('unit', UNIT_MAX);
  limit('text', TEXT_MAX, 'text_missing');
  const text = value('text').replace(/\r\n?/g, '\n');
  if (text && [...text].length <= TEXT_MAX && normalizeForSimilarity(text).text.length < TEXT_MIN) problems.push({ code: 'text_too_short', params: { min: TEXT_MIN } });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, row: { source: value('source'), title: value('title'), unit: value('unit'), text } };
}

/** What of a reference case is compared and shown: its title and text, one block a line, as for a case. */
export function referenceComparableText(row: { title: string; text: string }): string {
  return [row.title, row.text].filter((t) => t !== '').join('\n');
}
