import { readFileSync } from 'node:fs';
import { Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { campaignSchema } from '../../../core/campaign/campaign.schema.ts';
import { caseCounts } from '../../../core/case/case-counts.ts';
import { seventhCampaignData } from '../../testing/campaign-files.ts';
import { readDocxProposal } from './docx-import.ts';
import { layoutOfWordXml, readDocxLayout } from './docx-layout.ts';
import { readDocxPackage } from './docx-zip.ts';

// Word files written as official documents (公文), built by fixtures/src/official.ts (and one by
// LibreOffice from fixtures/src/official-libreoffice.fodt): headings in 黑体 and 楷体 that are
// neither a heading style nor bold, body in 仿宋, a table, a tracked change, a comment and an
// appendix (附件).

const CAMPAIGN = campaignSchema.parse(seventhCampaignData());
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const read = (name: string) => readDocxProposal(fixture(name), CAMPAIGN.caseStyle.elements, false);

const TABLE = '<table><tr><td><p>年份</p></td><td><p>投诉件数</p></td></tr><tr><td><p>2022</p></td><td><p>120</p></td></tr><tr><td><p>2023</p></td><td><p>48</p></td></tr></table>';
const practice = (first: string, item: string, second: string, third: string) =>
  `<h3>${first}</h3><p>每月召开联席会议，议定事项。</p><h4>${item}</h4><p>议事规则经居民大会通过。</p>`
  + `<h3>${second}</h3><p>把议定事项转化为服务项目。</p><h3>${third}</h3><p>每季度由居民评议。</p>`;

describe('importing an official-style Word file', () => {
  it.each([
    ['official.docx', practice('（一）建立联席会议', '1.明确议事规则', '（二）推动成效转化', '检验成效')],
    ['official-styles.docx', practice('(一)建立联席会议', '1、明确议事规则', '(二)推动成效转化', '检验成效')],
    ['official-plain.docx', practice('（一）建立联席会议', '1．明确议事规则', '（二）推动成效转化', '（三）检验成效')],
    ['official-libreoffice.docx', practice('（一）建立联席会议', '1.明确议事规则', '（二）推动成效转化', '检验成效')],
  ])('puts every part of %s in place', async (name, practiceHtml) => {
    const proposal = await read(name);
    expect([proposal.title, proposal.summary, proposal.keywords, proposal.sections, proposal.unmatched]).toEqual([
      '“三方联动”破解老旧小区治理难题',
      '<p>本案例介绍社区党委推动三方联动的做法。</p>',
      ['三方联动', '老旧小区'],
      {
        background: '<p>小区建成于1995年，共有居民860户，设施老化。</p>',
        practice: practiceHtml,
        effectiveness: `<p>物业投诉下降六成。</p>${TABLE}`,
        discussion: '<p>三方联动需要制度保障。</p>',
        appendix: '<p>《三方联席会议议事规则》</p>',
      },
      [],
    ]);
  });

  it('reads headings numbered by Word itself (一、 and （一） as list levels), which mammoth nests in one list', async () => {
    const line = (font: string, text: string, level?: number) =>
      new Paragraph({ children: [new TextRun({ text, font: { eastAsia: font } })], ...(level === undefined ? {} : { numbering: { reference: 'gw', level } }) });
    const levels = [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }, { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' }];
    const bytes = await Packer.toBuffer(new Document({
      numbering: { config: [{ reference: 'gw', levels }] },
      sections: [{ children: [
        line('方正小标宋简体', '三方联动'), line('黑体', '基本情况', 0), line('仿宋_GB2312', '背景正文。'),
        line('黑体', '主要做法', 0), line('楷体_GB2312', '建立联席会议', 1), line('仿宋_GB2312', '做法正文。'),
        line('楷体_GB2312', '检验成效', 1), line('仿宋_GB2312', '评议正文。'),
        line('黑体', '工作成效', 0), line('仿宋_GB2312', '成效正文。'), line('黑体', '经验启示', 0), line('仿宋_GB2312', '探讨正文。'),
      ] }],
    }));
    const proposal = await readDocxProposal(bytes, CAMPAIGN.caseStyle.elements, false);
    expect([proposal.title, proposal.sections, proposal.unmatched]).toEqual(['三方联动', {
      background: '<p>背景正文。</p>',
      practice: '<h3>建立联席会议</h3><p>做法正文。</p><h3>检验成效</h3><p>评议正文。</p>',
      effectiveness: '<p>成效正文。</p>',
      discussion: '<p>探讨正文。</p>',
      appendix: '',
    }, []]);
  });

  it('counts a table by its cells’ text and leaves the appendix out of the 5000-字 body', async () => {
    const { title, summary, keywords, sections } = await read('official.docx');
    const counts = caseCounts(CAMPAIGN, { title, summary, keywords, sections, category: null });
    const withoutAppendix = caseCounts(CAMPAIGN, { title, summary, keywords, sections: { ...sections, appendix: '' }, category: null });
    // 物业投诉下降六成。 (9) and the cells 年份 投诉件数 2022 120 2023 48 (2 + 4 + 4 × 1).
    expect([counts.sections.effectiveness, counts.sections.appendix, counts.body.count]).toEqual([19, 12, withoutAppendix.body.count]);
  });

  it('tells the unit of the tracked changes it took as accepted and the comments it left out', async () => {
    expect([(await read('official.docx')).warnings, (await read('official-libreoffice.docx')).warnings]).toEqual([
      [{ code: 'tracked_changes', count: 2 }, { code: 'comments_dropped', count: 1 }],
      [{ code: 'comments_dropped', count: 1 }],
    ]);
  });
});

describe('the fonts mammoth does not keep', () => {
  it('reads each paragraph’s East Asian font from its runs, and from its paragraph style', async () => {
    const fonts = async (name: string) => (await readDocxLayout(await readDocxPackage(fixture(name), false))).paragraphs.slice(0, 7).map((p) => p.font);
    expect(await fonts('official.docx')).toEqual(['方正小标宋简体', '黑体', '仿宋_GB2312', '仿宋_GB2312', '黑体', '仿宋_GB2312', '黑体']);
    expect(await fonts('official-styles.docx')).toEqual(['FZXiaoBiaoSong-B05S', 'SimHei', 'FangSong_GB2312', 'FangSong_GB2312', 'SimHei', 'FangSong_GB2312', 'SimHei']);
  });

  it('takes the Chinese text’s font over the digits’, follows basedOn and the defaults, and leaves theme fonts unknown', () => {
    const styles = '<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr></w:rPrDefault></w:docDefaults>'
      + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
      + '<w:style w:type="paragraph" w:styleId="H"><w:basedOn w:val="K"/></w:style>'
      + '<w:style w:type="paragraph" w:styleId="K"><w:pPr><w:rPr><w:rFonts w:eastAsia="仿宋"/></w:rPr></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr></w:style></w:styles>';
    const document = '<w:document><w:body>'
      + '<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr><w:t>1.</w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr><w:t>背景</w:t></w:r></w:p>'
      + '<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>（一）做法</w:t></w:r></w:p>'
      + '<w:p><w:r><w:t>正文</w:t></w:r></w:p>'
      + '<w:p><w:r><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/></w:rPr><w:t>主题字体</w:t></w:r></w:p>'
      + '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
      + '</w:body></w:document>';
    expect(layoutOfWordXml(document, styles).paragraphs).toEqual([
      { text: '1.背景', font: '黑体' },
      { text: '（一）做法', font: '楷体' },
      { text: '正文', font: '宋体' },
      { text: '主题字体', font: null },
    ]);
  });
});
