import { describe, expect, it } from 'vitest';
import { FIVE_ELEMENTS as ELEMENTS, fs, h, hei, kai, p, xbs } from './testing/source-blocks.ts';
import { fontLevel, isNumberedAppendix, matchHeading, numberingLevel } from './heading-label.ts';
import { splitByHeadings, type SourceBlock } from './heading-split.ts';

// Cases written as official documents (公文): headings told by their numbering and font, never
// by a heading style or bold; the elements under the names units give them.


const named = (text: string, loose = true) => {
  const target = matchHeading(text, ELEMENTS, loose);
  return target === null ? null : target.kind === 'section' ? target.key : target.kind;
};

describe('the names units give the elements', () => {
  it.each([
    ['基本情况', 'background'], ['一、基本情况', 'background'],
    ['主要做法', 'practice'], ['主要举措', 'practice'], ['二、主要举措', 'practice'],
    ['工作成效', 'effectiveness'], ['取得成效', 'effectiveness'],
    ['经验启示', 'discussion'], ['几点启示', 'discussion'], ['几点思考', 'discussion'],
    ['启示与思考', 'discussion'], ['讨论', 'discussion'], ['四、经验启示', 'discussion'],
    ['附件', 'appendix'], ['相关附件', 'appendix'], ['附件1', 'appendix'], ['附件二：《议事规则》', 'appendix'],
    ['Lessons learned', 'discussion'], ['Annex', 'appendix'],
    ['附件下载', null], ['工作思路', null],
  ])('%s → %s, even on a plain line', (text, expected) => {
    expect(named(text, false)).toBe(expected);
  });

  it('tells one appendix of several (附件1) from the appendix heading itself', () => {
    expect([isNumberedAppendix('附件1'), isNumberedAppendix('附件 2：《网格员职责》'), isNumberedAppendix('附件'), isNumberedAppendix('附件材料')])
      .toEqual([true, true, false, false]);
  });
});

describe('how deep a line stands', () => {
  it.each([
    ['第一部分 基本情况', 0], ['一、基本情况', 1], ['十二、其他', 1], ['一．背景', 1],
    ['（一）建强组织', 2], ['(一) 建强组织', 2], ['1. 选好书记', 3], ['1、选好书记', 3], ['１．选好书记', 3],
    ['2.1 建驿站', 4], ['（1）选好书记', 4], ['①选好书记', 5],
    ['2019年以来', null], ['3.5%的增幅', null], ['背景', null],
  ])('numbering of %s → %s', (text, level) => {
    expect(numberingLevel(text)).toBe(level);
  });

  it.each([
    ['方正小标宋简体', 0], ['FZXiaoBiaoSong-B05S', 0], ['方正小标宋_GBK', 0],
    ['黑体', 1], ['SimHei', 1], ['方正黑体_GBK', 1],
    ['楷体', 2], ['楷体_GB2312', 2], ['KaiTi', 2], ['KaiTi_GB2312', 2],
    ['仿宋_GB2312', null], ['宋体', null], ['Times New Roman', null], [undefined, null],
  ])('font %s → %s', (font, level) => {
    expect(fontLevel(font)).toBe(level);
  });
});

describe('splitting an official document', () => {
  const OFFICIAL: SourceBlock[] = [
    xbs('“三方联动”破解老旧小区治理难题'),
    hei('摘要'),
    fs('本案例介绍社区党委推动三方联动的做法。'),
    fs('关键词：三方联动；老旧小区'),
    hei('一、基本情况'),
    fs('小区建成于1995年，设施老化。'),
    hei('二、主要举措'),
    kai('（一）建立联席会议'),
    fs('每月召开联席会议。'),
    fs('1.明确议事规则'),
    fs('议事规则经居民大会通过。'),
    kai('（二）推动成效转化'),
    fs('把议定事项转化为服务项目。'),
    kai('（三）检验成效'),
    fs('每季度由居民评议。'),
    hei('三、工作成效'),
    fs('物业投诉下降六成。'),
    hei('四、经验启示'),
    fs('三方联动需要制度保障。'),
    hei('附件'),
    fs('《三方联席会议议事规则》'),
  ];

  it('finds every part by its numbering and font, with subheadings kept inside 做法', () => {
    expect(splitByHeadings(OFFICIAL, ELEMENTS)).toEqual({
      title: '“三方联动”破解老旧小区治理难题',
      summary: '<p>本案例介绍社区党委推动三方联动的做法。</p>',
      keywords: ['三方联动', '老旧小区'],
      sections: {
        background: '<p>小区建成于1995年，设施老化。</p>',
        practice: '<h3>（一）建立联席会议</h3><p>每月召开联席会议。</p><h4>1.明确议事规则</h4><p>议事规则经居民大会通过。</p>'
          + '<h3>（二）推动成效转化</h3><p>把议定事项转化为服务项目。</p><h3>（三）检验成效</h3><p>每季度由居民评议。</p>',
        effectiveness: '<p>物业投诉下降六成。</p>',
        discussion: '<p>三方联动需要制度保障。</p>',
        appendix: '<p>《三方联席会议议事规则》</p>',
      },
      unmatched: [],
      warnings: [],
    });
  });

  it('finds the same parts when every line is in the body font, by numbering alone', () => {
    const plain = OFFICIAL.map((block) => ({ ...block, font: '仿宋_GB2312' }));
    const result = splitByHeadings(plain, ELEMENTS);
    expect([result.sections.practice, result.sections.effectiveness, result.sections.appendix]).toEqual([
      '<h3>（一）建立联席会议</h3><p>每月召开联席会议。</p><h4>1.明确议事规则</h4><p>议事规则经居民大会通过。</p>'
        + '<h3>（二）推动成效转化</h3><p>把议定事项转化为服务项目。</p><h3>（三）检验成效</h3><p>每季度由居民评议。</p>',
      '<p>物业投诉下降六成。</p>',
      '<p>《三方联席会议议事规则》</p>',
    ]);
  });

  it('keeps a 楷体 subheading that names a part inside its section even without numbering', () => {
    const result = splitByHeadings([xbs('题目'), hei('做法'), kai('成效'), fs('做法里的成效。'), hei('探讨'), fs('x')], ELEMENTS);
    expect([result.sections.practice, result.sections.effectiveness]).toEqual(['<h3>成效</h3><p>做法里的成效。</p>', '']);
  });

  it('keeps several appendices, each under its own heading, without calling them repeated', () => {
    const result = splitByHeadings([xbs('题目'), hei('一、背景'), fs('x'), hei('附件1'), fs('《规则》'), hei('附件2：名单'), fs('张三')], ELEMENTS);
    expect([result.sections.appendix, result.warnings.filter((w) => w.code === 'repeated_section')])
      .toEqual(['<h3>附件1</h3><p>《规则》</p><h3>附件2：名单</h3><p>张三</p>', []]);
  });
});

describe('what the split cannot place', () => {
  it('opens a part of its own for a heading level with the sections that names none of them', () => {
    const result = splitByHeadings([xbs('题目'), hei('一、背景'), fs('背景正文。'), hei('二、下一步打算'), fs('打算正文。'), kai('（一）扩面'), fs('扩面正文。')], ELEMENTS);
    expect([result.sections.background, result.unmatched]).toEqual([
      '<p>背景正文。</p>',
      [{ heading: '二、下一步打算', html: '<p>打算正文。</p><p>（一）扩面</p><p>扩面正文。</p>' }],
    ]);
  });

  it('does not fold a Word heading of a section’s own level into it', () => {
    const result = splitByHeadings([h(1, '题目'), h(2, '背景'), p('背景正文。'), h(2, '引言'), p('引言正文。'), h(2, '做法'), p('做法正文。')], ELEMENTS);
    expect([result.sections.background, result.sections.practice, result.unmatched]).toEqual([
      '<p>背景正文。</p>',
      '<p>做法正文。</p>',
      [{ heading: '引言', html: '<p>引言正文。</p>' }],
    ]);
  });

  it('takes no heading from the body’s own font, nor from a short sentence set in a heading font', () => {
    const body = kai; // the whole case written in 楷体
    const inKai = splitByHeadings([xbs('题目'), hei('一、背景'), body('社区有居民1.2万人，老旧小区多，物业服务缺位。'), body('党员带头'), hei('二、做法'), body('建立联席会议。')], ELEMENTS);
    const inFs = splitByHeadings([xbs('题目'), hei('一、背景'), fs('社区有居民1.2万人，老旧小区多，物业服务缺位。'), kai('群众满意。'), hei('二、做法'), fs('建立联席会议。')], ELEMENTS);
    expect([inKai.sections.background, inFs.sections.background]).toEqual([
      '<p>社区有居民1.2万人，老旧小区多，物业服务缺位。</p><p>党员带头</p>',
      '<p>社区有居民1.2万人，老旧小区多，物业服务缺位。</p><p>群众满意。</p>',
    ]);
  });
});
