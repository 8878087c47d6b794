// What an Office Open XML package is, and whether it carries code, decided the way Office decides
// it: by the content types in [Content_Types].xml and the types of its relationships, never by
// part names (a VBA project renamed word/stuff.bin still runs if its content type says so). Pure.

export const CONTENT_TYPES_PART = '[Content_Types].xml';

/** Relationship parts live in a _rels folder next to their source, by the package format's rule. */
export const isRelationshipsPart = (name: string) => /(?:^|\/)_rels\/[^/]*\.rels$/i.test(name);

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
  /** Every content type the part declares, a repeated extension or part name included. */
  declared: string[];
}

export interface Relationship {
  source: string;
  type: string;
  target: string;
  external: boolean;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : (XML_ENTITIES[name!] ?? whole));

// Comments, processing instructions and CDATA are no part of the markup Office reads, and a
// declaration inside one must neither count nor hide a real one.
const NOT_MARKUP = /<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g;

const NAME = /[\w.:-]+/y;
const SPACE = /\s*/y;

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/**
 * The attributes of every `<[prefix:]tag …>` element in `xml`, by their exact (case-sensitive)
 * names. A scanner, not a regular expression: each character is looked at a bounded number of
 * times, so no description part can make it backtrack, and a quoted value may hold ">" as XML
 * allows.
 */
function elements(xml: string, tag: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  const markup = xml.replace(NOT_MARKUP, ' ');
  for (let at = markup.indexOf('<'); at !== -1; at = markup.indexOf('<', at)) {
    const name = matchAt(NAME, markup, at + 1);
    at += 1 + (name?.length ?? 0);
    if (name === undefined || name.replace(/^[\w.-]+:/, '') !== tag) continue;
    const attributes = new Map<string, string>();
    for (;;) {
      at += matchAt(SPACE, markup, at)!.length;
      const attribute = matchAt(NAME, markup, at);
      if (attribute === undefined) break;
      at += attribute.length;
      at += matchAt(SPACE, markup, at)!.length;
      if (markup[at] !== '=') break;
      at += 1 + matchAt(SPACE, markup, at + 1)!.length;
      const quote = markup[at];
      const close = quote === '"' || quote === "'" ? markup.indexOf(quote, at + 1) : -1;
      // An unterminated value is a broken part, which Office refuses to open.
      if (close === -1) return found;
      attributes.set(attribute, unescapeXml(markup.slice(at + 1, close)));
      at = close + 1;
    }
    if (markup[at] === '>' || markup.startsWith('/>', at)) found.push(attributes);
  }
  return found;
}

/**
 * The text of a package's XML part: the package format allows UTF-8 and UTF-16, told apart by the
 * byte order mark or, without one, by how "<" is written.
 */
export function decodePackageXml(bytes: Uint8Array): string {
  const le = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0x3c && bytes[1] === 0x00);
  const be = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0x00 && bytes[1] === 0x3c);
  return new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8').decode(bytes);
}

// Part names compare without case, with the leading slash the package format gives them.
const partKey = (name: string) => `/${name.replace(/^\/+/, '')}`.toLowerCase();

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const declared: string[] = [];
  for (const d of elements(xml, 'Default')) {
    declared.push((d.get('ContentType') ?? '').toLowerCase());
    defaults.set((d.get('Extension') ?? '').toLowerCase(), declared.at(-1)!);
  }
  for (const o of elements(xml, 'Override')) {
    declared.push((o.get('ContentType') ?? '').toLowerCase());
    overrides.set(partKey(o.get('PartName') ?? ''), declared.at(-1)!);
  }
  return { defaults, overrides, declared };
}

/** The content type of a part (an entry name), as Office resolves it: override, else default by extension. */
export function contentTypeOf(types: ContentTypes, name: string): string | undefined {
  const override = types.overrides.get(partKey(name));
  if (override !== undefined) return override;
  const extension = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : types.defaults.get(extension);
}

/** The relationships of one .rels part; targets are resolved to entry names. */
export function parseRelationships(relsName: string, xml: string): Relationship[] {
  // word/_rels/document.xml.rels describes word/document.xml; _rels/.rels the package.
  const base = relsName.replace(/_rels\/[^/]*$/i, '');
  const source = base + relsName.replace(/^.*_rels\/([^/]*)\.rels$/i, '$1');
  return elements(xml, 'Relationship').map((r) => {
    const target = r.get('Target') ?? '';
    const external = (r.get('TargetMode') ?? '').toLowerCase() === 'external';
    return { source, type: r.get('Type') ?? '', target: external ? target : resolvePart(base, target), external };
  });
}

function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target : base + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '' && part !== '.') out.push(part);
  }
  return out.join('/');
}

const OFFICE_DOCUMENT = /\/relationships\/officeDocument$/i;

// The main part's content type names the kind of file, the macro-enabled ones included.
const MAIN_TYPES: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.template',
  'application/vnd.ms-word.document.macroenabled.main+xml': 'application/vnd.ms-word.document.macroEnabled.12',
  'application/vnd.ms-word.template.macroenabledtemplate.main+xml': 'application/vnd.ms-word.template.macroEnabled.12',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.template',
  'application/vnd.ms-excel.sheet.macroenabled.main+xml': 'application/vnd.ms-excel.sheet.macroEnabled.12',
  'application/vnd.ms-excel.template.macroenabled.main+xml': 'application/vnd.ms-excel.template.macroEnabled.12',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml': 'application/vnd.openxmlformats-officedocument.presentationml.slideshow',
  'application/vnd.openxmlformats-officedocument.presentationml.template.main+xml': 'application/vnd.openxmlformats-officedocument.presentationml.template',
  'application/vnd.ms-powerpoint.presentation.macroenabled.main+xml': 'application/vnd.ms-powerpoint.presentation.macroEnabled.12',
  'application/vnd.ms-powerpoint.slideshow.macroenabled.main+xml': 'application/vnd.ms-powerpoint.slideshow.macroEnabled.12',
  'application/vnd.ms-powerpoint.template.macroenabled.main+xml': 'application/vnd.ms-powerpoint.template.macroEnabled.12',
};

export interface OfficePackage {
  names: readonly string[];
  types: ContentTypes;
  relationships: readonly Relationship[];
}

/** The package's main part (the package relationship's officeDocument target), when it has one. */
export function mainPartOf(pkg: OfficePackage): string | undefined {
  return pkg.relationships.find((r) => r.source === '' && !r.external && OFFICE_DOCUMENT.test(r.type) && pkg.names.includes(r.target))?.target;
}

/** The file type of an office package from its main part's content type, or application/zip. */
export function officeTypeOf(pkg: OfficePackage): string {
  const main = mainPartOf(pkg);
  const type = main === undefined ? undefined : contentTypeOf(pkg.types, main);
  return (type !== undefined && MAIN_TYPES[type]) || 'application/zip';
}

// VBA projects and their signatures, Word's VBA data, Excel 4.0 macro sheets, ActiveX controls,
// OLE objects, and every macro-enabled main or embedded type.
const CODE_CONTENT_TYPE = /macroenabled|vbaproject|vbadata|activex|oleobject|macrosheet/i;
const CODE_RELATIONSHIP = /\/(?:vbaProject|vbaProjectSignature|wordVbaData|control|activeXControlBinary|oleObject|xlMacrosheet|xlIntlMacrosheet)$/i;
// A template fetched when the document opens is how macros arrive without being in the file.
const REMOTE_TEMPLATE = /\/attachedTemplate$/i;

/** Whether the package carries macros, controls or OLE objects, by its declared types alone. */
export function carriesCode(pkg: OfficePackage): boolean {
  if (pkg.types.declared.some((type) => CODE_CONTENT_TYPE.test(type))) return true;
  return pkg.relationships.some((r) => CODE_RELATIONSHIP.test(r.type) || (r.external && REMOTE_TEMPLATE.test(r.type)));
}
