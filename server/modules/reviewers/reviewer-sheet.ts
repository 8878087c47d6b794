import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { OFFICE_ZIP_LIMITS, type ZipLimits } from '../../../core/files/zip-limits.ts';
import { HEADER_LABELS, mapHeader, SHEET_FIELDS, type SheetField } from '../../../core/review/reviewer-rows.ts';
import { AppError } from '../../errors.ts';
import { readZip, ZipRefused } from '../../files/zip-reader.ts';

// Reads the first worksheet (the first tab) of an uploaded reviewer sheet as text cells, within limits. The
// archive is opened by the project's zip reader (central directory, byte-counted inflation), which
// keeps only the parts exceljs needs; exceljs then streams a plain stored archive of those parts,
// so it never inflates anything the limits did not see (its own unzipper reads local headers, which
// a crafted file can make differ from the directory). Rows stream: reading stops at the first row
// past the limit, and a formula is reported, never evaluated.

export const SHEET_MAX_BYTES = 5 * 1024 * 1024;
export const SHEET_MAX_ROWS = 5000;

const MiB = 1024 * 1024;
/**
 * 5,000 rows of six text cells make a few MiB of XML (about 6 MiB with long Chinese names and
 * affiliations): each part may inflate to 16 MiB and all of them to 32 MiB, never more.
 */
const SHEET_ZIP_LIMITS: ZipLimits = { ...OFFICE_ZIP_LIMITS, maxEntries: 1000, maxEntryBytes: 16 * MiB, maxTotalBytes: 32 * MiB };
const WORKBOOK_PARTS = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];

export interface SheetRow<F extends string = SheetField> {
  /** The row's number in the sheet, as the spreadsheet shows it. */
  number: number;
  cells: Record<F, string>;
  /** Cells holding a formula, by address (C7). */
  formulas: string[];
}

/** What a kind of sheet expects: its columns, how its header row names them, and its limits. */
export interface SheetSpec<F extends string> {
  fields: readonly F[];
  mapHeader(cells: readonly string[]): { ok: true; columns: Record<F, number> } | { ok: false; missing: F[] };
  labels: Record<F, string>;
  maxBytes: number;
  maxRows: number;
}

function storedZip(parts: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** What exceljs's stream reader keeps of xl/workbook.xml and its relationships (not in its typings). */
interface WorkbookModel {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/**
 * The part holding the workbook's first tab, as exceljs reads the workbook's list of sheets (the
 * tab order) and their relationships; the part numbers (sheet1.xml…) need not follow the tabs.
 */
async function firstTabPart(workbookParts: { name: string; data: Buffer }[]): Promise<string | undefined> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([storedZip(workbookParts)]), { sharedStrings: 'ignore', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'ignore', entries: 'ignore' });
  for await (const worksheet of reader) void worksheet;
  const { model, workbookRels } = reader as unknown as WorkbookModel;
  const first = model?.sheets?.[0];
  const target = workbookRels?.find((rel) => rel.Id === first?.rId)?.Target;
  return target === undefined ? undefined : target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The parts exceljs needs, inflated within the limits, as a stored archive; refuses a bomb or a non-workbook. */
async function safeWorkbook(bytes: Buffer): Promise<Buffer> {
  try {
    return await readZip(bytes, SHEET_ZIP_LIMITS, async (archive) => {
      if (!archive.names.includes('xl/workbook.xml')) throw new AppError('sheet_unreadable');
      const inflated = async (names: string[]) => {
        const parts: { name: string; data: Buffer }[] = [];
        for (const name of names) if (archive.names.includes(name)) parts.push({ name, data: (await archive.inflate(name, true))! });
        return parts;
      };
      const workbookParts = await inflated(WORKBOOK_PARTS);
      const sheet = await firstTabPart(workbookParts);
      if (!sheet || !/^xl\/worksheets\/[^/]+\.xml$/.test(sheet) || !archive.names.includes(sheet)) throw new AppError('sheet_unreadable');
      // Shared strings before the sheet, so exceljs never parks the sheet in a temporary file.
      return storedZip([...workbookParts, ...(await inflated(['xl/sharedStrings.xml', sheet]))]);
    });
  } catch (error) {
    if (error instanceof ZipRefused) throw new AppError(error.reason === 'zip_bomb' ? 'sheet_unsafe' : 'sheet_unreadable');
    throw error;
  }
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(cell.text ?? value);
}

const isFormula = (cell: ExcelJS.Cell) => cell.type === ExcelJS.ValueType.Formula || (typeof cell.value === 'object' && cell.value !== null && ('formula' in cell.value || 'sharedFormula' in cell.value));

/**
 * The data rows of the sheet's first worksheet, by field, after a header row naming every field.
 * Throws AppError for a file past the size or row limit, a bomb, a non-workbook or missing columns.
 */
export async function readSheet<F extends string>(bytes: Buffer, spec: SheetSpec<F>): Promise<SheetRow<F>[]> {
  if (bytes.length > spec.maxBytes) throw new AppError('file_too_large', { name: 'xlsx', max: `${spec.maxBytes / MiB} MB` });
  const workbook = await safeWorkbook(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([workbook]), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const rows: SheetRow<F>[] = [];
  let columns: Record<F, number> | null = null;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const texts: string[] = [];
        const formulas: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          texts[column - 1] = cellText(cell);
          if (isFormula(cell)) formulas.push(cell.address);
        });
        if (!columns) {
          if (texts.every((t) => !t?.trim())) continue;
          const header = spec.mapHeader(Array.from(texts, (t) => t ?? ''));
          if (!header.ok) throw new AppError('sheet_columns', { columns: header.missing.map((f) => spec.labels[f]).join(', ') });
          columns = header.columns;
          continue;
        }
        if (texts.every((t) => !t?.trim()) && formulas.length === 0) continue;
        if (rows.length >= spec.maxRows) throw new AppError('sheet_too_many_rows', { max: spec.maxRows });
        const at = columns;
        const cells = Object.fromEntries(spec.fields.map((f) => [f, texts[at[f]] ?? ''])) as Record<F, string>;
        rows.push({ number: row.number, cells, formulas });
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('sheet_unreadable');
  }
  if (!columns) throw new AppError('sheet_columns', { columns: spec.fields.map((f) => spec.labels[f]).join(', ') });
  return rows;
}

const REVIEWER_SHEET: SheetSpec<SheetField> = { fields: SHEET_FIELDS, mapHeader, labels: HEADER_LABELS, maxBytes: SHEET_MAX_BYTES, maxRows: SHEET_MAX_ROWS };

/** A reviewer sheet's rows (readSheet with the reviewer columns and limits). */
export function readReviewerSheet(bytes: Buffer): Promise<SheetRow[]> {
  return readSheet(bytes, REVIEWER_SHEET);
}
