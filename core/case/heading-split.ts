import { KEYWORD_MAX, TITLE_MAX } from './case-content.ts';
import { fontLevel, isNumberedAppendix, headingLabel, matchHeading, numberingLevel, type SplitElement, type Target } from './heading-label.ts';

export type { SplitElement } from './heading-label.ts';

// A case written in Word, cut into the campaign's sections by its headings (heading-label.ts
// reads what a heading names). A heading is a Word heading, a bold line, a line in an official
// document's heading font (黑体, 楷体, 方正小标宋) or a short line numbered 一、/（一）/1. on its
// own; its depth, from its numbering, font and heading level, keeps a subheading such as
// （三）推动成效转化 inside its section. Anything the split cannot place is returned as
// unmatched, never dropped nor merged into a neighbour, so the person confirming the import sees it.

export interface SourceBlock {
  kind: 'heading' | 'paragraph';
  /** 1–6 for a heading. */
  level?: number;
  /** The block's plain text. */
  text: string;
  /** The block as it would stand in a section: <p>…</p>, <ul>…</ul>. */
  html: string;
  /** Every character of the paragraph is bold (how many documents mark a heading). */
  bold?: boolean;
  /** The one font the paragraph's text is set in (for Chinese, its East Asian font), when known. */
  font?: string;
  /** 1, 2, … for an item of Word's own numbering (its text does not carry the number). */
  listLevel?: number;
}

export type SplitWarning =
  | { code: 'no_title' | 'title_too_long' | 'no_sections' | 'unmatched_content' }
  | { code: 'missing_section' | 'repeated_section'; section: string };

export interface UnmatchedPart {
  /** The heading the part stood under, or null for text before the first heading. */
  heading: string | null;
  html: string;
}

export interface HeadingSplit {
  title: string;
  summary: string;
  keywords: string[];
  /** HTML per element key; every element of the campaign has an entry. */
  sections: Record<string, string>;
  unmatched: UnmatchedPart[];
  warnings: SplitWarning[];
}

// "摘要：本案例……", "【背景】2019年……", "Keywords: a; b": a label and its content on one line.
const INLINE = /^\s*(?:[[【〔]([^\]】〕]{1,16})[\]】〕]|([^:：]{1,16})[:：])\s*(\S[\s\S]*)$/u;

function matchInline(text: string, elements: readonly SplitElement[]): { target: Target; rest: string } | null {
  const m = INLINE.exec(text);
  if (!m) return null;
  const target = matchHeading(m[1] ?? m[2] ?? '', elements, false);
  return target ? { target, rest: m[3]!.trim() } : null;
}

const SENTENCE_END = /[。；;！!？?，,]$/u;
// 表1 投诉件数, 图2-1 议事流程: a table's or figure's caption, often in 黑体, names what follows
// inside its section and is never a heading.
const CAPTION = /^(?:附?[表图])\s*(?:[0-9０-９]+(?:[-－.．][0-9０-９]+)?|[一二三四五六七八九十]+)(?:\s|[：:、.．]|$)/u;

/** How deep a line stands by each sign a document gives; null where it gives none. */
interface Rank {
  numbering: number | null;
  font: number | null;
  style: number | null;
  list: number | null;
}

const NO_RANK: Rank = { numbering: null, font: null, style: null, list: null };
const SCALES = ['numbering', 'font', 'style', 'list'] as const;

// A font the body is written in tells no heading, whatever it is: some units write in 楷体.
function bodyFontOf(blocks: readonly SourceBlock[]): string | null {
  const chars = new Map<string, number>();
  for (const b of blocks) if (b.font) chars.set(b.font, (chars.get(b.font) ?? 0) + b.text.length);
  return [...chars].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
}

function rankOf(block: SourceBlock, bodyFont: string | null): Rank {
  const font = block.font === bodyFont ? null : fontLevel(block.font);
  return { numbering: numberingLevel(block.text), font, style: block.kind === 'heading' ? block.level ?? 1 : null, list: block.listLevel ?? null };
}

// A line is below a heading when any sign both give puts it deeper: （三） under 一、, 楷体 under
// 黑体, Heading 3 under Heading 2, a level-2 item of Word's numbering under a level-1 one.
const isBelow = (line: Rank, heading: Rank) => SCALES.some((k) => line[k] !== null && heading[k] !== null && line[k] > heading[k]);
const comparable = (line: Rank, heading: Rank) => SCALES.some((k) => line[k] !== null && heading[k] !== null);

/** A Word heading, a bold line or a line in a heading font: read loosely (主要做法, 工作成效). */
const isStyled = (block: SourceBlock, rank: Rank) => block.kind === 'heading' || block.bold === true || rank.font !== null;

function isHeadingLike(block: SourceBlock, rank: Rank): boolean {
  const text = block.text.trim();
  const length = [...text].length;
  if (CAPTION.test(text)) return false;
  if (block.kind === 'heading') return length <= TITLE_MAX;
  if (block.bold) return length <= 40;
  // A heading font on a short sentence is emphasis, unless the line is numbered as a heading.
  if (SENTENCE_END.test(text) && rank.numbering === null) return false;
  if (rank.font !== null) return length <= 40;
  if (SENTENCE_END.test(text)) return false;
  // A short line numbered on its own (一、 （一） 1.) is a heading even in the body's font.
  return length <= (rank.numbering !== null && rank.numbering <= 3 ? 30 : 20);
}

function isTitleLike(block: SourceBlock): boolean {
  const text = block.text.trim();
  const length = [...text].length;
  if (length < 2 || length > 2 * TITLE_MAX || SENTENCE_END.test(text) || !block.html.trimStart().startsWith('<')) return false;
  if (/^<(?:ul|ol|table)\b/iu.test(block.html.trimStart())) return false;
  return block.kind === 'heading' || block.bold === true || length <= 60;
}

const escapeHtml = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** Keywords as people separate them: 党建；基层治理、网格化 or "a; b, c". */
export function splitKeywords(text: string): string[] {
  const words = text.split(/[;；,，、/|\s]+/u).map((w) => w.trim()).filter((w) => w !== '' && [...w].length <= 20);
  return [...new Set(words)].slice(0, KEYWORD_MAX);
}

/** Cuts a document's blocks into title, summary, keywords and the campaign's sections. */
export function splitByHeadings(blocks: readonly SourceBlock[], elements: readonly SplitElement[]): HeadingSplit {
  const sections: Record<string, string[]> = Object.fromEntries(elements.map((e) => [e.key, []]));
  const summary: string[] = [];
  const keywordText: string[] = [];
  const unmatched: { heading: string | null; html: string[] }[] = [];
  const warnings: SplitWarning[] = [];
  const seen = new Set<string>();
  let title = '';
  // Where text goes now: a known target, an unmatched part (target null, into set), or nowhere
  // yet; `rank` is the depth of the heading that opened it.
  const at: { target: Target | null; into: string[] | null; rank: Rank; subBase: number | null } = { target: null, into: null, rank: NO_RANK, subBase: null };
  // After 附件1 comes a document of its own, whose title (in 方正小标宋, as 公文 set it) and
  // headings belong to that appendix, not to a part for the person to place.
  let inNumberedAppendix = false;

  const startUnmatched = (heading: string | null, rank: Rank = NO_RANK) => {
    const part = { heading, html: [] as string[] };
    unmatched.push(part);
    Object.assign(at, { target: null, into: part.html, rank, subBase: null });
  };
  const switchTo = (target: Target, rank: Rank, repeatable = false) => {
    let into: string[] | null = null;
    if (target.kind === 'section') {
      if (seen.has(target.key) && !repeatable) warnings.push({ code: 'repeated_section', section: target.key });
      seen.add(target.key);
      into = sections[target.key]!;
    } else if (target.kind === 'summary') into = summary;
    else if (target.kind === 'keywords') into = keywordText;
    Object.assign(at, { target, into, rank, subBase: null });
    inNumberedAppendix = false;
  };
  const subheading = (text: string, depth: number) => {
    at.subBase ??= depth;
    const tag = depth <= at.subBase ? 'h3' : 'h4';
    at.into!.push(`<${tag}>${escapeHtml(text)}</${tag}>`);
  };
  const append = (block: SourceBlock, rank: Rank, headingLike: boolean) => {
    const { target } = at;
    if (target?.kind === 'keywords') {
      // Keywords are one line; what follows them is not more keywords.
      keywordText.push(block.text);
      Object.assign(at, { target: null, into: null });
    } else if (target?.kind === 'title') {
      // A lone 案例名称 heading: the next line is the title.
      title ||= block.text.trim();
      at.target = null;
    } else if (target !== null && block.kind === 'heading') {
      subheading(block.text.trim(), block.level ?? 1);
    } else if (target?.kind === 'section' && headingLike && !block.bold && (rank.numbering ?? rank.font) !== null) {
      subheading(block.text.trim(), (rank.numbering ?? rank.font)!);
    } else {
      if (at.into === null) startUnmatched(null);
      at.into!.push(block.html);
    }
  };

  const bodyFont = bodyFontOf(blocks);
  for (const block of blocks) {
    const text = block.text.trim();
    if (text === '') continue;
    const rank = rankOf(block, bodyFont);
    const styled = isStyled(block, rank);
    const headingLike = isHeadingLike(block, rank);
    // A level-two heading never ends a level-one section, whatever its words.
    const under = isBelow(rank, at.rank);
    const named = headingLike && !(under && at.target?.kind === 'section') ? matchHeading(text, elements, styled) : null;
    if (named) {
      const oneOfSeveral = named.kind === 'section' && isNumberedAppendix(headingLabel(text));
      if (!(oneOfSeveral && at.target?.kind === 'section' && at.target.key === named.key)) switchTo(named, rank, oneOfSeveral);
      // 附件1：《……》 names the document that follows.
      if (oneOfSeveral) {
        subheading(text, 1);
        inNumberedAppendix = true;
      }
      continue;
    }
    const inline = block.kind === 'paragraph' ? matchInline(text, elements) : null;
    if (inline?.target.kind === 'title') {
      title ||= inline.rest;
      continue;
    }
    if (inline) {
      switchTo(inline.target, NO_RANK);
      append({ kind: 'paragraph', text: inline.rest, html: `<p>${escapeHtml(inline.rest)}</p>` }, NO_RANK, false);
      continue;
    }
    const beforeAnySection = seen.size === 0 && summary.length === 0;
    if (title === '' && beforeAnySection && at.target === null && isTitleLike(block)) {
      title = text;
      at.into = null;
      continue;
    }
    // A heading that names nothing, outside any section or level with the one it would fall
    // into, opens a part of its own for the person to place: it is never merged into a neighbour.
    const headingOfItsOwn = (styled || rank.numbering !== null) && headingLike && !under;
    if (headingOfItsOwn && inNumberedAppendix) {
      subheading(text, 2);
      continue;
    }
    if (headingOfItsOwn && (at.target === null || comparable(rank, at.rank))) {
      startUnmatched(text, rank);
      continue;
    }
    append(block, rank, headingLike);
  }

  if (title === '') warnings.push({ code: 'no_title' });
  if ([...title].length > TITLE_MAX) warnings.push({ code: 'title_too_long' });
  if (seen.size === 0) warnings.push({ code: 'no_sections' });
  else {
    for (const e of elements) {
      if (e.required && (sections[e.key] ?? []).length === 0) warnings.push({ code: 'missing_section', section: e.key });
    }
  }
  if (unmatched.length > 0) warnings.push({ code: 'unmatched_content' });

  return {
    title: [...title].slice(0, TITLE_MAX).join(''),
    summary: summary.join(''),
    keywords: splitKeywords(keywordText.join(' ')),
    sections: Object.fromEntries(Object.entries(sections).map(([key, html]) => [key, html.join('')])),
    unmatched: unmatched.map((p) => ({ heading: p.heading, html: p.html.join('') })),
    warnings,
  };
}
