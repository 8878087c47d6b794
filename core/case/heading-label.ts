import type { LocalizedText } from '../campaign/campaign.schema.ts';

// What a heading says and how deep it stands. Units number and dress their headings in many
// ways (背景 / 一、背景 / （一）背景 / 1. 背景 / 案例背景 / 【背景】 / 背景： / Background, and the
// notice's elements under the names units give them: 基本情况, 主要举措, 经验启示, 附件); a
// heading counts when, stripped of numbering, brackets and a colon, it names the summary, the
// keywords or one of the campaign's elements.

export interface SplitElement {
  key: string;
  name: LocalizedText;
  required?: boolean;
}

export type Target = { kind: 'summary' } | { kind: 'keywords' } | { kind: 'title' } | { kind: 'section'; key: string };

const SUMMARY_LABELS = ['摘要', '案例摘要', '内容摘要', '内容提要', '提要', '简介', '案例简介', '概要', '案例概要'];
const KEYWORD_LABELS = ['关键词', '关键字', '主题词'];
const TITLE_LABELS = ['案例名称', '案例标题', '案例题目', '标题', '题目'];
const SUMMARY_EN = ['summary', 'abstract', 'case summary', 'executive summary'];
const KEYWORD_EN = ['keywords', 'key words', 'keyword'];
const TITLE_EN = ['title', 'case title'];

// The names units give the notice's elements, by the element's own Chinese (and English) name;
// a campaign whose element has another name is not affected.
const SECTION_SYNONYMS: Record<string, readonly string[]> = {
  背景: ['基本情况', '基本概况', '总体情况', '情况概述', '背景情况', '背景与问题', '问题的提出', '问题提出'],
  做法: ['主要做法', '主要举措', '具体做法', '具体举措', '工作举措', '主要措施', '创新做法', '做法与举措', '举措'],
  成效: ['主要成效', '工作成效', '取得成效', '取得的成效', '实践成效', '初步成效', '工作成果', '主要成果', '成效与反响'],
  探讨: [
    '经验启示', '几点启示', '几点思考', '启示与思考', '思考与启示', '经验与启示', '启示', '思考', '讨论',
    '探讨与思考', '思考与探讨', '经验与探讨', '几点体会', '经验体会', '体会与启示', '问题与思考',
  ],
  附录: ['附件', '相关附件', '附件材料', '附表', '佐证材料', '相关材料', '附录材料'],
};
const SECTION_SYNONYMS_EN: Record<string, readonly string[]> = {
  background: ['overview', 'context'],
  practice: ['measures', 'approach', 'what we did'],
  effectiveness: ['results', 'outcomes', 'impact'],
  discussion: ['reflections', 'lessons', 'lessons learned', 'insights'],
  appendix: ['annex', 'annexes', 'attachment', 'attachments', 'appendices'],
};

const HAN = /\p{Script=Han}/u;
const CN_NUMBER = '[一二三四五六七八九十百零〇]+';
// Levels as GB/T 9704 numbers an official document: 一、 (1), （一） (2), 1. (3), （1） (4);
// a 第一部分 above them all.
const NUMBERING: readonly { pattern: RegExp; level: (m: RegExpExecArray) => number }[] = [
  { pattern: new RegExp(`^第(?:${CN_NUMBER}|\\d+)(部分|章|篇|节)?[、.:\\s]*`, 'u'), level: (m) => (m[1] === '节' ? 1 : 0) },
  { pattern: new RegExp(`^\\((?:${CN_NUMBER})\\)[、.\\s]*`, 'u'), level: () => 2 },
  { pattern: /^\(\d+\)[、.\s]*/u, level: () => 4 },
  { pattern: new RegExp(`^${CN_NUMBER}[、.,]\\s*`, 'u'), level: () => 1 },
  { pattern: /^\d+((?:\.\d+)*)(?:[.、)](?!\d)\s*|\s+)/u, level: (m) => 3 + (m[1]!.match(/\./gu)?.length ?? 0) },
  { pattern: /^(?:[ivx]+|[a-h])[.)]\s+/iu, level: () => 3 },
];
const CIRCLED = /^\s*[①-⑳]/u;
const BRACKETED = /^[[【〔〖<《]\s*(.*?)\s*[\]】〕〗>》]$/u;

const oneWidth = (text: string) => text.normalize('NFKC').replace(/\s+/gu, ' ').trim();

/** The words of a heading without its numbering, brackets and trailing colon, in one width. */
export function headingLabel(text: string): string {
  let label = oneWidth(text.replace(CIRCLED, ''));
  for (let pass = 0; pass < 2; pass += 1) {
    label = label.replace(/[:：]$/u, '').trim();
    for (const { pattern } of NUMBERING) label = label.replace(pattern, '');
    label = label.replace(BRACKETED, '$1').trim();
  }
  return label.replace(/[:：]$/u, '').trim();
}

/** How deep a heading's own numbering puts it (0 for 第一部分 … 5 for ①), or null when unnumbered. */
export function numberingLevel(text: string): number | null {
  if (CIRCLED.test(text)) return 5;
  const label = oneWidth(text);
  for (const { pattern, level } of NUMBERING) {
    const m = pattern.exec(label);
    if (m && m[0].trim() !== '') return level(m);
  }
  return null;
}

/**
 * How deep an official document's heading font puts a line: 方正小标宋 (the title's) 0, 黑体 1,
 * 楷体 2; null for the body's 仿宋 and 宋体 and for any font it does not know.
 */
export function fontLevel(font: string | null | undefined): number | null {
  if (!font) return null;
  const name = font.toLowerCase().replace(/[\s_-]/gu, '');
  if (/小标宋|xiaobiaosong|fzxbs/u.test(name)) return 0;
  if (/黑体|simhei|heiti|fzhei|方正黑/u.test(name)) return 1;
  if (/楷体|楷书|simkai|kaiti|fzkai|方正楷/u.test(name)) return 2;
  return null;
}

// 附件1、附件二：《……办法》: one of several appendices, whose heading names the document.
const NUMBERED_APPENDIX = new RegExp(`^(?:相关)?附件\\s*(?:\\d+|${CN_NUMBER})(?:\\s*[:：、.]?\\s*\\S.*)?$`, 'u');

/** True for the heading of one appendix among several (附件1, 附件二：…), kept inside the appendix. */
export function isNumberedAppendix(text: string): boolean {
  return NUMBERED_APPENDIX.test(oneWidth(text));
}

function synonymOf(compact: string): string | null {
  for (const [name, words] of Object.entries(SECTION_SYNONYMS)) if (words.includes(compact)) return name;
  if (isNumberedAppendix(compact)) return '附录';
  return null;
}

function matchElement(label: string, elements: readonly SplitElement[], loose: boolean): string | null {
  if (HAN.test(label)) {
    const compact = label.replace(/\s/gu, '');
    const synonym = synonymOf(compact);
    // Strongest reading first: the name itself or a name units use for it, 案例+name, then (for
    // a line styled as a heading) a short qualifier around it: 工作成效, 思考与探讨, 背景情况.
    const tests: ((name: string) => boolean)[] = [
      (name) => compact === name || synonym === name,
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
  const words = label.toLowerCase().replace(/^(?:the|case|our)\s+/u, '');
  const singular = (w: string) => w.replace(/s$/u, '');
  const hit = elements.find((e) => {
    const name = e.name.en.toLowerCase();
    return singular(words) === singular(name) || (SECTION_SYNONYMS_EN[name]?.includes(words) ?? false);
  });
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
