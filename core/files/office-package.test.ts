import { describe, expect, it } from 'vitest';
import { carriesCode, contentTypeOf, isRelationshipsPart, officeTypeOf, parseContentTypes, parseRelationships, type OfficePackage } from './office-package.ts';
import { DOCM_MAIN, MS_REL, REL, wordPackageEntries, type WordPackage } from './testing/office-packages.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const VBA = 'application/vnd.ms-office.vbaProject';
const bin = (name: string) => ({ name, data: new TextEncoder().encode('Attribute VB_Name = "AutoOpen"') });

/** The package as the reader hands it over: names, content types and every relationship. */
function packageOf(description: WordPackage): OfficePackage {
  const entries = wordPackageEntries(description);
  const textOf = (name: string) => new TextDecoder().decode(entries.find((e) => e.name === name)!.data);
  return {
    names: entries.map((e) => e.name),
    types: parseContentTypes(textOf('[Content_Types].xml')),
    relationships: entries.filter((e) => isRelationshipsPart(e.name)).flatMap((e) => parseRelationships(e.name, textOf(e.name))),
  };
}

describe('reading a package description', () => {
  it('resolves content types by override, then by extension, without regard to case', () => {
    const types = parseContentTypes(`<Types><Default Extension="PNG" ContentType="image/png"/><Override PartName="/Word/Stuff.bin" ContentType='${VBA}'/></Types>`);
    expect([contentTypeOf(types, 'word/stuff.bin'), contentTypeOf(types, 'word/media/a.png'), contentTypeOf(types, 'word/other.bin')]).toEqual([VBA.toLowerCase(), 'image/png', undefined]);
  });

  it('resolves relationship targets against the folder of their source, external ones as written', () => {
    const rels = parseRelationships('word/_rels/document.xml.rels', `<Relationships><Relationship Id="a" Type="${REL}/image" Target="media/a.png"/><Relationship Id="b" Type="${REL}/attachedTemplate" Target="https://evil.example/t.dotm" TargetMode="External"/><Relationship Id="c" Type="${REL}/styles" Target="../word/./styles.xml"/></Relationships>`);
    expect(rels).toEqual([
      { source: 'word/document.xml', type: `${REL}/image`, target: 'word/media/a.png', external: false },
      { source: 'word/document.xml', type: `${REL}/attachedTemplate`, target: 'https://evil.example/t.dotm', external: true },
      { source: 'word/document.xml', type: `${REL}/styles`, target: 'word/styles.xml', external: false },
    ]);
  });
});

describe('officeTypeOf', () => {
  it('names the file by its main part, found through the package relationship', () => {
    expect([officeTypeOf(packageOf({})), officeTypeOf(packageOf({ mainType: DOCM_MAIN }))]).toEqual([DOCX, 'application/vnd.ms-word.document.macroEnabled.12']);
  });

  it('calls an archive without content types or a main part a plain zip', () => {
    expect(officeTypeOf({ names: ['word/document.xml'], types: parseContentTypes(''), relationships: [] })).toBe('application/zip');
  });
});

describe('carriesCode', () => {
  it('passes a clean document, pictures included', () => {
    const clean = packageOf({ types: ['<Default Extension="png" ContentType="image/png"/>'], documentRels: [[`${REL}/image`, 'media/a.png']], parts: [{ name: 'word/media/a.png', data: new Uint8Array(10) }] });
    expect(carriesCode(clean)).toBe(false);
  });

  it.each<[string, WordPackage]>([
    ['a VBA project renamed word/stuff.bin, declared by its content type', { types: [`<Override PartName="/word/stuff.bin" ContentType="${VBA}"/>`], parts: [bin('word/stuff.bin')] }],
    ['a VBA project under a default for its extension', { types: [`<Default Extension="bin" ContentType="${VBA}"/>`], parts: [bin('word/x.bin')] }],
    ['a .docm main part without any VBA part', { mainType: DOCM_MAIN }],
    ['a VBA project found only through its relationship', { documentRels: [[`${MS_REL}/vbaProject`, 'stuff.bin']], parts: [bin('word/stuff.bin')] }],
    ['an ActiveX control', { types: ['<Override PartName="/word/activeX/a1.xml" ContentType="application/vnd.ms-office.activeX+xml"/>'] }],
    ['an OLE object', { documentRels: [[`${REL}/oleObject`, 'embeddings/oleObject1.bin']] }],
    ['a VBA signature', { types: ['<Override PartName="/word/sig.bin" ContentType="application/vnd.ms-office.vbaProjectSignature"/>'] }],
  ])('finds %s', (_label, description) => {
    expect(carriesCode(packageOf(description))).toBe(true);
  });

  it('finds a template fetched from elsewhere when the document opens, and lets a local one be', () => {
    const withTemplate = (mode: string) => {
      const pkg = packageOf({});
      const rels = `<Relationships><Relationship Id="r" Type="${REL}/attachedTemplate" Target="http://evil.example/m.dotm"${mode}/></Relationships>`;
      return { ...pkg, relationships: [...pkg.relationships, ...parseRelationships('word/_rels/settings.xml.rels', rels)] };
    };
    expect([carriesCode(withTemplate(' TargetMode="External"')), carriesCode(withTemplate(''))]).toEqual([true, false]);
  });
});
