import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { minimalDocxEntries, zipBytes } from '../../../core/files/testing/zip-bytes.ts';
import { DOCM_MAIN, wordPackageEntries } from '../../../core/files/testing/office-packages.ts';
import { changeCampaign } from '../../testing/campaign-overrides.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';
import { docxWithExplodingMainPart } from '../../testing/zip-bombs.ts';
import { DOCX_TYPE } from './imports.routes.ts';
import { GUARD_MS } from '../../../core/testing/guard.ts';

const HEADINGS = readFileSync(new URL('./fixtures/headings.docx', import.meta.url));

function upload(client: TestClient, caseId: string, body: Buffer, headers: Record<string, string> = {}, query = '') {
  return client.request({ method: 'POST', url: `/api/v1/cases/${caseId}/import-docx${query}`, body, headers: { 'content-type': DOCX_TYPE, ...headers } });
}

describe(`POST /api/v1/cases/:id/import-docx (${testEngine()})`, () => {
  it("answers the unit's operator with the proposed split and saves nothing", async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const before = (await client.get(`/api/v1/cases/${caseId}`)).json();

    const res = await upload(client, caseId, HEADINGS);

    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect([data.title, data.keywords, data.sections.background, data.warnings]).toEqual([
      '“红色网格”激活基层治理末梢',
      ['党建引领', '网格化治理', '社区服务'],
      '<p>社区常住人口1.2万人，老旧小区多，物业服务缺位。</p>',
      [],
    ]);
    expect((await client.get(`/api/v1/cases/${caseId}`)).json()).toEqual(before);
  });

  it('accepts the file sent as application/octet-stream, as browsers do when they do not know .docx', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const res = await upload(client, caseId, HEADINGS, { 'content-type': 'application/octet-stream' });
    expect([res.statusCode, res.json().data.title]).toEqual([200, '“红色网格”激活基层治理末梢']);
  });

  it("answers another unit's case exactly like a missing one", async () => {
    const { app } = await createTestApp();
    const { caseId } = await createDraftCase(app);
    const other = await createDraftCase(app);
    const theirs = await upload(other.client, caseId, HEADINGS);
    const missing = await upload(other.client, '00000000-0000-4000-8000-000000000000', HEADINGS);
    expect([theirs.statusCode, theirs.json().error]).toEqual([missing.statusCode, missing.json().error]);
    expect(theirs.json().error.code).toBe('not_found');
  });

  it('refuses once the case may no longer change', async () => {
    // An hour before the deadline (2024-06-30 23:59:59 Beijing time), then just after it.
    const { app, setNow } = await createTestApp({ now: new Date('2024-06-30T15:00:00.000Z') });
    const { client, caseId } = await createDraftCase(app);
    setNow(new Date('2024-06-30T16:00:00.000Z'));
    const res = await upload(client, caseId, HEADINGS);
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'case_read_only']);
  });

  it('explains in the reader’s language why a file cannot be read', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const zh = await upload(client, caseId, Buffer.from('%PDF-1.7\n'));
    const en = await upload(client, caseId, Buffer.from('%PDF-1.7\n'), { 'accept-language': 'en' });
    const doc = await upload(client, caseId, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]));
    expect([zh.statusCode, zh.json().error]).toEqual([422, {
      code: 'import_failed',
      message: '无法读取该 Word 文件：这不是 Word 文档（.docx）。',
      details: { reason: 'not_docx' },
    }]);
    expect(en.json().error.message).toBe('The Word file could not be read: it is not a Word document (.docx).');
    expect(doc.json().error.message).toBe('无法读取该 Word 文件：这是旧版 Word 97-2003 文档（.doc）或设置了打开密码的文档，请在 Word 中取消密码并“另存为”.docx 格式后再导入。');
  });

  it('refuses a zip bomb and a file of another type with import_failed', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const spaces = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const bomb = Buffer.from(zipBytes(minimalDocxEntries([{ name: 'word/fill.xml', data: spaces, deflated: deflateRawSync(spaces) }], '<w:p><w:r><w:t>x</w:t></w:r></w:p>')));
    const bombed = await upload(client, caseId, bomb);
    const typed = await upload(client, caseId, HEADINGS, { 'content-type': 'text/plain' });
    expect([bombed.statusCode, bombed.json().error.details, bombed.json().error.message]).toEqual([
      422, { reason: 'zip_bomb' }, '无法读取该 Word 文件：文件解压后的内容异常庞大，不像正常的案例文档。',
    ]);
    expect([typed.statusCode, typed.json().error.details]).toEqual([422, { reason: 'not_docx' }]);
  });

  it('refuses quickly a main part named word/main.dat that inflates to 2 GB, and the server stays small', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const bomb = docxWithExplodingMainPart(2048);
    const before = process.memoryUsage().rss;
    const res = await upload(client, caseId, bomb);
    expect([res.statusCode, res.json().error.code, res.json().error.details]).toEqual([422, 'import_failed', { reason: 'zip_bomb' }]);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  }, GUARD_MS);

  it('reads a legitimate document written with ZIP64 records, as the upload does', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const body = '<w:p><w:r><w:t>“红色网格”激活基层治理末梢</w:t></w:r></w:p><w:p><w:r><w:t>社区常住人口1.2万人。</w:t></w:r></w:p>';
    const res = await upload(client, caseId, Buffer.from(zipBytes(minimalDocxEntries([], body), { zip64: true })));
    expect([res.statusCode, res.json().data.title]).toEqual([200, '“红色网格”激活基层治理末梢']);
  });

  it('refuses a document carrying macros by its content types, unless the campaign allows them, as the upload does', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const vba = { name: 'word/stuff.bin', data: Buffer.from('Attribute VB_Name = "AutoOpen"') };
    const body = '<w:p><w:r><w:t>“红色网格”激活基层治理末梢</w:t></w:r></w:p>';
    const macro = Buffer.from(zipBytes(wordPackageEntries({ body, types: ['<Override PartName="/word/stuff.bin" ContentType="application/vnd.ms-office.vbaProject"/>'], parts: [vba] })));
    const docm = Buffer.from(zipBytes(wordPackageEntries({ body, mainType: DOCM_MAIN })));
    const refused = await Promise.all([upload(client, caseId, macro), upload(client, caseId, docm)]);
    expect(refused.map((r) => [r.statusCode, r.json().error.details, r.json().error.message])).toEqual(Array(2).fill([
      422, { reason: 'macro' }, '无法读取该 Word 文件：文档中含有宏或控件，请在 Word 中另存为不含宏的 .docx 后再导入。',
    ]));
    const permissive = await createTestApp();
    await changeCampaign(permissive.app, { allowMacroDocuments: true });
    const draft = await createDraftCase(permissive.app);
    const allowed = await upload(draft.client, draft.caseId, macro);
    expect([allowed.statusCode, allowed.json().data.title]).toEqual([200, '“红色网格”激活基层治理末梢']);
  });

  it('refuses a file over 20 MB with file_too_large, naming it', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const res = await upload(client, caseId, Buffer.alloc(20 * 1024 * 1024 + 1), {}, `?name=${encodeURIComponent('案例.docx')}`);
    expect([res.statusCode, res.json().error.code, res.json().error.message]).toEqual([413, 'file_too_large', '文件“案例.docx”超过 20 MB 的大小限制。']);
  });

  it('asks a stranger to sign in', async () => {
    const { app } = await createTestApp();
    const { caseId } = await createDraftCase(app);
    const res = await upload(new TestClient(app), caseId, HEADINGS);
    expect([res.statusCode, res.json().error.code]).toEqual([401, 'unauthenticated']);
  });
});
