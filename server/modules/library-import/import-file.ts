import ExcelJS from 'exceljs';
import { officeTypeOf } from '../../../core/files/office-package.ts';
import { AppError } from '../../errors.ts';
import { readOfficePackage } from '../../files/office-reader.ts';
import { ZipRefused } from '../../files/zip-reader.ts';
import { storedZip } from '../imports/docx-zip.ts';

// An import file (JSON or XLSX, docs/import-format.md) read into rows of text cells, within hard
// limits. An .xlsx is opened by the same office reader as uploads and the Word import, which
// inflates every entry within the office limits; exceljs then gets a package rebuilt from the
// XML parts already inflated, so it has nothing left to inflate.

/** The largest import file read: a few thousand cases of text fit in far less. */
export const IMPORT_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_ROWS_MAX = 2000;
/** The longest cell read: a section of 5,000 字 with its markup fits well within it. */
export const IMPORT_CELL_MAX_CHARS = 30_000;
const IMPORT_COLUMNS_MAX = 60;
/** What the XML parts of a workbook may inflate to together. */
const XLSX_XML_MAX_BYTES = 40 * 1024 * 1024;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export type FileFailure = 'not_readable' | 'corrupt' | 'encrypted' | 'zip_bomb' | 'macro' | 'no_rows' | 'json_shape';

/** The 422 library_import_unreadable; the route words the reason in the caller's language. */
export const unreadable = (reason: FileFailure) => new AppError('library_import_unreadable', { reason }, { reason });

export interface ImportRow {
  line: number;
  /** By column name, each value trimmed text. */
  cells: Record<string, string>;
}

export interface ImportSheet {
  format: 'json' | 'xlsx';
  /** The column names as written in the file (XLSX header row, or the keys met in JSON rows). */
  headers: string[];
  /** The data rows, blank ones left out: `line` is the spreadsheet's row number, or the JSON item's (from 1). */
  rows: ImportRow[];
}

/** Reads `bytes` as an XLSX (zip signature) or JSON (anything else); throws library_import_* errors. */
export async function readImportFile(bytes: Buffer): Promise<ImportSheet> {
  if (bytes.length > IMPORT_FILE_MAX_BYTES) throw new AppError('library_import_too_large', { max: IMPORT_FILE_MAX_BYTES / 1024 / 1024 });
  return bytes.subarray(0, 4).equals(ZIP_SIGNATURE) ? readXlsx(bytes) : readJson(bytes);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value).trim();
  return '\u0000';
}

function checkedRows(rows: ImportRow[]): ImportRow[] {
  if (rows.length === 0) throw unreadable('no_rows');
  if (rows.length > IMPORT_ROWS_MAX) throw new AppError('library_import_too_many_rows', { count: rows.length, max: IMPORT_ROWS_MAX });
  for (const { line, cells } of rows) {
    for (const [column, value] of Object.entries(cells)) {
      if (value.length > IMPORT_CELL_MAX_CHARS) throw new AppError('library_import_cell_too_long', { row: line, column, max: IMPORT_CELL_MAX_CHARS });
    }
  }
  return rows;
}

function readJson(bytes: Buffer): ImportSheet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw unreadable('not_readable');
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(list)) throw unreadable('json_shape');
  if (list.length > IMPORT_ROWS_MAX) throw new AppError('library_import_too_many_rows', { count: list.length, max: IMPORT_ROWS_MAX });
  const headers = new Set<string>();
  const rows = list.map((item, i): ImportRow => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw unreadable('json_shape');
    const cells: Record<string, string> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>).slice(0, IMPORT_COLUMNS_MAX)) {
      const text = cellText(value);
      if (text === '\u0000') throw unreadable('json_shape');
      headers.add(key.trim());
      cells[key.trim()] = text;
    }
    return { line: i + 1, cells };
  });
  return { format: 'json', headers: [...headers], rows: checkedRows(rows) };
}

async function readXlsx(bytes: Buffer): Promise<ImportSheet> {
  let pkg;
  try {
    pkg = await readOfficePackage(bytes, { keep: (_name, type) => type !== undefined && /[/+]xml$/.test(type), maxBytes: XLSX_XML_MAX_BYTES });
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw unreadable(error.reason);
  }
  const type = officeTypeOf(pkg);
  if (type !== XLSX) throw unreadable(/macroEnabled/i.test(type) ? 'macro' : 'not_readable');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(storedZip(pkg.parts) as unknown as ArrayBuffer);
  } catch {
    throw unreadable('corrupt');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 2) throw unreadable('no_rows');
  if (sheet.rowCount - 1 > IMPORT_ROWS_MAX) throw new AppError('library_import_too_many_rows', { count: sheet.rowCount - 1, max: IMPORT_ROWS_MAX });
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    if (col <= IMPORT_COLUMNS_MAX) headers[col - 1] = xlsxText(cell.value);
  });
  const rows: ImportRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const cells: Record<string, string> = {};
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const header = headers[col - 1];
      if (header) cells[header] = xlsxText(cell.value);
    });
    // A blank line between rows is not a case.
    if (Object.values(cells).some((v) => v !== '')) rows.push({ line: r, cells });
  }
  return { format: 'xlsx', headers: headers.filter((h) => h !== undefined && h !== ''), rows: checkedRows(rows) };
}

/** A cell's text: rich text joined, a hyperlink's text, a formula's cached result, a date as its ISO day. */
function xlsxText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink).trim();
  if ('result' in value) return value.result === undefined || value.result === null || typeof value.result === 'object' ? '' : String(value.result).trim();
  return '';
}
