import { describe, expect, it } from 'vitest';
import { campaignSchema } from '../../core/campaign/campaign.schema.ts';
import { seventhCampaignData } from '../testing/campaign-files.ts';
import { buildDeclarationPdf } from './declaration-form-pdf.ts';
import { pdfStrings } from './pdf-text.ts';

const CAMPAIGN = campaignSchema.parse(seventhCampaignData());
const SENTENCE = '社区党委牵头成立红色物业联盟，把党支部建在小区上，组织党员认领楼栋，群众有事找支部。';
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('the declaration form as PDF', () => {
  it('prints blank on two A4 pages with every label and the seal lines', async () => {
    const pdf = await buildDeclarationPdf(CAMPAIGN, 'zh-CN');
    const strings = pdfStrings(pdf);
    expect(pageCount(pdf)).toBe(2);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(strings.filter((s) => !['负责人签字：', '（盖章）', '年    月    日'].includes(s))).toEqual([
      '第七届全国基层党建创新典型案例征集申报表', '（请用黑色签字笔填写或打印）',
      '案例名称', '案例类别',
      '农村基层党建', '城市基层党建', '国有企业党建', '机关党建', '事业单位党建', '新经济组织、新社会组织、新就业群体党建',
      '申报单位', '通讯地址', '邮政编码', '联系人', '职务', '联系电话', '电子邮箱',
      '案例摘要（500字以', '内）', '所在单位党组织意见', '上级党组织意见',
      '此表可复制。请将填写完整并加盖公章的申报表拍照或扫描，与案例电子版一并报送。',
    ]);
    expect(strings.filter((s) => s === '（盖章）')).toHaveLength(2);
  });

  it('runs a 500-字 summary on into the next page, marked as continued, and stays on two pages', async () => {
    const summary = SENTENCE.repeat(12).slice(0, 500);
    const pdf = await buildDeclarationPdf(CAMPAIGN, 'zh-CN', { values: { summary, category: 'urban' }, superiorName: '' });
    const strings = pdfStrings(pdf);
    expect(pageCount(pdf)).toBe(2);
    // The label wraps in its column: 案例摘要（500字以 / 内）, and on the next page 内）（续）.
    const start = strings.indexOf('内）') + 1;
    const continued = strings.indexOf('案例摘要（500字以', start);
    const end = strings.indexOf('所在单位党组织意见');
    expect(strings.slice(continued, continued + 2)).toEqual(['案例摘要（500字以', '内）（续）']);
    expect([...strings.slice(start, continued), ...strings.slice(continued + 2, end)].join('')).toBe(summary);
  });
});
