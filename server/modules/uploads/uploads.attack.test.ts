import { describe, expect, it } from 'vitest';
import { createDraftCase } from '../../testing/cases.ts';
import { testPdf } from '../../testing/pdf-files.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { createTusUpload, patchTus } from '../../testing/tus.ts';

describe(`tus answers and file names at the boundary (${testEngine()})`, () => {
  it('answers a PATCH of another body type 415 and one running past Upload-Length 413, as tus says', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const pdf = await testPdf();
    const location = (await createTusUpload(client, { caseId, kind: 'media-reports', filename: 'a.pdf', length: 1000 })).headers.location as string;
    const answers = [
      await patchTus(client, location, 0, pdf.subarray(0, 10), { 'content-type': 'text/plain' }),
      await patchTus(client, location, 0, pdf.subarray(0, 1200)),
    ];
    expect(answers.map((r) => [r.statusCode, r.json().error.code, r.json().error.message])).toEqual([
      [415, 'unsupported_media_type', '此接口不接受类型为“text/plain”的请求内容。'],
      [413, 'body_too_large', '请求内容超过此接口 1000 B 的大小限制。'],
    ]);
  });

  it.each([
    ['an Arabic letter mark (bidi)', 'invoice\u061Cfdp.exe.pdf'],
    ['a line separator', '报告\u2028.pdf'],
    ['a paragraph separator', '报告\u2029.pdf'],
    ['a soft hyphen', 're\u00ADport.pdf'],
    ['a Mongolian vowel separator', 're\u180Eport.pdf'],
    ['a Hangul filler', '\u3164.pdf'],
    ['a tag character', 'report\u{E0041}.pdf'],
    ['a right-to-left override', 'invoice\u202Efdp.exe'],
  ])('refuses a file name with %s', async (_label, name) => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const res = await createTusUpload(client, { caseId, kind: 'media-reports', filename: name, length: 10 });
    expect([res.statusCode, res.json().error]).toEqual([400, { code: 'file_name_invalid', message: '文件名无效，请重命名后再上传。', details: { problem: 'control' } }]);
  });
});
