import type { LocalizedText } from '../campaign/campaign.schema.ts';
import { KEYWORD_MAX, TITLE_MAX } from './case-content.ts';

// A case written in Word, cut into the campaign's sections by its headings. Units number and
// dress their headings in many ways (背景 / 一、背景 / （一）背景 / 1. 背景 / 案例背景 / 【背景】 /
// 背景： / Background); a heading counts when, stripped of numbering, brackets and a colon, it
// names the summary, the keywords or one of the campaign's elements. Anything the split cannot
// place is returned as unmatched, never dropped, so the person confirming the import sees it.

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
}

export interface SplitElement {
  key: string;
  name: LocalizedText;
  required?: boolean;
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

type Target = { kind: 'summary' } | { kind: 'keywords' } | { kind: 'title' } | { kind: 'section'; key: string };

const SUMMARY_LABELS = ['摘要', '案例摘要', '内容摘要', '内容提要', '提要', '简介', '案例简介', '概要', '案例概要'];
const KEYWORD_LABELS = ['关键词', '关键字', '主题词'];
const TITLE_LABELS = ['案例名称', '案例标题', '案例题目', '标题', '题目'];
const SUMMARY_EN = ['summary', 'abstract', 'case summary', 'executive summary'];
const KEYWORD_EN = ['keywords', 'key words', 'keyword'];
const TITLE_EN = ['title', 'case title'];

const HAN = /\p{Script=Han}/u;
const NUMBERING = [
  /^第[一二三四五六七八九十百\d]+(?:部分|章|节|篇)?[、.:\s]*/u,
  /^\((?:[一二三四五六七八九十]+|\d+)\)\s*/u,
  /^[一二三四五六七八九十]+[、.]\s*/u,
  /^\d+(?:\.\d+)*(?:[.、)]\s*|\s+)/u,
  /^(?:[ivx]+|[a-h])[.)]\s+/iu,
];
const BRACKETED = /^[[【〔〖<《]\s*(.*?)\s*[\]】〕〗>》]$/u;

/** The words of a heading without its numbering, brackets and trailing colon, in one width. */
export function headingLabel(text: string): string {
  let label = text.replace(/^\s*[①-⑳]/u, '').normalize('NFKC').replace(/\s+/gu, ' ').trim();
  for (let pass = 0; pass < 2; pass += 1) {
    label = label.replace(/[:：]$/u, '').trim();
    for (const pattern of NUMBERING) label = label.replace(pattern, '');
    label = label.replace(BRACKETED, '$1').trim();
  }
  return label.replace(/[:：]$/u, '').trim();
}

function matchElement(label: string, elements: readonly SplitElement[], loose: boolean): string | null {
  if (HAN.test(label)) {
    const compact = label.replace(/\s/gu, '');
    // Strongest reading first: the name itself, 案例+name, then (for a line styled as a heading)
    // a short qualifier around it: 主要做法, 工作成效, 思考与探讨, 背景情况.
    const tests: ((name: string) => boolean)[] = [
      (name) => compact === name,
      (name) => compact === `案例${name}` || compact === `案例的${name}`,
      ...(loose ? [
        (name: string) => compact.endsWith(name) && compact.length - name.length <= 3,
        (name: string) => compact.startsWith(name) && compact.length - name.length <= 2,
      ] : []),
    ];
    for (const test of tests) {
      const hit = elements.find((e) => test(e.name['zh-CN'].replace(/\s/gu, '')));
      if (hit) return hit.key;
    }
    return null;
  }
  const words = label.toLowerCase().replace(/^(?:the|case|our)\s+/u, '').replace(/s$/u, '');
  const hit = elements.find((e) => words === e.name.en.toLowerCase().replace(/s$/u, ''));
  return hit?.key ?? null;
}

/** What a heading's words name, if anything the split knows. */
export function matchHeading(text: string, elements: readonly SplitElement[], loose = true): Target | null {
  const label = headingLabel(text);
  if (label === '') return null;
  const compact = label.replace(/\s/gu, '');
  const lower = label.toLowerCase();
  if (SUMMARY_LABELS.includes(compact) || SUMMARY_EN.includes(lower)) return { kind: 'summary' };
  if (KEYWORD_LABELS.includes(compact) || KEYWORD_EN.includes(lower)) return { kind: 'keywords' };
  if (TITLE_LABELS.includes(compact) || TITLE_EN.includes(lower)) return { kind: 'title' };
  const key = matchElement(label, elements, loose);
  return key ? { kind: 'section', key } : null;
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

function isHeadingLike(block: SourceBlock): boolean {
  const length = [...block.text.trim()].length;
  if (block.kind === 'heading') return length <= TITLE_MAX;
  if (block.bold) return length <= 40;
  return length <= 20 && !SENTENCE_END.test(block.text.trim());
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
  // Where text goes now: a known target, an unmatched part (target null, into set), or nowhere yet.
  const at: { target: Target | null; into: string[] | null; subBase: number | null } = { target: null, into: null, subBase: null };

  const startUnmatched = (heading: string | null) => {
    const part = { heading, html: [] as string[] };
    unmatched.push(part);
    Object.assign(at, { target: null, into: part.html, subBase: null });
  };
  const switchTo = (target: Target) => {
    let into: string[] | null = null;
    if (target.kind === 'section') {
      if (seen.has(target.key)) warnings.push({ code: 'repeated_section', section: target.key });
      seen.add(target.key);
      into = sections[target.key]!;
    } else if (target.kind === 'summary') into = summary;
    else if (target.kind === 'keywords') into = keywordText;
    Object.assign(at, { target, into, subBase: null });
  };
  const append = (block: SourceBlock) => {
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
      const level = block.level ?? 1;
      at.subBase ??= level;
      const tag = level <= at.subBase ? 'h3' : 'h4';
      at.into!.push(`<${tag}>${escapeHtml(block.text.trim())}</${tag}>`);
    } else {
      if (at.into === null) startUnmatched(null);
      at.into!.push(block.html);
    }
  };

  for (const block of blocks) {
    const text = block.text.trim();
    if (text === '') continue;
    const styled = block.kind === 'heading' || block.bold === true;
    const named = isHeadingLike(block) ? matchHeading(text, elements, styled) : null;
    if (named) {
      switchTo(named);
      continue;
    }
    const inline = block.kind === 'paragraph' ? matchInline(text, elements) : null;
    if (inline?.target.kind === 'title') {
      title ||= inline.rest;
      continue;
    }
    if (inline) {
      switchTo(inline.target);
      append({ kind: 'paragraph', text: inline.rest, html: `<p>${escapeHtml(inline.rest)}</p>` });
      continue;
    }
    const beforeAnySection = seen.size === 0 && summary.length === 0;
    if (title === '' && beforeAnySection && at.target === null && isTitleLike(block)) {
      title = text;
      at.into = null;
      continue;
    }
    if (at.target === null && styled && isHeadingLike(block)) {
      startUnmatched(text);
      continue;
    }
    append(block);
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
