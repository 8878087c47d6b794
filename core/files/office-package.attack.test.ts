import { describe, expect, it } from 'vitest';
import { carriesCode, decodePackageXml, officeTypeOf, parseContentTypes, parseRelationships } from './office-package.ts';
import { GUARD_MS } from '../testing/guard.ts';

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const DOCM_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const VBA_REL = 'http://schemas.microsoft.com/office/2006/relationships/vbaProject';

describe('office package descriptions read as XML', () => {
  it('reads a 1.2 MB description of unclosed attributes in well under a second (a regular expression took 180 s)', () => {
    const hostile = '<Default a="'.repeat(100_000);
    expect([parseContentTypes(hostile).declared, parseRelationships('_rels/.rels', hostile)]).toEqual([[], []]);
  }, GUARD_MS);

  it('ignores declarations inside comments, which Office never reads, so they cannot overwrite the real ones', () => {
    const types = parseContentTypes(`<Types><Override PartName="/word/document.xml" ContentType="${DOCM_MAIN}"/><!-- <Override PartName="/word/document.xml" ContentType="${DOCX_MAIN}"/> --></Types>`);
    const pkg = { names: ['word/document.xml'], types, relationships: parseRelationships('_rels/.rels', `<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`) };
    expect([officeTypeOf(pkg), carriesCode(pkg)]).toEqual(['application/vnd.ms-word.document.macroEnabled.12', true]);
  });

  it('reads a relationship whose attribute before the type holds ">", and attribute names by their exact case', () => {
    const rels = parseRelationships('word/_rels/document.xml.rels',
      `<Relationships><Relationship Id="r" xml:lang="a>b" Type="${VBA_REL}" Target="x.bin" type="harmless"/></Relationships>`);
    expect(rels).toEqual([{ source: 'word/document.xml', type: VBA_REL, target: 'word/x.bin', external: false }]);
  });

  it('decodes a part in UTF-16, with or without a byte order mark, as the package format allows', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><Types/>';
    expect([
      decodePackageXml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])),
      decodePackageXml(Buffer.from(xml, 'utf16le')),
      decodePackageXml(Buffer.from(xml, 'utf16le').swap16()),
      decodePackageXml(Buffer.from(xml)),
    ].map((text) => text.replace(/^\uFEFF/, ''))).toEqual([xml, xml, xml, xml]);
  });
});
