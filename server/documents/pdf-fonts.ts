import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';

// PDFs carry their own fonts so they print the same on any machine. Text is drawn through a
// chain: Noto Sans SC from an npm package first (every character of GB 18030's levels 1–2 and
// the 通用规范汉字表), then Debian's Hanazono Mincho A/B and BabelStone Han when installed (CJK
// Ext. A–F: the rare characters of personal and place names, GB 18030-2022 level 3), then
// UnifontEX from npm as the last resort (Hangul, emoji and the other scripts of the BMP). Each
// run of text takes the first font that has its glyphs; pdfkit embeds only the glyphs a
// document uses, so a page costs tens of kilobytes, not the fonts' 100 MB.

const require = createRequire(import.meta.url);

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  ascent: number;
  unitsPerEm: number;
}
const fontkit = require('fontkit') as { create(bytes: Buffer): GlyphFont };

export type Weight = 'regular' | 'bold';

const PRIMARY: Record<Weight, string> = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};
/** Debian's fonts-hanazono and fonts-babelstone-han: used where installed, skipped otherwise. */
export const SYSTEM_FALLBACKS = [
  '/usr/share/fonts/truetype/hanazono/HanaMinA.ttf',
  '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf',
  '/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf',
];
const LAST_RESORT = require.resolve('@fontsource/unifontex/files/unifontex-latin-400-normal.woff');

// The fallbacks weigh 100 MB: each is read only when a character first needs it, and pdfkit
// reads it from its file only for a document that draws with it.
class ChainFont {
  #bytes: Buffer | undefined;
  #glyphs: GlyphFont | undefined;
  constructor(readonly name: string, readonly file: string) {}

  get bytes(): Buffer {
    this.#bytes ??= readFileSync(this.file);
    return this.#bytes;
  }

  get glyphs(): GlyphFont {
    this.#glyphs ??= fontkit.create(this.bytes);
    return this.#glyphs;
  }
}

let chains: Record<Weight, ChainFont[]> | undefined;

/** The fonts in the order they are tried. */
function fontChains(): Record<Weight, ChainFont[]> {
  if (!chains) {
    const fallbacks = [...SYSTEM_FALLBACKS.filter((file) => existsSync(file)), LAST_RESORT].map((file, i) => new ChainFont(`fallback-${i}`, file));
    chains = { regular: [new ChainFont('regular', PRIMARY.regular), ...fallbacks], bold: [new ChainFont('bold', PRIMARY.bold), ...fallbacks] };
  }
  return chains;
}

/** Whether some font of the chain draws `char` (one code point). */
export function chainCovers(char: string): boolean {
  const code = char.codePointAt(0)!;
  return fontChains().regular.some((f) => f.glyphs.hasGlyphForCodePoint(code));
}

/** How far below a line's top the primary font of `weight` puts the baseline, in points at `size`. */
export function baselineBelowTop(weight: Weight, size: number): number {
  const { glyphs } = fontChains()[weight][0]!;
  return (glyphs.ascent / glyphs.unitsPerEm) * size;
}

export interface TextRun {
  font: string;
  text: string;
}

// Spaces, marks (variation selectors among them) and joiners belong to the run they are in: they never
// start a font switch of their own.
const neutral = (char: string) => /^[\s\p{M}]$/u.test(char) || char === '\u200c' || char === '\u200d';

/** `text` cut into runs, each in the first font of the `weight` chain that has its characters. */
export function textRuns(text: string, weight: Weight): TextRun[] {
  const chain = fontChains()[weight];
  const runs: TextRun[] = [];
  for (const char of text) {
    const current = runs.at(-1);
    const code = char.codePointAt(0)!;
    const font = current && neutral(char)
      ? current.font
      // A character no font has is drawn (as a box) in the primary font.
      : (chain.find((f) => f.glyphs.hasGlyphForCodePoint(code)) ?? chain[0]!).name;
    if (current?.font === font) current.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

/** Registers the font chains on `doc` ('regular', 'bold' and their fallbacks); 'Courier' is built in for hashes. */
export function registerCjkFonts(doc: PDFKit.PDFDocument): void {
  const { regular, bold } = fontChains();
  doc.registerFont(regular[0]!.name, regular[0]!.bytes);
  doc.registerFont(bold[0]!.name, bold[0]!.bytes);
  for (const font of regular.slice(1)) doc.registerFont(font.name, font.file);
}

/** The finished document's bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export type { PDFDocument };
