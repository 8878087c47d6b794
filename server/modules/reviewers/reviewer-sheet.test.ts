import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zipBytes } from '../../../core/files/testing/zip-bytes.ts';
import { AppError } from '../../errors.ts';
import { explodingReviewerSheet, manyReviewerRows, REVIEWER_HEADER, reviewerSheet } from '../../testing/reviewer-sheets.ts';
import { zerosEntry } from '../../testing/zip-bombs.ts';
import { readReviewerSheet } from './reviewer-sheet.ts';

async function refusal(bytes: Buffer) {
  const error = await readReviewerSheet(bytes).then(() => null, (e: unknown) => e);
  return error instanceof AppError ? [error.code, error.params] : error;
}

describe('readReviewerSheet', () => {
  it('reads the rows by header, skipping blank rows, with the sheet row numbers', async () => {
    const bytes = await reviewerSheet([['陈教授', 'chen@example.cn', '农村基层党建', 30, '广东省', '中山大学'], [], ['王研究员', 'wang@example.cn', 'urban', '10', '', '']], ['Name', 'E-mail', 'Expertise', 'Capacity', 'Province', 'Affiliation']);
    expect(await readReviewerSheet(bytes)).toEqual([
      { number: 2, cells: { name: '陈教授', email: 'chen@example.cn', expertise: '农村基层党建', capacity: '30', province: '广东省', affiliation: '中山大学' }, formulas: [] },
      { number: 4, cells: { name: '王研究员', email: 'wang@example.cn', expertise: 'urban', capacity: '10', province: '', affiliation: '' }, formulas: [] },
    ]);
  });

  it('reports a formula cell by address and never takes its value', async () => {
    const bytes = await reviewerSheet([['陈教授', 'chen@example.cn', 'rural', { formula: '10*3', result: 30 }, '', '']]);
    const rows = await readReviewerSheet(bytes);
    expect(rows.map((r) => r.formulas)).toEqual([['D2']]);
  });

  it('names the missing columns', async () => {
    expect(await refusal(await reviewerSheet([['陈教授', 'chen@example.cn']], ['姓名', '手机', '单位', '备注']))).toEqual([
      'sheet_columns', { columns: '邮箱/E-mail, 专长/Expertise, 上限/Capacity, 省份/Province' },
    ]);
  });

  it('refuses 5,001 rows and a 50,000-row file with the limit', async () => {
    expect((await readReviewerSheet(await manyReviewerRows(5000))).length).toBe(5000);
    expect(await refusal(await manyReviewerRows(5001))).toEqual(['sheet_too_many_rows', { max: 5000 }]);
    expect(await refusal(await manyReviewerRows(50_000))).toEqual(['sheet_too_many_rows', { max: 5000 }]);
  });

  it('refuses a zip bomb named .xlsx, a file that is no zip and a file over 5 MB, before exceljs reads them', async () => {
    const bomb = explodingReviewerSheet(200, 1024);
    expect(await refusal(bomb)).toEqual(['sheet_unsafe', {}]);
    const honestBomb = explodingReviewerSheet(300);
    expect(await refusal(honestBomb)).toEqual(['sheet_unsafe', {}]);
    expect(await refusal(Buffer.from('姓名,邮箱\n陈教授,chen@example.cn'))).toEqual(['sheet_unreadable', {}]);
    expect(await refusal(Buffer.alloc(5 * 1024 * 1024 + 1))).toEqual(['file_too_large', { name: 'xlsx', max: '5 MB' }]);
  });

  it('reads the first tab, even when its part is not sheet1.xml', async () => {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('填表说明');
    notes.addRow(['请按模板填写', '', '', '', '', '']);
    const experts = workbook.addWorksheet('专家名单');
    experts.addRow(REVIEWER_HEADER);
    experts.addRow(['陈教授', 'chen@example.cn', 'rural', 30, '广东省', '中山大学']);
    // The list was moved in front of the notes: it is the first tab, stored as sheet2.xml.
    Object.assign(experts, { orderNo: 0 });
    Object.assign(notes, { orderNo: 1 });
    const rows = await readReviewerSheet(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows.map((r) => r.cells.name)).toEqual(['陈教授']);
  });

  it('refuses shared strings that inflate past 16 MiB, however honestly declared', async () => {
    const bytes = Buffer.from(zipBytes([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, zerosEntry('xl/sharedStrings.xml', 17)]));
    expect(await refusal(bytes)).toEqual(['sheet_unsafe', {}]);
  });
});
