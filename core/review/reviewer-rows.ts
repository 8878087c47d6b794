import { z } from 'zod';

// The rows of a reviewer sheet, as pure rules: which header names which field (in Chinese or
// English), and what one row must hold to become a reviewer of the campaign. The server reads the
// file within its limits and hands over the cells as text.

export const SHEET_FIELDS = ['name', 'email', 'expertise', 'capacity', 'province', 'affiliation'] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

/** The header texts accepted for each field, compared after normalizeHeader. */
export const HEADER_NAMES: Record<SheetField, readonly string[]> = {
  name: ['姓名', 'name', '专家姓名'],
  email: ['邮箱', '电子邮箱', '电子邮件', 'e-mail', 'email'],
  expertise: ['专长', '评审专长', 'expertise'],
  capacity: ['上限', '评审上限', '案例上限', 'capacity'],
  province: ['省份', '地区', '行政区划', 'province', 'division'],
  affiliation: ['单位', '工作单位', 'affiliation'],
};

/** How the sheet's own header shows a field in messages: both languages, as a template has them. */
export const HEADER_LABELS: Record<SheetField, string> = {
  name: '姓名/Name', email: '邮箱/E-mail', expertise: '专长/Expertise', capacity: '上限/Capacity', province: '省份/Province', affiliation: '单位/Affiliation',
};

export const CAPACITY_MAX = 500;
export const NAME_MAX = 50;
export const AFFILIATION_MAX = 100;

/** Full-width to half-width, no spaces, no trailing "（必填）" or "*", lower case. */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/\(.*\)$/u, '').replace(/[\s*：:]+/gu, '').toLowerCase();
}

export type HeaderMap = { ok: true; columns: Record<SheetField, number> } | { ok: false; missing: SheetField[] };

/** The column (0-based) of each field in a header row; the first column a name matches wins. */
export function mapHeader(cells: readonly string[]): HeaderMap {
  const columns: Partial<Record<SheetField, number>> = {};
  cells.forEach((cell, column) => {
    const text = normalizeHeader(cell);
    const field = SHEET_FIELDS.find((f) => HEADER_NAMES[f].includes(text));
    if (field && columns[field] === undefined) columns[field] = column;
  });
  const missing = SHEET_FIELDS.filter((f) => columns[f] === undefined);
  return missing.length > 0 ? { ok: false, missing } : { ok: true, columns: columns as Record<SheetField, number> };
}

export type RowProblemCode =
  | 'name_missing' | 'name_too_long' | 'email_invalid' | 'expertise_missing' | 'expertise_unknown'
  | 'capacity_invalid' | 'division_unknown' | 'affiliation_too_long' | 'formula' | 'duplicate_in_file' | 'control_characters';

export interface RowProblem {
  code: RowProblemCode;
  params?: Record<string, string | number>;
}

export interface Category {
  key: string;
  names: readonly string[];
}

export interface ReviewerRow {
  name: string;
  email: string;
  expertise: string[];
  capacity: number;
  divisionCode: string | null;
  affiliation: string;
}

export interface RowContext {
  categories: readonly Category[];
  /** A six-digit code for a division code or name, null when none matches. */
  resolveDivision(text: string): string | null;
}

const emailSchema = z.email().max(254);
const EXPERTISE_SEPARATORS = /[,，、;；/／|\s]+/u;

function readExpertise(text: string, categories: readonly Category[], problems: RowProblem[]): string[] {
  const parts = text.split(EXPERTISE_SEPARATORS).filter(Boolean);
  if (parts.length === 0) problems.push({ code: 'expertise_missing' });
  const keys: string[] = [];
  for (const part of parts) {
    const wanted = part.normalize('NFKC').toLowerCase();
    const category = categories.find((c) => c.key === wanted || c.names.some((n) => n.normalize('NFKC').toLowerCase() === wanted));
    if (!category) problems.push({ code: 'expertise_unknown', params: { value: part } });
    else if (!keys.includes(category.key)) keys.push(category.key);
  }
  return keys;
}

/** An address as the pool keys it: full-width letters and ＠ typed on a Chinese keyboard folded, lower case. */
export function reviewerEmail(cell: string): string {
  return cell.normalize('NFKC').trim().toLowerCase();
}

/** The reviewer one row describes, or every problem it has. */
export function readReviewerRow(cells: Record<SheetField, string>, context: RowContext): { ok: true; row: ReviewerRow } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (field: SheetField) => cells[field].trim();
  // A line break in a name would break every list and export it appears in; an invisible
  // character (zero-width space, a direction override) would make two names look alike and
  // compare apart, or show a name reversed.
  for (const field of ['name', 'email', 'affiliation'] as const) {
    if (/[\p{Cc}\p{Cf}]/u.test(text(field))) problems.push({ code: 'control_characters', params: { column: HEADER_LABELS[field] } });
  }
  const name = text('name');
  if (!name) problems.push({ code: 'name_missing' });
  else if ([...name].length > NAME_MAX) problems.push({ code: 'name_too_long', params: { max: NAME_MAX } });
  const email = reviewerEmail(cells.email);
  if (!emailSchema.safeParse(email).success) problems.push({ code: 'email_invalid', params: { value: text('email') } });
  const expertise = readExpertise(text('expertise'), context.categories, problems);
  const capacityText = text('capacity').normalize('NFKC');
  const capacity = /^\d{1,4}$/.test(capacityText) ? Number(capacityText) : Number.NaN;
  if (!(capacity >= 0 && capacity <= CAPACITY_MAX)) problems.push({ code: 'capacity_invalid', params: { value: text('capacity'), max: CAPACITY_MAX } });
  const divisionText = text('province');
  const divisionCode = divisionText ? context.resolveDivision(divisionText) : null;
  if (divisionText && !divisionCode) problems.push({ code: 'division_unknown', params: { value: divisionText } });
  const affiliation = text('affiliation');
  if ([...affiliation].length > AFFILIATION_MAX) problems.push({ code: 'affiliation_too_long', params: { max: AFFILIATION_MAX } });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, row: { name, email, expertise, capacity, divisionCode, affiliation } };
}
