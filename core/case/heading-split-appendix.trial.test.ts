import { describe, expect, it } from 'vitest';
import { FIVE_ELEMENTS as ELEMENTS, fs, hei, xbs } from './testing/source-blocks.ts';
import { splitByHeadings } from './heading-split.ts';

// Found by trying an official-style (公文) case: after 五、附件 comes 附件1 and the appendix's own
// title in 方正小标宋, centred, as GB/T 9704 sets an attached document. The title and the rules
// under it were cut out of the appendix into a part for the unit to place by hand.


describe('an appendix that is a document of its own', () => {
  it('keeps 附件1, the attached document’s title and its headings inside the appendix', () => {
    const split = splitByHeadings([
      xbs('“三方联动”破解老旧小区治理难题'),
      hei('一、基本情况'), fs('小区建成于1995年，共有居民860户，设施老化。'),
      hei('二、主要做法'), fs('每月召开联席会议，议定事项。'),
      hei('三、取得成效'), fs('物业投诉下降六成。'),
      hei('四、经验启示'), fs('三方联动需要制度保障。'),
      hei('五、附件'),
      fs('附件1'), xbs('三方联席会议议事规则'), fs('第一条 为规范联席会议，制定本规则。'),
      fs('附件2'), xbs('居民评议办法'), hei('一、评议对象'), fs('物业服务企业。'),
    ], ELEMENTS);
    expect([split.sections.appendix, split.unmatched, split.warnings]).toEqual([
      '<h3>附件1</h3><h4>三方联席会议议事规则</h4><p>第一条 为规范联席会议，制定本规则。</p>'
      + '<h3>附件2</h3><h4>居民评议办法</h4><h4>一、评议对象</h4><p>物业服务企业。</p>',
      [],
      [],
    ]);
  });

  it('still opens a part to place for an unknown heading after the appendix heading itself', () => {
    const split = splitByHeadings([
      xbs('题目'), hei('一、基本情况'), fs('正文。'), hei('五、附件'), fs('《议事规则》'), hei('六、工作打算'), fs('下一步。'),
    ], ELEMENTS);
    expect([split.sections.appendix, split.unmatched]).toEqual(['<p>《议事规则》</p>', [{ heading: '六、工作打算', html: '<p>下一步。</p>' }]]);
  });
});
