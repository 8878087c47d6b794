// Word packages for tests, described by what Office reads: content types, relationships, parts.
import type { ZipEntryInput } from './zip-bytes.ts';

const text = (s: string) => new TextEncoder().encode(s);

export const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
export const DOCM_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const MS_REL = 'http://schemas.microsoft.com/office/2006/relationships';

export interface WordPackage {
  /** The main part's content type (a .docx's unless given). */
  mainType?: string;
  /** Extra [Content_Types].xml elements: `<Default …/>` or `<Override …/>`. */
  types?: string[];
  /** Relationships of word/document.xml, as [type, target] pairs. */
  documentRels?: [string, string][];
  parts?: ZipEntryInput[];
  body?: string;
}

/** The entries of a Word package built from its description. */
export function wordPackageEntries(pkg: WordPackage = {}): ZipEntryInput[] {
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${pkg.mainType ?? WORD_MAIN}"/>${(pkg.types ?? []).join('')}</Types>`;
  const relationships = (rels: [string, string][]) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${pkg.body ?? '<w:p><w:r><w:t>申报表</w:t></w:r></w:p>'}</w:body></w:document>`;
  return [
    { name: '[Content_Types].xml', data: text(types) },
    { name: '_rels/.rels', data: text(relationships([[`${REL}/officeDocument`, 'word/document.xml']])) },
    { name: 'word/document.xml', data: text(document) },
    ...(pkg.documentRels ? [{ name: 'word/_rels/document.xml.rels', data: text(relationships(pkg.documentRels)) }] : []),
    ...(pkg.parts ?? []),
  ];
}
