import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCM_MAIN, MS_REL, wordPackageEntries } from '../../../core/files/testing/office-packages.ts';
import { minimalDocxEntries, zipBytes } from '../../../core/files/testing/zip-bytes.ts';
import { changeCampaign } from '../../testing/campaign-overrides.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { sha256, uploadFile } from '../../testing/tus.ts';
import { docxWithExplodingMainPart } from '../../testing/zip-bombs.ts';
import { GUARD_MS } from '../../../core/testing/guard.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const BODY = '<w:p><w:r><w:t>申报表</w:t></w:r></w:p>';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
}

async function uploadDeclarationForm(bytes: Uint8Array) {
  const test = await createTestApp();
  const { client, caseId } = await createDraftCase(test.app);
  const { patched } = await uploadFile(client, caseId, 'declaration-form', '申报表.docx', bytes);
  const attachments = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data as { mediaType: string; sha256: string }[];
  return { ...test, patched: patched!, attachments: attachments.map((a) => [a.mediaType, a.sha256]) };
}

describe(`Word documents (${testEngine()})`, () => {
  it('refuses a zip bomb dressed as a .docx, from its directory alone', async () => {
    // 60 KB that claims to unpack into 4 GB of "document".
    const bomb = zipBytes(minimalDocxEntries([{ name: 'word/media/image1.png', data: new Uint8Array(60_000), declaredSize: 0xfffffffe }]));
    const { patched, dataDir } = await uploadDeclarationForm(bomb);
    expect([patched.statusCode, patched.json().error]).toEqual([422, {
      code: 'file_unsafe', message: '文件“申报表.docx”未通过安全检查：文件解压后的体积异常巨大（疑似“压缩炸弹”）。', details: { reason: 'zip_bomb' },
    }]);
    expect(filesUnder(path.join(dataDir, 'blobs'))).toEqual([]);
  });

  it('refuses a main part named word/main.dat that inflates to 2 GB while declaring a kilobyte', async () => {
    const { patched, attachments } = await uploadDeclarationForm(docxWithExplodingMainPart(2048));
    expect([patched.statusCode, patched.json().error.details, attachments]).toEqual([422, { reason: 'zip_bomb' }, []]);
  }, GUARD_MS);

  it('keeps a legitimate document written with ZIP64 records, as a Word document', async () => {
    const document = zipBytes(minimalDocxEntries([], BODY), { zip64: true });
    const { patched, attachments } = await uploadDeclarationForm(document);
    expect([patched.statusCode, attachments]).toEqual([204, [[DOCX, sha256(document)]]]);
  });

  it('calls a damaged archive unreadable rather than guessing what it is', async () => {
    const whole = zipBytes(minimalDocxEntries([], BODY));
    const { patched } = await uploadDeclarationForm(whole.subarray(0, whole.length - 30));
    expect([patched.statusCode, patched.json().error.message]).toEqual([422, '文件“申报表.docx”未通过安全检查：文件已损坏或结构不完整，无法完成检查。']);
  });
});

const VBA = 'application/vnd.ms-office.vbaProject';

const VBA_PART = { name: 'word/stuff.bin', data: new TextEncoder().encode('Attribute VB_Name = "AutoOpen"') };
const RENAMED_VBA = wordPackageEntries({ types: [`<Override PartName="/word/stuff.bin" ContentType="${VBA}"/>`], documentRels: [[`${MS_REL}/vbaProject`, 'stuff.bin']], parts: [VBA_PART] });

describe(`macros, judged by content types and relationships (${testEngine()})`, () => {
  it.each([
    ['a VBA project renamed word/stuff.bin, declared by its content type', RENAMED_VBA],
    ['a .docm main part without any VBA part', wordPackageEntries({ mainType: DOCM_MAIN })],
  ])('refuses %s', async (_label, entries) => {
    const { patched, attachments } = await uploadDeclarationForm(zipBytes(entries));
    expect([patched.statusCode, patched.json().error, attachments]).toEqual([422, {
      code: 'file_unsafe', message: '文件“申报表.docx”未通过安全检查：文档中含有宏或控件。', details: { reason: 'macro' },
    }, []]);
  });

  it('keeps a clean document', async () => {
    const document = zipBytes(wordPackageEntries());
    const { patched, attachments } = await uploadDeclarationForm(document);
    expect([patched.statusCode, attachments]).toEqual([204, [[DOCX, sha256(document)]]]);
  });

  it('keeps a document with macros when the campaign allows them, and still judges its type by content', async () => {
    const { app } = await createTestApp();
    await changeCampaign(app, { allowMacroDocuments: true });
    const { client, caseId } = await createDraftCase(app);
    const docx = zipBytes(RENAMED_VBA);
    const kept = await uploadFile(client, caseId, 'declaration-form', '申报表.docx', docx);
    const docm = await uploadFile(client, caseId, 'sealed-form', '申报表.docm', zipBytes(wordPackageEntries({ mainType: DOCM_MAIN })));
    expect([kept.patched!.statusCode, docm.patched!.statusCode, docm.patched!.json().error.details.detected]).toEqual([204, 415, 'application/vnd.ms-word.document.macroEnabled.12']);
  });
});
