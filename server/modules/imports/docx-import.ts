import mammoth from 'mammoth';
import { splitByHeadings, type HeadingSplit, type SplitElement, type SplitWarning } from '../../../core/case/heading-split.ts';
import { sanitizeCaseHtml } from '../../shared/case-html.ts';
import { blocksOfHtml } from './docx-blocks.ts';
import { readDocxLayout, withFonts } from './docx-layout.ts';
import { importFailed, readDocxPackage } from './docx-zip.ts';

// A Word file read into a proposed case: checked as a package, converted by mammoth with a style
// map that keeps headings (Word's, LibreOffice's and WPS's names for them, in both languages),
// given the fonts mammoth does not keep (docx-layout.ts), split by its headings, and every piece
// of HTML reduced to the case allow-list.

export type ImportWarning = SplitWarning | { code: 'images_dropped' | 'tracked_changes' | 'comments_dropped'; count: number };

export interface ImportProposal extends Omit<HeadingSplit, 'warnings'> {
  warnings: ImportWarning[];
}

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='副标题'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
    `p[style-name='标题 ${n}'] => h${n}:fresh`,
    `p[style-name='标题${n}'] => h${n}:fresh`,
    `p[style-name='Heading ${n}'] => h${n}:fresh`,
  ]),
];

// mammoth writes the footnotes and endnotes after the last paragraph as one numbered list, each
// note ending in a link back (↑): left there it fell silently into the last section (the
// appendix, or 探讨 where it counted toward the 5000 字). The notes are a part for the unit to place.
const NOTES = /<ol><li id="(?:footnote|endnote)-[^"]*">[\s\S]*<\/ol>$/u;
const BACK_LINK = /\s*<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/gu;

function withoutNotes(html: string): { body: string; notes: string | null } {
  const notes = NOTES.exec(html);
  if (!notes) return { body: html, notes: null };
  return { body: html.slice(0, notes.index), notes: notes[0].replace(BACK_LINK, '') };
}

/** The proposal for `bytes` against the campaign's elements; nothing is stored. */
export async function readDocxProposal(bytes: Buffer, elements: readonly SplitElement[], allowMacros: boolean): Promise<ImportProposal> {
  const checked = await readDocxPackage(bytes, allowMacros);
  let images = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: checked }, {
      styleMap: STYLE_MAP,
      ignoreEmptyParagraphs: true,
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => {
        images += 1;
        return { src: '' };
      }),
    });
    html = result.value;
  } catch {
    throw importFailed('corrupt');
  }
  const { body, notes } = withoutNotes(html);
  const blocks = blocksOfHtml(body);
  if (blocks.every((b) => b.text.trim() === '')) throw importFailed('no_text');

  const layout = await readDocxLayout(checked);
  const split = splitByHeadings(withFonts(blocks, layout), elements);
  if (notes !== null) {
    split.unmatched.push({ heading: null, html: notes });
    if (!split.warnings.some((w) => w.code === 'unmatched_content')) split.warnings.push({ code: 'unmatched_content' });
  }
  const warnings: ImportWarning[] = [...split.warnings];
  if (images > 0) warnings.push({ code: 'images_dropped', count: images });
  // Mammoth takes tracked changes as accepted and leaves comments out: the unit should know.
  if (layout.revisions > 0) warnings.push({ code: 'tracked_changes', count: layout.revisions });
  if (layout.comments > 0) warnings.push({ code: 'comments_dropped', count: layout.comments });
  return {
    title: split.title,
    summary: sanitizeCaseHtml(split.summary),
    keywords: split.keywords,
    sections: Object.fromEntries(Object.entries(split.sections).map(([key, value]) => [key, sanitizeCaseHtml(value)])),
    unmatched: split.unmatched.map((part) => ({ heading: part.heading, html: sanitizeCaseHtml(part.html) })),
    warnings,
  };
}
