import ExcelJS from 'exceljs';
import { zipBytes } from '../../core/files/testing/zip-bytes.ts';
import { zerosEntry } from './zip-bombs.ts';

export const REVIEWER_HEADER = ['姓名', '邮箱', '专长', '上限', '省份', '单位'];

/** An .xlsx whose first sheet has `header` and then `rows`; a cell given as { formula } is written as one. */
export async function reviewerSheet(rows: (string | number | { formula: string; result?: number })[][], header = REVIEWER_HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('专家');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An .xlsx of `count` distinct, valid reviewer rows, written by the streaming writer. */
export async function manyReviewerRows(count: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet('专家');
  sheet.addRow(REVIEWER_HEADER).commit();
  for (let i = 0; i < count; i += 1) sheet.addRow([`专家${i}`, `expert${i}@example.cn`, 'rural', 5, '', '']).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A workbook whose one listed sheet, sheet1.xml, inflates to `mebibytes` MiB of zeros while declaring `declaredSize` bytes. */
export function explodingReviewerSheet(mebibytes: number, declaredSize?: number): Buffer {
  const workbook = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="专家" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
  return Buffer.from(zipBytes([
    { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
    zerosEntry('xl/worksheets/sheet1.xml', mebibytes, declaredSize),
  ]));
}
