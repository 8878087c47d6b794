import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { completeContent, createDraftCase } from '../testing/cases.ts';
import { createPerson, signedIn, UNIT_INPUT } from '../testing/people.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { testEngine } from '../testing/test-database.ts';
import { pdfStrings } from './pdf-text.ts';

const SUMMARY = '社区党委牵头成立红色物业联盟，把党支部建在小区上，组织党员认领楼栋，群众有事找支部。';

async function fillDraft(client: TestClient, caseId: string) {
  const current = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
  const res = await client.put(`/api/v1/cases/${caseId}/draft`, {
    version: current.version,
    content: { ...completeContent(), summary: `<p>${SUMMARY}</p>` },
    declaration: { postcode: '100022', 'unit-opinion': '同意推荐。' },
    superiorName: current.superiorName,
    superiorEmail: current.superiorEmail,
  });
  expect(res.statusCode).toBe(200);
}

async function docxLines(payload: Buffer): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: payload });
  return value.split('\n').map((l) => l.trim()).filter(Boolean);
}

describe(`the pre-filled declaration form (${testEngine()})`, () => {
  it('fills the Word form from the case, the unit profile and the form’s own values', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app, { unitName: UNIT_INPUT.name });
    await fillDraft(client, caseId);

    const res = await client.get(`/api/v1/cases/${caseId}/declaration-form.docx`);

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="declaration-form-${caseId}.docx"; filename*=UTF-8''${encodeURIComponent('第七届全国基层党建创新典型案例征集申报表-“红色物业”让社区治理更有温度.docx')}`,
    );
    expect(await docxLines(res.rawPayload)).toEqual([
      '第七届全国基层党建创新典型案例征集申报表',
      '（请用黑色签字笔填写或打印）',
      '案例名称', '“红色物业”让社区治理更有温度',
      '案例类别',
      '□ 农村基层党建',
      '☑ 城市基层党建',
      '□ 国有企业党建',
      '□ 机关党建',
      '□ 事业单位党建',
      '□ 新经济组织、新社会组织、新就业群体党建',
      '申报单位', '北京市朝阳区建外街道第一社区党委',
      '通讯地址', '北京市朝阳区建外大街1号',
      '邮政编码', '100022',
      '联系人', '李华',
      '职务', '党委书记',
      '联系电话', '010-65001234',
      '电子邮箱', 'lihua@example.cn',
      '案例摘要（500字以内）', SUMMARY,
      '所在单位党组织意见', '同意推荐。', '负责人签字：', '（盖章）', '年    月    日',
      '上级党组织意见', '上级党组织：中共北京市朝阳区建外街道工作委员会', '负责人签字：', '（盖章）', '年    月    日',
      '此表可复制。请将填写完整并加盖公章的申报表拍照或扫描，与案例电子版一并报送。',
    ]);
  });

  it('fills the same values into an A4 PDF with the CJK font embedded', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app, { unitName: UNIT_INPUT.name });
    await fillDraft(client, caseId);

    const res = await client.get(`/api/v1/cases/${caseId}/declaration-form.pdf`);

    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(res.rawPayload.length).toBeLessThan(150_000);
    const strings = pdfStrings(res.rawPayload);
    expect(strings.slice(0, 4)).toEqual(['第七届全国基层党建创新典型案例征集申报表', '（请用黑色签字笔填写或打印）', '案例名称', '“红色物业”让社区治理更有温度']);
    for (const value of ['北京市朝阳区建外街道第一社区党委', '北京市朝阳区建外大街1号', '100022', '李华', '党委书记', '010-65001234', 'lihua@example.cn', '同意推荐。', '上级党组织：中共北京市朝阳区建外街道工作委员会']) {
      expect(strings).toContain(value);
    }
    expect(strings.filter((s) => s === '（盖章）')).toHaveLength(2);
    expect(strings.at(-1)).toBe('此表可复制。请将填写完整并加盖公章的申报表拍照或扫描，与案例电子版一并报送。');
  });

  it('comes in English with ?lang=en', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const lines = await docxLines((await client.get(`/api/v1/cases/${caseId}/declaration-form.docx?lang=en`)).rawPayload);
    expect(lines.slice(2, 5)).toEqual(['Case title', '“红色物业”让社区治理更有温度', 'Category']);
    expect(lines).toContain('Superior Party organization: 中共北京市朝阳区建外街道工作委员会');
  });

  it("answers another unit's operator, and anyone but the unit, exactly like a missing case", async () => {
    const { app } = await createTestApp();
    const { caseId } = await createDraftCase(app);
    const other = await createDraftCase(app);
    await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
    const organizer = await signedIn(app, 'organizer@example.cn');
    const missing = await other.client.get('/api/v1/cases/00000000-0000-4000-8000-000000000000/declaration-form.pdf');
    for (const client of [other.client, organizer]) {
      for (const extension of ['docx', 'pdf']) {
        const res = await client.get(`/api/v1/cases/${caseId}/declaration-form.${extension}`);
        expect([res.statusCode, res.json().error]).toEqual([404, missing.json().error]);
      }
    }
  });
});
