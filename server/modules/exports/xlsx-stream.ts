import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, ExportSheet } from './exports.sheets.ts';

// Writes one sheet as an .xlsx into a stream, row by row: exceljs's streaming writer commits
// each row to the zip as it goes, and the next batch is read only once the stream has taken the
// last, so memory holds a page of rows, never the workbook.

/** Excel's limit for the text of one cell. */
const CELL_MAX = 32_767;
// Characters XML 1.0 cannot carry (exceljs would write them and Excel would call the file damaged).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// A cell starting so is read as a formula once the sheet is saved as CSV or the cell is edited.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a cell that stays text: without characters XML forbids, within Excel's length, and
 * with a leading apostrophe when it starts like a formula (OWASP's advice against CSV injection).
 */
export function safeText(text: string): string {
  const clean = text.replace(NOT_XML, '');
  return (FORMULA_START.test(clean) ? `'${clean}` : clean).slice(0, CELL_MAX);
}

const cellValue = (value: Cell) => (typeof value === 'string' ? safeText(value) : value);

/** Writes `sheet` as a workbook of one sheet into `out`, then ends it; resolves when the last byte is handed over. */
export async function writeSheet(out: Writable, sheet: ExportSheet): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const worksheet = workbook.addWorksheet(safeText(sheet.name).replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((c) => ({ header: safeText(c.header), width: c.width }));
  worksheet.getRow(1).commit();
  for await (const batch of sheet.batches) {
    for (const row of batch) worksheet.addRow(row.map(cellValue)).commit();
    // Wait for the reader before reading the next page from the database.
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    // A reader that went away stops the export: no more pages are read for nobody.
    if (out.destroyed) throw new Error('the export was abandoned by its reader');
    await new Promise((resolve) => setImmediate(resolve));
  }
  worksheet.commit();
  await workbook.commit();
}
