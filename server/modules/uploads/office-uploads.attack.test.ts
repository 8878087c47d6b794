import { describe, expect, it } from 'vitest';
import { DOCM_MAIN, MS_REL, REL, WORD_MAIN, wordPackageEntries } from '../../../core/files/testing/office-packages.ts';
import { zipBytes, type ZipEntryInput } from '../../../core/files/testing/zip-bytes.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { uploadFile } from '../../testing/tus.ts';

// Macro packages whose [Content_Types].xml and relationships say "macros" to Office's XML parser
// and something else to a reader that is not one.

const VBA = 'application/vnd.ms-office.vbaProject';
const utf16 = (xml: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')]);
const relationships = (rels: [string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL.replace('officeDocument/2006/relationships', 'package/2006/relationships')}">${rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

/** A .docm whose main part and VBA project are declared in ways a regex misreads. */
function disguisedDocm(change: (entries: ZipEntryInput[]) => ZipEntryInput[]): Uint8Array {
  const entries = wordPackageEntries({
    mainType: DOCM_MAIN,
    types: [`<Default Extension="bin" ContentType="${VBA}"/>`],
    documentRels: [[`${MS_REL}/vbaProject`, 'vbaProject.bin']],
    parts: [{ name: 'word/vbaProject.bin', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }],
  });
  return zipBytes(change(entries));
}

const replaceEntry = (entries: ZipEntryInput[], name: string, data: (text: string) => Uint8Array) =>
  entries.map((e) => (e.name === name ? { name, data: data(new TextDecoder().decode(e.data)) } : e));

// Comments are no part of an XML document: Office never reads the declarations inside them.
const commentedTypes = (text: string) => new TextEncoder().encode(text.replace('</Types>',
  `<!--<Override PartName="/word/document.xml" ContentType="${WORD_MAIN}"/><Default Extension="bin" ContentType="image/png"/>--></Types>`));

describe(`macro packages disguised for the reader (${testEngine()})`, () => {
  it.each<[string, (entries: ZipEntryInput[]) => ZipEntryInput[]]>([
    ['commented-out declarations and relationships in UTF-16', (entries) =>
      replaceEntry(replaceEntry(entries, '[Content_Types].xml', commentedTypes), 'word/_rels/document.xml.rels', () => utf16(relationships([[`${MS_REL}/vbaProject`, 'vbaProject.bin']])))],
    ['commented-out declarations and a ">" inside an attribute before the relationship type', (entries) =>
      replaceEntry(replaceEntry(entries, '[Content_Types].xml', commentedTypes), 'word/_rels/document.xml.rels',
        (text) => new TextEncoder().encode(text.replace('<Relationship Id="rId1"', '<Relationship Id="rId1" Target="vbaProject.bin" xml:lang="a>b"').replace(' Target="vbaProject.bin"/>', '/>')))],
  ])('refuses a .docm with %s as a macro document', async (_label, change) => {
    const test = await createTestApp();
    const { client, caseId } = await createDraftCase(test.app);
    const { patched } = await uploadFile(client, caseId, 'declaration-form', '申报表.docm', disguisedDocm(change));
    const attachments = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data as unknown[];
    // Before, both were kept as Word documents: 204 and one attachment.
    expect([patched!.statusCode, patched!.statusCode === 204 ? null : patched!.json().error.details, attachments]).toEqual([422, { reason: 'macro' }, []]);
  });
});
