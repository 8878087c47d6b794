import type { SplitElement } from '../heading-label.ts';
import type { SourceBlock } from '../heading-split.ts';

// What the splitter's tests feed it: the seventh collection's five elements and the blocks a
// Word file becomes (styled headings, plain and bold paragraphs, paragraphs in a 公文 font).

export const FIVE_ELEMENTS: SplitElement[] = [
  { key: 'background', name: { 'zh-CN': '背景', en: 'Background' }, required: true },
  { key: 'practice', name: { 'zh-CN': '做法', en: 'Practice' }, required: true },
  { key: 'effectiveness', name: { 'zh-CN': '成效', en: 'Effectiveness' }, required: true },
  { key: 'discussion', name: { 'zh-CN': '探讨', en: 'Discussion' }, required: true },
  { key: 'appendix', name: { 'zh-CN': '附录', en: 'Appendix' }, required: false },
];

export const h = (level: number, text: string): SourceBlock => ({ kind: 'heading', level, text, html: `<h${level}>${text}</h${level}>` });
export const p = (text: string): SourceBlock => ({ kind: 'paragraph', text, html: `<p>${text}</p>` });
export const b = (text: string): SourceBlock => ({ kind: 'paragraph', text, html: `<p><strong>${text}</strong></p>`, bold: true });
const inFont = (font: string) => (text: string): SourceBlock => ({ kind: 'paragraph', text, html: `<p>${text}</p>`, font });
export const xbs = inFont('方正小标宋简体');
export const hei = inFont('黑体');
export const kai = inFont('楷体_GB2312');
export const fs = inFont('仿宋_GB2312');
