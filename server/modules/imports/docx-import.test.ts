import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { minimalDocxEntries, zipBytes } from '../../../core/files/testing/zip-bytes.ts';
import { campaignSchema } from '../../../core/campaign/campaign.schema.ts';
import { AppError } from '../../errors.ts';
import { seventhCampaignData } from '../../testing/campaign-files.ts';
import { readDocxProposal } from './docx-import.ts';
import { HEADINGS_DOCX_SPLIT } from './fixtures/headings.expected.ts';

const ELEMENTS = campaignSchema.parse(seventhCampaignData()).caseStyle.elements;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const read = (bytes: Buffer) => readDocxProposal(bytes, ELEMENTS, false);
const pack = (children: (Paragraph | Table)[], options: Partial<ConstructorParameters<typeof Document>[0]> = {}) =>
  Packer.toBuffer(new Document({ ...options, sections: [{ children }] }));
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });

// A 1×1 PNG, enough for Word to hold a picture.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('importing a Word file made by LibreOffice', () => {
  it('splits a document with heading styles into title, summary, keywords and sections', async () => {
    expect(await read(fixture('headings.docx'))).toEqual({
      ...HEADINGS_DOCX_SPLIT,
      unmatched: [],
      warnings: [],
    });
  });

  it('reads bold lines as headings and keeps a table as a table', async () => {
    const proposal = await read(fixture('bold-lines.docx'));
    expect([proposal.title, proposal.summary, proposal.sections, proposal.warnings]).toEqual([
      '党建引领物业管理的“三方联动”',
      '<p>本案例讲述社区党组织、业委会和物业公司三方联动的做法。</p>',
      {
        background: '<p>小区建成于1995年，设施老化。</p>',
        practice: '<p>建立三方联席会议制度。</p>',
        effectiveness: '<p>物业投诉下降六成。</p><table><tr><td><p>年份</p></td><td><p>投诉件数</p></td></tr><tr><td><p>2022</p></td><td><p>120</p></td></tr><tr><td><p>2023</p></td><td><p>48</p></td></tr></table>',
        discussion: '<p>三方联动需要制度保障。</p>',
        appendix: '',
      },
      [],
    ]);
  });

  it('reads a Title style, numbered Heading 1/2 and an inline 内容提要 (from .fodt)', async () => {
    const proposal = await read(fixture('numbered-headings.docx'));
    expect([proposal.title, proposal.summary, proposal.sections.background, proposal.sections.practice, proposal.warnings]).toEqual([
      '“四社联动”服务新就业群体',
      '<p>依托“四社联动”，为快递员、外卖骑手建立暖心驿站。</p>',
      '<p>辖区新就业群体约3000人。</p>',
      '<h3>2.1 建驿站</h3><p>建成暖心驿站8个。</p><h3>2.2 建组织</h3><p>成立快递行业党支部。</p>',
      [],
    ]);
  });

  it('keeps only the text of HTML pasted from Word: no script, style, handler or javascript: link survives', async () => {
    const proposal = await read(fixture('word-soup.docx'));
    expect(proposal).toEqual({
      title: '小巷管家守护老街坊',
      summary: '<p>街道党工委招募“小巷管家”，守护老街坊。</p>',
      keywords: [],
      sections: {
        background: '<p>老街巷多，独居老人多。</p>',
        practice: '<p>招募退休党员担任小巷管家。详见</p>',
        effectiveness: '<p>老人求助平均响应时间缩短到10分钟。</p>',
        discussion: '<p>志愿者队伍老龄化值得关注。</p>',
        appendix: '',
      },
      unmatched: [],
      warnings: [{ code: 'images_dropped', count: 1 }],
    });
  });

  it('splits an English document, also when its zip has zip64 records', async () => {
    const sections = {
      background: '<p>12,000 residents in old housing estates.</p>',
      practice: '<p>Twelve grids, each with a Party branch.</p>',
      effectiveness: '<p>Satisfaction rose from 82% to 98%.</p>',
      discussion: '<p>How to keep the branches working.</p>',
      appendix: '',
    };
    for (const name of ['english.docx', 'english-zip64.docx']) {
      const proposal = await read(fixture(name));
      expect([proposal.title, proposal.summary, proposal.sections]).toEqual(['Grid Party Branches in Jianwai', '<p>Party branches set up in every grid of the community.</p>', sections]);
    }
  });
});

describe('importing a Word file made with the docx package', () => {
  it('reads real Heading styles and the Title style', async () => {
    const bytes = await pack([
      heading('小巷管家', HeadingLevel.TITLE),
      heading('案例摘要', HeadingLevel.HEADING_1),
      para('招募小巷管家。'),
      heading('一、案例背景', HeadingLevel.HEADING_1),
      para('老街巷多。'),
      heading('二、主要做法', HeadingLevel.HEADING_1),
      heading('（一）招募', HeadingLevel.HEADING_2),
      para('退休党员报名。'),
      heading('1. 培训', HeadingLevel.HEADING_3),
      para('每月一次。'),
      heading('三、工作成效', HeadingLevel.HEADING_1),
      para('响应更快。'),
      heading('四、思考与探讨', HeadingLevel.HEADING_1),
      para('队伍老龄化。'),
      heading('附录', HeadingLevel.HEADING_1),
      para('管家守则。'),
    ]);
    expect(await read(bytes)).toEqual({
      title: '小巷管家',
      summary: '<p>招募小巷管家。</p>',
      keywords: [],
      sections: {
        background: '<p>老街巷多。</p>',
        practice: '<h3>（一）招募</h3><p>退休党员报名。</p><h4>1. 培训</h4><p>每月一次。</p>',
        effectiveness: '<p>响应更快。</p>',
        discussion: '<p>队伍老龄化。</p>',
        appendix: '<p>管家守则。</p>',
      },
      unmatched: [],
      warnings: [],
    });
  });

  it('reads bold paragraphs as headings, centred title first', async () => {
    const bytes = await pack([
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '“党员中心户”联系群众', bold: true, size: 36 })] }),
      bold('【摘要】'),
      para('每名党员联系十户群众。'),
      bold('一、背景'),
      para('村民居住分散。'),
      bold('二、做法'),
      para('划分中心户。'),
      bold('三、成效'),
      para('矛盾就地化解。'),
      bold('四、探讨'),
      para('激励机制待完善。'),
    ]);
    const proposal = await read(bytes);
    expect([proposal.title, proposal.summary, proposal.sections, proposal.warnings]).toEqual([
      '“党员中心户”联系群众',
      '<p>每名党员联系十户群众。</p>',
      { background: '<p>村民居住分散。</p>', practice: '<p>划分中心户。</p>', effectiveness: '<p>矛盾就地化解。</p>', discussion: '<p>激励机制待完善。</p>', appendix: '' },
      [],
    ]);
  });

  it('reads headings in a style named 标题 1 (as WPS and Chinese Word write them) and auto-numbered bold list headings', async () => {
    const bytes = await pack([
      new Paragraph({ style: 'zhHeading1', children: [new TextRun('案例背景')] }),
      para('背景正文。'),
      new Paragraph({ numbering: { reference: 'sections', level: 0 }, children: [new TextRun({ text: '做法', bold: true })] }),
      para('做法正文。'),
      new Paragraph({ numbering: { reference: 'sections', level: 0 }, children: [new TextRun({ text: '成效', bold: true })] }),
      para('成效正文。'),
      new Paragraph({ style: 'zhHeading1', children: [new TextRun('探讨')] }),
      para('探讨正文。'),
    ], {
      styles: { paragraphStyles: [{ id: 'zhHeading1', name: '标题 1', basedOn: 'Normal', run: { bold: true, size: 32 } }] },
      numbering: { config: [{ reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }] }] },
    });
    const proposal = await read(bytes);
    expect(proposal.sections).toEqual({
      background: '<p>背景正文。</p>',
      practice: '<p>做法正文。</p>',
      effectiveness: '<p>成效正文。</p>',
      discussion: '<p>探讨正文。</p>',
      appendix: '',
    });
  });

  it('keeps markup typed as text as text, drops links and pictures, and keeps tables as tables', async () => {
    const bytes = await pack([
      heading('标题<script>alert(1)</script>', HeadingLevel.TITLE),
      heading('背景', HeadingLevel.HEADING_1),
      para('<script>alert("x")</script><style>p{color:red}</style>正文'),
      new Paragraph({ children: [new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('链接文字')] })] }),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
      new Table({ rows: [new TableRow({ children: [new TableCell({ children: [para('甲')] }), new TableCell({ children: [para('<b>乙</b>')] })] })] }),
    ]);
    const proposal = await read(bytes);
    expect([proposal.title, proposal.sections.background, proposal.warnings]).toEqual([
      '标题<script>alert(1)</script>',
      '<p>&lt;script&gt;alert("x")&lt;/script&gt;&lt;style&gt;p{color:red}&lt;/style&gt;正文</p><p>链接文字</p>'
        + '<table><tr><td><p>甲</p></td><td><p>&lt;b&gt;乙&lt;/b&gt;</p></td></tr></table>',
      [
        { code: 'missing_section', section: 'practice' },
        { code: 'missing_section', section: 'effectiveness' },
        { code: 'missing_section', section: 'discussion' },
        { code: 'images_dropped', count: 1 },
      ],
    ]);
  });
});

describe('refusing what is not a readable Word file', () => {
  const reasonOf = async (bytes: Buffer) => {
    try {
      await read(bytes);
      return 'read';
    } catch (error) {
      if (error instanceof AppError) return `${error.code}:${String(error.params.reason)}`;
      throw error;
    }
  };

  it('names the reason: not a document, damaged XML, no text', async () => {
    expect([
      await reasonOf(Buffer.from('%PDF-1.7\n')),
      await reasonOf(Buffer.from(zipBytes(minimalDocxEntries([], '<w:p><w:r><w:t>unclosed')))),
      await reasonOf(Buffer.from(zipBytes(minimalDocxEntries([], '<w:p></w:p>')))),
    ]).toEqual(['import_failed:not_docx', 'import_failed:corrupt', 'import_failed:no_text']);
  });
});
