import type { Campaign } from '../../../core/campaign/campaign.schema.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate, type MessageKey } from '../../../core/i18n/messages.ts';
import { columnName } from './import-columns.ts';
import type { JudgedRow, RowProblem } from './import-rows.ts';

// A judged row as the dry run's report shows it: its status and every problem said in the
// caller's language, with its code and column for a program.

export interface ReportRow {
  line: number;
  status: 'ok' | 'duplicate' | 'error';
  edition: number | null;
  title: string;
  unitName: string;
  problems: { code: RowProblem['code'] | 'duplicate_imported'; column: string; message: string }[];
  /** Script or markup the case HTML allow-list took out, one sentence per column. */
  warnings: string[];
}

function problemMessage(locale: Locale, campaign: Campaign, p: RowProblem): string {
  const column = p.column === 'body' ? translate(locale, 'libraryImport.column.body') : columnName(locale, campaign, p.column);
  const params: Record<string, string | number> = { column };
  if ('value' in p) params.value = p.value;
  if ('line' in p) params.line = p.line;
  if ('limit' in p && p.limit !== undefined) params.limit = p.limit;
  if ('count' in p && p.count !== undefined) params.count = p.count;
  if (p.code === 'unknown_category') params.allowed = campaign.categories.map((c) => c.name[locale]).join(translate(locale, 'punct.list'));
  if (p.code === 'bad_edition') params.max = campaign.edition - 1;
  const key = p.code === 'too_long' && p.count === undefined ? 'libraryImport.problem.too_long_chars' : `libraryImport.problem.${p.code}`;
  return translate(locale, key as MessageKey, params);
}

export function describeRow(row: JudgedRow & { duplicate: boolean }, locale: Locale, campaign: Campaign): ReportRow {
  const status = row.problems.length > 0 ? 'error' : row.duplicate ? 'duplicate' : 'ok';
  const problems: ReportRow['problems'] = row.problems.map((p) => ({ code: p.code, column: p.column, message: problemMessage(locale, campaign, p) }));
  if (status === 'duplicate') {
    problems.push({ code: 'duplicate_imported' as const, column: 'title', message: translate(locale, 'libraryImport.problem.duplicate_imported', { edition: row.draft!.edition }) });
  }
  return {
    line: row.line, status, edition: row.draft?.edition ?? null, title: row.draft?.title ?? '', unitName: row.draft?.unitName ?? '',
    problems,
    warnings: row.stripped.map((c) => translate(locale, 'libraryImport.warning.stripped', { column: columnName(locale, campaign, c) })),
  };
}
