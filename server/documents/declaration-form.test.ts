import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { SEVENTH } from '../testing/fixtures.ts';
import { createTestApp } from '../testing/test-app.ts';

async function download(lang: string) {
  const { app } = await createTestApp();
  const res = await app.inject({ url: `/campaigns/${SEVENTH}/declaration-form.docx?lang=${lang}` });
  const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
  return { res, lines: value.split('\n').map((l) => l.trim()).filter(Boolean) };
}

describe('declaration form (申报表) download', () => {
  it('is a Word file named in Chinese that opens and holds every field of the form', async () => {
    const { res, lines } = await download('zh-CN');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="seventh-collection-declaration-form.docx"; filename*=UTF-8''${encodeURIComponent('第七届全国基层党建创新典型案例征集申报表.docx')}`,
    );
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(lines).toEqual([
      '第七届全国基层党建创新典型案例征集申报表',
      '（请用黑色签字笔填写或打印）',
      '案例名称',
      '案例类别',
      '□ 农村基层党建',
      '□ 城市基层党建',
      '□ 国有企业党建',
      '□ 机关党建',
      '□ 事业单位党建',
      '□ 新经济组织、新社会组织、新就业群体党建',
      '申报单位',
      '通讯地址',
      '邮政编码',
      '联系人',
      '职务',
      '联系电话',
      '电子邮箱',
      '案例摘要（500字以内）',
      '所在单位党组织意见',
      '负责人签字：',
      '（盖章）',
      '年    月    日',
      '上级党组织意见',
      '负责人签字：',
      '（盖章）',
      '年    月    日',
      '此表可复制。请将填写完整并加盖公章的申报表拍照或扫描，与案例电子版一并报送。',
    ]);
  });

  it('comes in English too', async () => {
    const { lines } = await download('en');
    expect(lines[0]).toBe('Declaration Form — Seventh National Collection of Typical Cases of Grass-roots Party-building Innovation');
    expect(lines).toContain('Opinion of the superior Party organization');
    expect(lines).toContain('□ Party building in government organs');
  });
});
