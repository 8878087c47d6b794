import { mainPartOf } from '../../../core/files/office-package.ts';
import type { SourceBlock } from '../../../core/case/heading-split.ts';
import { readOfficePackage } from '../../files/office-reader.ts';
import { MAX_PARSED_BYTES } from './docx-zip.ts';

// What mammoth does not tell: the font each paragraph is set in and the tracked changes and
// comments it leaves out. Mammoth keeps only a run's Latin font (w:ascii), while official
// documents set 黑体 and 楷体 as the East Asian font (w:eastAsia), often through a paragraph
// style, so the main part and its styles are read here with a small tag scanner.

export interface DocxLayout {
  /** The body's own paragraphs (not those in tables or text boxes), in order. */
  paragraphs: { text: string; font: string | null }[];
  /** Tracked insertions, deletions and moves; mammoth reads the text as if they were accepted. */
  revisions: number;
  /** Comments; mammoth leaves them out. */
  comments: number;
}

type FontSlot = 'eastAsia' | 'ascii';
/** A font per slot; '' where a theme font stands, which this reader does not resolve. */
type Fonts = Partial<Record<FontSlot, string>>;
interface Style { basedOn: string | null; fonts: Fonts }

const TOKEN = /<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:\s[^>]*?)?)(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const HAN = /\p{Script=Han}/u;

const decode = (text: string) =>
  text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_w, hex?: string, dec?: string, name?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!]!);

/** Attributes by local name (w:eastAsia → eastAsia). */
function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) out.set(m[1]!.replace(/^[\w.-]+:/, ''), decode(m[2] ?? m[3] ?? ''));
  return out;
}

function fontsOf(attrs: Map<string, string>): Fonts {
  const fonts: Fonts = {};
  for (const slot of ['eastAsia', 'ascii'] as const) {
    if (attrs.has(slot)) fonts[slot] = attrs.get(slot)!;
    else if (attrs.has(`${slot}Theme`)) fonts[slot] = '';
  }
  return fonts;
}

function readStyles(xml: string): { styles: Map<string, Style>; defaultParagraph: string | null; defaults: Fonts } {
  const styles = new Map<string, Style>();
  let defaultParagraph: string | null = null;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?style\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?style>/g)) {
    const attrs = attributes(m[1]!);
    const id = attrs.get('styleId');
    if (!id) continue;
    if (attrs.get('type') === 'paragraph' && ['1', 'true', 'on'].includes(attrs.get('default') ?? '')) defaultParagraph = id;
    const body = m[2]!.replace(/<(?:[\w.-]+:)?pPr\b[\s\S]*?<\/(?:[\w.-]+:)?pPr>/g, '');
    const basedOn = /<(?:[\w.-]+:)?basedOn\b([^>]*)>/.exec(body);
    const rFonts = /<(?:[\w.-]+:)?rFonts\b([^>]*?)\/?>/.exec(body);
    styles.set(id, { basedOn: basedOn ? attributes(basedOn[1]!).get('val') ?? null : null, fonts: rFonts ? fontsOf(attributes(rFonts[1]!)) : {} });
  }
  const rPrDefault = /<(?:[\w.-]+:)?rPrDefault\b[\s\S]*?<(?:[\w.-]+:)?rFonts\b([^>]*?)\/?>/.exec(xml);
  return { styles, defaultParagraph, defaults: rPrDefault ? fontsOf(attributes(rPrDefault[1]!)) : {} };
}

interface Run { text: string; style: string | null; fonts: Fonts }
interface Paragraph { style: string | null; runs: Run[] }

/** The layout of a main document part and its styles part. */
export function layoutOfWordXml(documentXml: string, stylesXml = ''): DocxLayout {
  const { styles, defaultParagraph, defaults } = readStyles(stylesXml);
  const fromStyle = (id: string | null, slot: FontSlot): string | undefined => {
    // basedOn chains are short; the bound only guards against a cycle.
    for (let step = 0, at = id; at !== null && step < 20; step += 1) {
      const style = styles.get(at);
      if (!style) return undefined;
      if (style.fonts[slot] !== undefined) return style.fonts[slot];
      at = style.basedOn;
    }
    return undefined;
  };
  const fontOf = (run: Run, paragraph: Paragraph, slot: FontSlot) =>
    (run.fonts[slot] ?? fromStyle(run.style, slot) ?? fromStyle(paragraph.style ?? defaultParagraph, slot) ?? defaults[slot]) || null;
  const paragraphFont = (paragraph: Paragraph): string | null => {
    const runs = paragraph.runs.filter((r) => r.text.trim() !== '');
    // Chinese text is drawn in the East Asian font; a line without any in the Latin one.
    const han = runs.filter((r) => HAN.test(r.text));
    const fonts = new Set(han.length > 0 ? han.map((r) => fontOf(r, paragraph, 'eastAsia')) : runs.map((r) => fontOf(r, paragraph, 'ascii')));
    return fonts.size === 1 ? [...fonts][0]! : null;
  };

  const layout: DocxLayout = { paragraphs: [], revisions: 0, comments: 0 };
  const comments = new Set<string>();
  const open: Paragraph[] = [];
  let run: Run | null = null;
  let nested = 0; // depth inside tables and text boxes, whose paragraphs are not the body's own
  let inParagraphProperties = false;
  let inText = false;
  for (const m of documentXml.matchAll(TOKEN)) {
    const [, closing, name, attrSource, selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && run && nested === 0) run.text += decode(text);
      continue;
    }
    const paragraph = open.at(-1);
    if (closing) {
      if (name === 'p') {
        const done = open.pop();
        if (done && open.length === 0 && nested === 0) {
          layout.paragraphs.push({ text: done.runs.map((r) => r.text).join(''), font: paragraphFont(done) });
        }
      } else if (name === 'r' && run && nested === 0) {
        paragraph?.runs.push(run);
        run = null;
      } else if (name === 'tbl' || name === 'txbxContent') nested -= 1;
      else if (name === 'pPr') inParagraphProperties = false;
      else if (name === 't') inText = false;
      continue;
    }
    if (name === 'p' && !selfClosing) open.push({ style: null, runs: [] });
    else if (name === 'tbl' || name === 'txbxContent') nested += selfClosing ? 0 : 1;
    else if (name === 'pPr' && !selfClosing) inParagraphProperties = true;
    else if (name === 'pStyle' && inParagraphProperties && paragraph) paragraph.style = attributes(attrSource!).get('val') ?? null;
    else if (name === 'r' && !selfClosing && paragraph && nested === 0) run = { text: '', style: null, fonts: {} };
    else if (name === 'rStyle' && run) run.style = attributes(attrSource!).get('val') ?? null;
    else if (name === 'rFonts' && run && !inParagraphProperties) run.fonts = fontsOf(attributes(attrSource!));
    else if (name === 't' && !selfClosing) inText = true;
    else if ((name === 'tab' || name === 'br') && run) run.text += ' ';
    // A change wraps what it changed; the empty marks on paragraph marks belong to the same edit.
    else if (['ins', 'del', 'moveFrom', 'moveTo'].includes(name!) && !selfClosing) layout.revisions += 1;
    else if (name === 'commentReference') comments.add(attributes(attrSource!).get('id') ?? String(comments.size));
  }
  layout.comments = comments.size;
  return layout;
}

const MAIN_OR_STYLES = /wordprocessingml\.(?:document|template)\.main\+xml$|macroenabled(?:template)?\.main\+xml$|wordprocessingml\.styles\+xml$/i;

/** The layout of the checked package readDocxPackage built. */
export async function readDocxLayout(checked: Buffer): Promise<DocxLayout> {
  const pkg = await readOfficePackage(checked, { keep: (_name, type) => type !== undefined && MAIN_OR_STYLES.test(type), maxBytes: MAX_PARSED_BYTES });
  const main = mainPartOf(pkg);
  const styles = pkg.relationships.find((r) => r.source === main && !r.external && /\/styles$/.test(r.type))?.target;
  const text = (name: string | undefined) => (name === undefined ? undefined : pkg.parts.get(name)?.toString('utf8'));
  return layoutOfWordXml(text(main) ?? '', text(styles));
}

const compact = (text: string) => text.replace(/\s+/gu, '');

/**
 * The blocks with the font of the paragraph each stands for, matched by text in order: mammoth
 * and this reader see the same paragraphs, but tables and lists make whole blocks of several.
 */
export function withFonts(blocks: readonly SourceBlock[], layout: DocxLayout): SourceBlock[] {
  const texts = layout.paragraphs.map((p) => compact(p.text));
  let next = 0;
  return blocks.map((block) => {
    const found = texts.indexOf(compact(block.text), next);
    if (found < 0 || compact(block.text) === '') return block;
    next = found + 1;
    const font = layout.paragraphs[found]!.font;
    return font === null ? block : { ...block, font };
  });
}
