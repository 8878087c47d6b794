import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zipBytes } from '../../../core/files/testing/zip-bytes.ts';
import { testEngine } from '../../testing/test-database.ts';
import { zerosEntry } from '../../testing/zip-bombs.ts';
import { importWorld, sampleRows, upload, xlsx } from './library-import.testing.ts';

const EN_HEADERS = ['Edition', 'Year', 'Title', 'Unit', 'Province', 'Category', 'Tier', 'Summary', 'Background', 'Practice', 'Effectiveness', 'Discussion', 'Appendix', 'URL'];
const ZH_KEYS = ['届次', '年份', '标题', '单位', '省份', '类别', '等次', '摘要', '背景', '做法', '成效', '探讨', '附录', '原文链接'];
const asCells = (row: Record<string, string | number>) => ZH_KEYS.map((k) => row[k] ?? '');

/** An .xlsx whose workbook part inflates to `mebibytes` MiB of zeros. */
function xlsxBomb(mebibytes: number): Buffer {
  const types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  return Buffer.from(zipBytes([{ name: '[Content_Types].xml', data: Buffer.from(types) }, { name: '_rels/.rels', data: Buffer.from(rels) }, zerosEntry('xl/workbook.xml', mebibytes, 1024)]));
}

describe(`import files (${testEngine()})`, () => {
  it('reads an .xlsx with English headers as the JSON sample reads', async () => {
    const w = await importWorld();
    const file = await xlsx(EN_HEADERS, sampleRows().map(asCells));
    const report = (await upload(w.organizer, file)).json().data;
    expect([report.format, report.counts, report.rows.map((r: { line: number }) => r.line)]).toEqual(['xlsx', { ok: 3, duplicate: 0, error: 0 }, [2, 3, 4]]);
    expect(report.rows[0].title).toBe('“村级议事会”让乡村治理有章可循');
    // The documented sample workbook (docs/fixtures), Chinese headers, reads as the sample JSON does.
    const sample = readFileSync(new URL('../../../docs/fixtures/earlier-editions.sample.xlsx', import.meta.url));
    const fromSample = (await upload(w.organizer, sample)).json().data;
    expect([fromSample.format, fromSample.counts, fromSample.rows.map((r: { title: string }) => r.title)]).toEqual(['xlsx', { ok: 3, duplicate: 0, error: 0 }, report.rows.map((r: { title: string }) => r.title)]);
  });

  it('refuses a zip bomb, a sheet past the row limit, a file too large and other files renamed .xlsx, each with a clear reason', async () => {
    const w = await importWorld();
    const answer = async (body: Buffer, lang = 'zh-CN') => {
      const res = await upload(w.organizer, body, { lang });
      return [res.statusCode, res.json().error.code, res.json().error.message];
    };
    expect(await answer(xlsxBomb(300))).toEqual([422, 'library_import_unreadable', '无法读取导入文件：文件解压后的体积异常巨大，已拒绝读取。']);
    expect(await answer(xlsxBomb(300), 'en')).toEqual([422, 'library_import_unreadable', 'The import file cannot be read: the file unpacks to an abnormally large size and was refused.']);
    const rows = Array.from({ length: 2001 }, (_, i) => asCells({ ...sampleRows()[0]!, 标题: `案例${i}` }));
    expect(await answer(await xlsx(EN_HEADERS, rows))).toEqual([422, 'library_import_too_many_rows', '导入文件有 2001 行案例，超过每次 2000 行的上限，请分成几个文件导入。']);
    expect(await answer(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20))).toEqual([413, 'library_import_too_large', '导入文件超过 5 MB 的大小限制，请分成几个文件导入。']);
    const docx = readFileSync(new URL('../imports/fixtures/headings.docx', import.meta.url));
    expect(await answer(docx)).toEqual([422, 'library_import_unreadable', '无法读取导入文件：既不是 JSON 文件，也不是 Excel（.xlsx）工作簿。']);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await answer(png, 'en')).toEqual([422, 'library_import_unreadable', 'The import file cannot be read: it is neither a JSON file nor an Excel (.xlsx) workbook.']);
    expect(await answer(Buffer.from('{"cases": {"标题": "x"}}'))).toEqual([422, 'library_import_unreadable', '无法读取导入文件：JSON 文件应为案例对象组成的数组（或把该数组放在对象的案例数组字段中），每个值为文字或数字。']);
    expect(Number((await w.app.db.selectFrom('imported_cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });
});
