import { describe, expect, it } from 'vitest';
import { FIVE_ELEMENTS as ELEMENTS, b, h, p } from './testing/source-blocks.ts';
import { headingLabel, matchHeading } from './heading-label.ts';
import { splitByHeadings, splitKeywords, type SourceBlock } from './heading-split.ts';


const named = (text: string, loose = true) => {
  const target = matchHeading(text, ELEMENTS, loose);
  return target === null ? null : target.kind === 'section' ? target.key : target.kind;
};

describe('headingLabel', () => {
  it.each([
    ['背景', '背景'],
    ['一、背景', '背景'],
    ['十二、背景', '背景'],
    ['（一）背景', '背景'],
    ['(一) 背景', '背景'],
    ['（1）背景', '背景'],
    ['1. 背景', '背景'],
    ['1.背景', '背景'],
    ['１．背景', '背景'],
    ['1、背景', '背景'],
    ['2.1 背景', '背景'],
    ['①背景', '背景'],
    ['第一部分 背景', '背景'],
    ['第二章：背景', '背景'],
    ['【背景】', '背景'],
    ['一、【背景】', '背景'],
    ['〔背景〕', '背景'],
    ['背景：', '背景'],
    ['背景:', '背景'],
    ['一、背景：', '背景'],
    ['　背景　', '背景'],
    ['1. Background', 'Background'],
    ['I. Background', 'Background'],
    ['A) Background:', 'Background'],
    ['2019年的情况', '2019年的情况'],
  ])('%s → %s', (text, label) => {
    expect(headingLabel(text)).toBe(label);
  });
});

describe('matchHeading', () => {
  it.each([
    ['背景', 'background'],
    ['一、背景', 'background'],
    ['（一）背景', 'background'],
    ['1. 背景', 'background'],
    ['案例背景', 'background'],
    ['案例的背景', 'background'],
    ['【背景】', 'background'],
    ['背景：', 'background'],
    ['背 景', 'background'],
    ['二、主要做法', 'practice'],
    ['三、工作成效', 'effectiveness'],
    ['取得的成效', 'effectiveness'],
    ['四、思考与探讨', 'discussion'],
    ['背景情况', 'background'],
    ['五、附录', 'appendix'],
    ['Background', 'background'],
    ['1. Background', 'background'],
    ['Case Background', 'background'],
    ['PRACTICES', 'practice'],
    ['Effectiveness', 'effectiveness'],
    ['4. Discussion:', 'discussion'],
    ['摘要', 'summary'],
    ['摘 要', 'summary'],
    ['【摘要】', 'summary'],
    ['案例摘要', 'summary'],
    ['内容摘要', 'summary'],
    ['内容提要', 'summary'],
    ['Summary', 'summary'],
    ['Abstract', 'summary'],
    ['关键词', 'keywords'],
    ['Key words', 'keywords'],
    ['案例名称', 'title'],
    ['（一）建强组织体系', null],
    ['背景下的新探索与新实践', null],
    ['2019年以来', null],
    ['Introduction', null],
  ])('%s → %s', (text, expected) => {
    expect(named(text)).toBe(expected);
  });

  it('reads a plain (unstyled) line strictly: the name, 案例+name or a name units give it, not a phrase that merely starts with it', () => {
    expect([named('一、背景', false), named('案例背景', false), named('成效显著', false), named('主要做法', false), named('做法创新', false)])
      .toEqual(['background', 'background', null, 'practice', null]);
  });
});

describe('splitKeywords', () => {
  it('splits on the separators people use and drops repeats', () => {
    expect(splitKeywords('党建引领；基层治理、网格化，党建引领 ;  smart city')).toEqual(['党建引领', '基层治理', '网格化', 'smart', 'city']);
  });
});

describe('splitByHeadings', () => {
  it('cuts a document with Word headings into title, summary and the five sections', () => {
    const result = splitByHeadings([
      h(1, '“红色网格”激活基层治理末梢'),
      h(2, '摘要'),
      p('本案例介绍了社区党委以网格为单元的做法。'),
      h(2, '一、背景'),
      p('社区有居民1.2万人。'),
      h(2, '二、做法'),
      h(3, '（一）建强网格党支部'),
      p('每个网格设党支部。'),
      h(4, '1. 选好支部书记'),
      p('由居民推选。'),
      h(2, '三、成效'),
      p('群众满意度提升到98%。'),
      h(2, '四、探讨'),
      p('如何持续。'),
      h(2, '五、附录'),
      p('制度文件。'),
    ], ELEMENTS);
    expect(result).toEqual({
      title: '“红色网格”激活基层治理末梢',
      summary: '<p>本案例介绍了社区党委以网格为单元的做法。</p>',
      keywords: [],
      sections: {
        background: '<p>社区有居民1.2万人。</p>',
        practice: '<h3>（一）建强网格党支部</h3><p>每个网格设党支部。</p><h4>1. 选好支部书记</h4><p>由居民推选。</p>',
        effectiveness: '<p>群众满意度提升到98%。</p>',
        discussion: '<p>如何持续。</p>',
        appendix: '<p>制度文件。</p>',
      },
      unmatched: [],
      warnings: [],
    });
  });

  it('reads bold short lines as headings, and a bold line that names nothing as a subheading kept bold', () => {
    const result = splitByHeadings([
      b('党建引领物业管理的探索'),
      b('【摘要】'),
      p('摘要正文。'),
      b('一、案例背景'),
      p('背景正文。'),
      b('二、主要做法'),
      b('（一）建立联席会议'),
      p('做法正文。'),
      b('三、取得成效'),
      p('成效正文。'),
      b('四、经验与探讨'),
      p('探讨正文。'),
    ], ELEMENTS);
    expect(result.title).toBe('党建引领物业管理的探索');
    expect(result.summary).toBe('<p>摘要正文。</p>');
    expect(result.sections).toEqual({
      background: '<p>背景正文。</p>',
      practice: '<p><strong>（一）建立联席会议</strong></p><p>做法正文。</p>',
      effectiveness: '<p>成效正文。</p>',
      discussion: '<p>探讨正文。</p>',
      appendix: '',
    });
    expect(result.warnings).toEqual([]);
  });

  it('takes labels written on the same line as their text: 摘要：…, 关键词：…, 【背景】…, 案例名称：…', () => {
    const result = splitByHeadings([
      p('案例名称：小区治理“三方联动”'),
      p('摘要：本案例讲述三方联动。'),
      p('关键词：党建引领；物业管理、三方联动'),
      p('【背景】老旧小区多。'),
      p('背景第二段。'),
      p('做法：建立联席会议。'),
      p('成效：投诉下降。'),
      p('探讨：如何长效。'),
    ], ELEMENTS);
    expect(result).toEqual({
      title: '小区治理“三方联动”',
      summary: '<p>本案例讲述三方联动。</p>',
      keywords: ['党建引领', '物业管理', '三方联动'],
      sections: {
        background: '<p>老旧小区多。</p><p>背景第二段。</p>',
        practice: '<p>建立联席会议。</p>',
        effectiveness: '<p>投诉下降。</p>',
        discussion: '<p>如何长效。</p>',
        appendix: '',
      },
      unmatched: [],
      warnings: [],
    });
  });

  it('escapes the text it moves out of a labelled line', () => {
    const result = splitByHeadings([p('背景：a < b & "c"')], ELEMENTS);
    expect(result.sections.background).toBe('<p>a &lt; b &amp; &quot;c&quot;</p>');
  });

  it('reads plain numbered lines as headings but not body sentences that start with a name', () => {
    const result = splitByHeadings([
      p('社区议事会的故事'),
      p('1、背景'),
      p('成效显著'),
      p('1. 做法'),
      p('成效：很好。'),
      p('（四）探讨'),
      p('探讨正文。'),
    ], ELEMENTS);
    expect(result.sections).toEqual({
      background: '<p>成效显著</p>',
      practice: '',
      effectiveness: '<p>很好。</p>',
      discussion: '<p>探讨正文。</p>',
      appendix: '',
    });
    expect(result.warnings).toEqual([{ code: 'missing_section', section: 'practice' }]);
  });

  it('splits an English document', () => {
    const result = splitByHeadings([
      h(1, 'Grid Party Branches in Jianwai'),
      h(2, 'Abstract'),
      p('Short summary.'),
      p('Keywords: grid; governance'),
      h(2, '1. Background'),
      p('B.'),
      h(2, '2. Practices'),
      p('P.'),
      h(2, '3. Effectiveness'),
      p('E.'),
      h(2, '4. Discussion'),
      p('D.'),
    ], ELEMENTS);
    expect([result.title, result.summary, result.keywords, result.sections]).toEqual([
      'Grid Party Branches in Jianwai',
      '<p>Short summary.</p>',
      ['grid', 'governance'],
      { background: '<p>B.</p>', practice: '<p>P.</p>', effectiveness: '<p>E.</p>', discussion: '<p>D.</p>', appendix: '' },
    ]);
  });

  it('keeps what it cannot place, under the heading it stood under, and says so', () => {
    const result = splitByHeadings([
      h(1, '小巷管家'),
      p('——北京市朝阳区建外街道第一社区党委'),
      h(2, '引言'),
      p('引言正文。'),
      h(2, '一、背景'),
      p('背景正文。'),
    ], ELEMENTS);
    expect(result.title).toBe('小巷管家');
    expect(result.unmatched).toEqual([
      { heading: null, html: '<p>——北京市朝阳区建外街道第一社区党委</p>' },
      { heading: '引言', html: '<p>引言正文。</p>' },
    ]);
    expect(result.warnings).toEqual([
      { code: 'missing_section', section: 'practice' },
      { code: 'missing_section', section: 'effectiveness' },
      { code: 'missing_section', section: 'discussion' },
      { code: 'unmatched_content' },
    ]);
  });

  it('takes a heading that appears twice into one section and warns', () => {
    const result = splitByHeadings([h(1, '标题'), h(2, '背景'), p('一。'), h(2, '做法'), p('二。'), h(2, '背景'), p('三。')], ELEMENTS);
    expect(result.sections.background).toBe('<p>一。</p><p>三。</p>');
    expect(result.warnings).toContainEqual({ code: 'repeated_section', section: 'background' });
  });

  it('gives everything back as unmatched when the document has no recognisable headings', () => {
    const result = splitByHeadings([p('一篇没有标题结构的长文章，第一段就很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。'), p('第二段。')], ELEMENTS);
    expect(result).toEqual({
      title: '',
      summary: '',
      keywords: [],
      sections: { background: '', practice: '', effectiveness: '', discussion: '', appendix: '' },
      unmatched: [{ heading: null, html: '<p>一篇没有标题结构的长文章，第一段就很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。</p><p>第二段。</p>' }],
      warnings: [{ code: 'no_title' }, { code: 'no_sections' }, { code: 'unmatched_content' }],
    });
  });

  it('takes the next line as the title after a lone 案例名称 heading, and never a list as a title', () => {
    expect(splitByHeadings([b('案例名称'), p('小巷管家'), h(2, '背景'), p('x')], ELEMENTS).title).toBe('小巷管家');
    const list: SourceBlock = { kind: 'paragraph', text: '一项', html: '<ul><li>一项</li></ul>' };
    expect(splitByHeadings([list, h(2, '背景'), p('x')], ELEMENTS).title).toBe('');
  });

  it('cuts a title longer than the form allows, and says so', () => {
    const result = splitByHeadings([h(1, '长'.repeat(120)), h(2, '背景'), p('x')], ELEMENTS);
    expect([result.title, result.warnings[0]]).toEqual(['长'.repeat(100), { code: 'title_too_long' }]);
  });

  it('ignores empty paragraphs', () => {
    const result = splitByHeadings([h(1, '标题'), p('  '), h(2, '背景'), p(''), p('x')], ELEMENTS);
    expect(result.sections.background).toBe('<p>x</p>');
  });
});
