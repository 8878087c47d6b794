import { describe, expect, it } from 'vitest';
import { fs, hei, kai, xbs } from './testing/source-blocks.ts';
import type { SplitElement } from './heading-label.ts';
import { splitByHeadings, type SourceBlock } from './heading-split.ts';

// Found by trying an official-style (公文) case with a figure in 成效: its caption 图1 议事流程,
// set in 黑体 as 公文 captions often are, was read as a heading of its own, and the caption, the
// table after it and the rest of 成效 were cut out into a part for the unit to place.

const ELEMENTS: SplitElement[] = [
  { key: 'background', name: { 'zh-CN': '背景', en: 'Background' }, required: true },
  { key: 'effectiveness', name: { 'zh-CN': '成效', en: 'Effectiveness' }, required: true },
  { key: 'discussion', name: { 'zh-CN': '探讨', en: 'Discussion' }, required: true },
];

const TABLE: SourceBlock = { kind: 'paragraph', text: '年份 件数 2022 120', html: '<table><tr><td><p>年份</p></td><td><p>件数</p></td></tr></table>' };

describe('a table’s or figure’s caption in a heading font', () => {
  it.each([hei('图1 议事流程'), hei('图 2：议事流程'), hei('表3-1 投诉件数'), kai('附表1 投诉件数'), hei('表二 投诉件数')])('keeps $text and what follows in its section', (caption) => {
    const split = splitByHeadings([
      xbs('“三方联动”破解老旧小区治理难题'),
      hei('一、基本情况'), fs('小区建成于1995年。'),
      hei('三、取得成效'), fs('物业投诉下降六成。'), caption, TABLE, fs('数据来源：区统计局。'),
      hei('四、经验启示'), fs('三方联动需要制度保障。'),
    ], ELEMENTS);
    expect([split.sections.effectiveness, split.sections.discussion, split.unmatched]).toEqual([
      `<p>物业投诉下降六成。</p><p>${caption.text}</p>${TABLE.html}<p>数据来源：区统计局。</p>`,
      '<p>三方联动需要制度保障。</p>',
      [],
    ]);
  });

  it('still reads a heading in 黑体 that only starts like a caption', () => {
    const split = splitByHeadings([xbs('题目'), hei('一、基本情况'), fs('小区建成于1995年，共有居民860户。'), hei('图表分析'), fs('物业投诉下降六成。')], ELEMENTS);
    expect(split.unmatched).toEqual([{ heading: '图表分析', html: '<p>物业投诉下降六成。</p>' }]);
  });
});
