import type { Campaign } from '../../../core/campaign/campaign.schema.ts';
import { htmlToText } from '../../../core/case/html-text.ts';
import { publicCopyProblems } from '../../../core/publishing/public-copy.ts';
import { escapeHtml } from '../../../core/search/snippet.ts';
import { normalizeText } from '../../../core/search/normalize.ts';
import { AppError } from '../../errors.ts';
import { sanitizeCaseField, sanitizeCaseHtml } from '../../shared/case-html.ts';
import { isValidDivisionCode, listDivisions } from '../divisions/divisions.service.ts';
import type { Column } from './import-columns.ts';
import type { ImportRow } from './import-file.ts';

// One row of an import file judged on its own and against the rows before it: what it would
// write, or every problem it has. Pure but for the static division table.

export type RowProblem =
  | { code: 'required' | 'too_long' | 'text_invalid'; column: string; limit?: number; count?: number }
  | { code: 'unknown_category' | 'unknown_province' | 'bad_tier' | 'bad_edition' | 'bad_year' | 'bad_url'; column: string; value: string }
  | { code: 'duplicate_in_file'; column: string; line: number };

export interface ImportedCaseDraft {
  edition: number;
  year: number | null;
  duplicateKey: string;
  title: string;
  unitName: string;
  divisionCode: string;
  category: string;
  tier: 'best' | 'excellent' | null;
  summary: string;
  sections: Record<string, string>;
  sourceUrl: string | null;
}

export interface JudgedRow {
  line: number;
  draft: ImportedCaseDraft | null;
  problems: RowProblem[];
  /** Columns whose script or markup the case HTML allow-list took out. */
  stripped: string[];
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
const DANGEROUS = /<\s*(?:script|style|iframe|object|embed|form|svg|math)\b|\son[a-z]+\s*=|javascript:/i;

const TIERS = new Map<string, 'best' | 'excellent' | null>([
  ['', null], ['无', null], ['none', null], ['-', null],
  ['最佳', 'best'], ['最佳案例', 'best'], ['best', 'best'],
  ['优秀', 'excellent'], ['优秀案例', 'excellent'], ['excellent', 'excellent'],
]);

let provinces: Map<string, string> | undefined;
/** Province by its name (北京市), its short name (北京, 广西, 内蒙古) or its two-digit code. */
function provinceIndex(): Map<string, string> {
  if (provinces) return provinces;
  provinces = new Map();
  for (const p of listDivisions() ?? []) {
    provinces.set(norm(p.name), p.code);
    provinces.set(norm(p.name.replace(/(?:省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '')), p.code);
    provinces.set(p.code.slice(0, 2), p.code);
  }
  return provinces;
}

/** A province's code by name or code, or a valid six-digit division code as given; null when unknown. */
export function resolveDivision(value: string): string | null {
  const v = norm(value);
  if (/^\d{6}$/.test(v)) return isValidDivisionCode(v) ? v : null;
  return provinceIndex().get(v) ?? null;
}

/** Plain text becomes paragraphs; HTML goes as written. Both then pass the case allow-list. */
function asHtml(value: string): string {
  if (/<[a-z!/]/i.test(value)) return value;
  return value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').map((l) => `<p>${escapeHtml(l)}</p>`).join('');
}

function wasStripped(raw: string, clean: string): boolean {
  if (!/<[a-z!/]/i.test(raw)) return false;
  return DANGEROUS.test(raw) || normalizeText(htmlToText(raw.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ''))).replace(/\s+/g, '') !== normalizeText(htmlToText(clean)).replace(/\s+/g, '')
    || /<(script|style)\b/i.test(raw);
}

/** The key that finds the same case again: its edition, title and unit, normalized. */
export function duplicateKeyOf(edition: number, title: string, unitName: string): string {
  return `${edition}\n${norm(title)}\n${norm(unitName)}`;
}

/** Judges each row; a row repeating an earlier row's key is a problem of the later row. */
export function judgeRows(campaign: Campaign, columns: Column[], byColumn: Map<string, string>, rows: ImportRow[]): JudgedRow[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const judged = judgeRow(campaign, columns, byColumn, row);
    if (judged.draft) {
      const first = seen.get(judged.draft.duplicateKey);
      if (first !== undefined) return { ...judged, draft: null, problems: [{ code: 'duplicate_in_file', column: 'title', line: first }] };
      seen.set(judged.draft.duplicateKey, row.line);
    }
    return judged;
  });
}

function judgeRow(campaign: Campaign, columns: Column[], byColumn: Map<string, string>, row: ImportRow): JudgedRow {
  const problems: RowProblem[] = [];
  const stripped: string[] = [];
  const cell = (key: string) => row.cells[byColumn.get(key) ?? '\u0000'] ?? '';
  for (const column of columns) {
    if (column.required && cell(column.key) === '') problems.push({ code: 'required', column: column.key });
  }
  const has = (key: string) => cell(key) !== '';

  const editionText = cell('edition');
  const edition = Number(editionText);
  const editionOk = /^\d{1,2}$/.test(editionText) && edition >= 1 && edition < campaign.edition;
  if (has('edition') && !editionOk) problems.push({ code: 'bad_edition', column: 'edition', value: editionText });
  const yearText = cell('year');
  const year = yearText === '' ? null : Number(yearText);
  if (year !== null && !(/^\d{4}$/.test(yearText) && year >= 1990 && year <= 2100)) problems.push({ code: 'bad_year', column: 'year', value: yearText });

  const categoryText = norm(cell('category'));
  const category = campaign.categories.find((c) => [c.key, c.name['zh-CN'], c.name.en].some((n) => norm(n) === categoryText));
  if (has('category') && !category) problems.push({ code: 'unknown_category', column: 'category', value: cell('category') });
  const divisionCode = resolveDivision(cell('province'));
  if (has('province') && !divisionCode) problems.push({ code: 'unknown_province', column: 'province', value: cell('province') });
  const tierText = norm(cell('tier'));
  const tier = TIERS.get(tierText);
  if (tier === undefined) problems.push({ code: 'bad_tier', column: 'tier', value: cell('tier') });
  const urlText = cell('url');
  if (urlText !== '' && !isWebAddress(urlText)) problems.push({ code: 'bad_url', column: 'url', value: urlText });

  const plain = (key: string) => {
    const raw = cell(key);
    if (!/<[a-z!/]/i.test(raw)) return raw;
    const text = htmlToText(sanitizeCaseHtml(raw)).replace(/\s+/g, ' ').trim();
    stripped.push(key);
    return text;
  };
  const html = (key: string) => {
    const raw = cell(key);
    try {
      const clean = sanitizeCaseField(asHtml(raw), key);
      if (wasStripped(raw, clean)) stripped.push(key);
      return clean;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'text_invalid') throw error;
      problems.push({ code: 'text_invalid', column: key });
      return '';
    }
  };
  const title = plain('title');
  const unitName = plain('unit');
  const summary = html('summary');
  const sections = Object.fromEntries(campaign.caseStyle.elements.map((e) => [e.key, html(`section:${e.key}`)]));
  for (const p of publicCopyProblems(campaign, { title, unitName, summary, sections }, 0)) {
    if (p.problem !== 'too_long') continue;
    const column = p.field === 'unitName' ? 'unit' : p.field === 'body' ? 'body' : p.field;
    problems.push({ code: 'too_long', column, limit: p.limit, ...('count' in p ? { count: p.count } : {}) });
  }
  if (problems.length > 0 || !category || !divisionCode || tier === undefined) return { line: row.line, draft: null, problems, stripped };
  return {
    line: row.line, problems, stripped,
    draft: {
      edition, year, duplicateKey: duplicateKeyOf(edition, title, unitName), title, unitName, divisionCode, category: category.key, tier,
      summary, sections, sourceUrl: urlText === '' ? null : urlText,
    },
  };
}

function isWebAddress(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
