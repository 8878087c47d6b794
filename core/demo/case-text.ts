import type { DivisionDescription } from '../org/divisions.ts';
import { caseSlots } from './case-slots.ts';
import { APPENDIX_DOCS, BACKGROUND, DISCUSSION, EFFECTIVENESS, PRACTICE, PRACTICE_HEADINGS_A, PRACTICE_HEADINGS_B, PRACTICE_HEADINGS_C } from './phrases/common.ts';
import { CATEGORY_PHRASES, type CategoryKey } from './phrases/categories.ts';
import { seededRandom, type Random } from '../random/seeded.ts';
import { expand, type Slots, type Style } from './text-grammar.ts';

// Plausible case text for the demo, tests and the similarity benchmark: a title, a summary and
// the notice's five parts (背景、做法、成效、探讨、附录), drawn from phrase banks by the case's
// category, about its unit and its place. The same seed and options give the same case. Its
// shape is a case's content (core/case/case-content.ts): summary and sections are the restricted
// HTML a unit writes (p, h3, ul, table), keyed by the seventh collection's section keys.

export { CATEGORY_KEYS, type CategoryKey } from './phrases/categories.ts';

export const SECTION_KEYS = ['background', 'practice', 'effectiveness', 'discussion', 'appendix'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface CaseTextOptions {
  category: CategoryKey;
  unitName: string;
  division: DivisionDescription;
  /** The body's length to aim at, in 字 (the four counted parts); drawn from 1,700–4,700 if not given. */
  targetZi?: number;
}

export interface GeneratedCase {
  title: string;
  category: CategoryKey;
  keywords: string[];
  summary: string;
  sections: Record<SectionKey, string>;
}

// How the body's length is shared between the counted parts.
const SHARE = { background: 0.18, practice: 0.46, effectiveness: 0.2, discussion: 0.16 } as const;
const ORDINAL = ['一', '二', '三', '四', '五', '六'];

/** One case's writer: its slots, its random source and the words it prefers. */
interface Writer {
  slots: Slots;
  random: Random;
  style: Style;
}
const say = (w: Writer, template: string) => expand(template, w.slots, w.random, w.style);

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

/**
 * Sentences from `templates` until about `chars` characters, in paragraphs of two to five. Each
 * template is used once before any is used again, so a case repeats itself as little as the
 * banks allow.
 */
function paragraphs(bank: readonly string[], chars: number, w: Writer): string[] {
  const { random } = w;
  // A case uses part of the bank, as its slots do (case-slots.ts).
  const templates = random.sample(bank, Math.ceil(bank.length * 0.7));
  const out: string[] = [];
  let queue: string[] = [];
  let written = 0;
  while (written < chars) {
    const count = random.int(2, 5);
    let text = '';
    for (let i = 0; i < count && written + text.length < chars; i += 1) {
      if (queue.length === 0) queue = random.sample(templates, templates.length);
      text += say(w, queue.pop()!);
    }
    written += text.length;
    out.push(text);
  }
  return out;
}

function practiceSection(templates: readonly string[], chars: number, w: Writer): string {
  const { random } = w;
  const texts = paragraphs(templates, chars, w);
  const parts = Math.min(random.int(3, 5), texts.length);
  const heads = random.sample(PRACTICE_HEADINGS_A, parts);
  const objects = random.sample(PRACTICE_HEADINGS_B, parts);
  const aims = random.sample(PRACTICE_HEADINGS_C, parts);
  let html = '';
  texts.forEach((text, i) => {
    const part = Math.floor((i * parts) / texts.length);
    if (i === 0 || Math.floor(((i - 1) * parts) / texts.length) !== part) {
      html += `<h3>${ORDINAL[part]}、${heads[part]}${objects[part]}，${aims[part]}</h3>`;
    }
    html += paragraph(text);
  });
  return html;
}

function appendixSection(w: Writer): string {
  const { random } = w;
  const docs = random.sample(APPENDIX_DOCS, random.int(2, 4)).map((d) => `<li>${escapeHtml(say(w, d))}</li>`);
  const first = random.int(2019, 2021);
  const rows = [0, 1, 2].map((i) => {
    const year = first + i;
    return `<tr><td>${year}</td><td>${random.int(60, 980)}</td><td>${random.int(55, 99)}.${random.int(0, 9)}%</td></tr>`;
  });
  return `<ul>${docs.join('')}</ul><table><thead><tr><th>年份</th><th>办结事项（件）</th><th>群众满意率</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

// Unit names and brands enter through slots, never into a template, so their characters are text.
function titleOf(w: Writer): string {
  const template = w.random.chance(0.5)
    ? '{以|用}“<品牌>”{激活|撬动|赋能|点亮}<任务>{新引擎|新动能|“一池春水”}——<单位>{探索|推行|打造}<引领><任务>新路径'
    : '“<品牌>”：<单位>{以|靠}<引领>{破解|化解}<难题>';
  return say(w, template).slice(0, 100);
}

function summaryOf(w: Writer): string {
  const text = say(
    w,
    '<单位>{针对|聚焦}<难题>{等问题|这一难题}，{以|坚持}<引领>{为抓手|为主线}，{探索|推出}“<品牌>”{工作法|模式}，' +
      '{通过|围绕}{<强><机制>|建强<主体>}、{<强><机制>|用好<载体>}、{开展<活动>|推行<方式>服务}{等举措|等做法}，{推动|促进}<任务>{取得实效|落地见效}。' +
      '<成果>，<评价>。',
  );
  return paragraph(text);
}

/** A case's title, summary, keywords and five parts, the same for the same seed and options. */
export function generateCase(seed: number | string, options: CaseTextOptions): GeneratedCase {
  const random = seededRandom(seed);
  const phrases = CATEGORY_PHRASES[options.category];
  const w: Writer = { slots: caseSlots(options.category, options.unitName, options.division, random).slots, random, style: new Map() };
  // Characters run a little ahead of 字: a number such as 86.4% is one 字 and five characters.
  const chars = options.targetZi ?? random.int(1700, 4700);
  const background = paragraphs([...BACKGROUND, ...phrases.background], chars * SHARE.background, w);
  const practice = practiceSection([...PRACTICE, ...phrases.practice], chars * SHARE.practice, w);
  const effectiveness = paragraphs([...EFFECTIVENESS, ...phrases.effectiveness], chars * SHARE.effectiveness, w);
  const discussion = paragraphs(DISCUSSION, chars * SHARE.discussion, w);
  return {
    title: titleOf(w),
    category: options.category,
    keywords: random.sample(phrases.keywords, random.int(3, 5)),
    summary: summaryOf(w),
    sections: {
      background: background.map(paragraph).join(''),
      practice,
      effectiveness: effectiveness.map(paragraph).join(''),
      discussion: discussion.map(paragraph).join(''),
      appendix: appendixSection(w),
    },
  };
}
