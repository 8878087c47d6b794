import { AlignmentType, Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { createDraftCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { DOCX_TYPE } from './imports.routes.ts';

// Found by trying an official-style case with a footnote giving a figure's source: mammoth writes
// the notes after the last paragraph, so the note (with its ↑ back link) fell silently into the
// appendix, or into 探讨 when there is none, where it counted toward the 5000 字.

const run = (text: string, font: string, size = 32) => new TextRun({ text, font: { eastAsia: font, ascii: font }, size });
const line = (text: string, font = '仿宋_GB2312') => new Paragraph({ children: [run(text, font)] });

function officialWithFootnote(appendix: boolean): Promise<Buffer> {
  return Packer.toBuffer(new Document({
    footnotes: { 1: { children: [new Paragraph('数据来源：区统计局2023年公报。')] } },
    sections: [{
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [run('“三方联动”破解老旧小区治理难题', '方正小标宋简体', 44)] }),
        line('一、基本情况', '黑体'),
        new Paragraph({ children: [run('小区建成于1995年，共有居民860户。', '仿宋_GB2312'), new FootnoteReferenceRun(1)] }),
        line('二、主要做法', '黑体'), line('每月召开联席会议。'),
        line('三、取得成效', '黑体'), line('物业投诉下降六成。'),
        line('四、经验启示', '黑体'), line('三方联动需要制度保障。'),
        ...(appendix ? [line('五、附件', '黑体'), line('《议事规则》')] : []),
      ],
    }],
  }));
}

describe(`a Word file with footnotes (${testEngine()})`, () => {
  it.each([
    [true, '<p>三方联动需要制度保障。</p>', '<p>《议事规则》</p>'],
    [false, '<p>三方联动需要制度保障。</p>', ''],
  ])('shows the notes as a part to place, merged into no section (appendix: %s)', async (appendix, discussion, appendixHtml) => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const res = await client.request({
      method: 'POST', url: `/api/v1/cases/${caseId}/import-docx`, body: await officialWithFootnote(appendix), headers: { 'content-type': DOCX_TYPE },
    });
    const { data } = res.json();
    expect([res.statusCode, data.sections.background, data.sections.discussion, data.sections.appendix, data.unmatched, data.warnings]).toEqual([
      200,
      '<p>小区建成于1995年，共有居民860户。[1]</p>',
      discussion,
      appendixHtml,
      [{ heading: null, html: '<ol><li><p>数据来源：区统计局2023年公报。</p></li></ol>' }],
      [{ code: 'unmatched_content' }],
    ]);
  });
});
