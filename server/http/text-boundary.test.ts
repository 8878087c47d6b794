import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { completeContent, createDraftCase, saveContent } from '../testing/cases.ts';
import { UNIT_INPUT } from '../testing/people.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { testEngine } from '../testing/test-database.ts';
import { chainCovers } from '../documents/pdf-fonts.ts';
import { pdfStrings } from '../documents/pdf-text.ts';

// Every text field of a request passes one rule (core/text/clean-text.ts): these check that the
// routes use it, that a refusal names the field and leaves the stored value as it was, and that
// what is stored is NFC.

const refusal = (field: string, character: string, position: number) =>
  `“${field}”的第 ${position} 个字符（${character}）无法保存。这类字符不可见，通常是从其他程序粘贴带入的，请删除后重试。`;

async function putDraft(client: TestClient, caseId: string, change: (content: ReturnType<typeof completeContent>) => void) {
  const current = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
  const content = structuredClone(current.content);
  change(content);
  return client.put(`/api/v1/cases/${caseId}/draft`, {
    version: current.version, content, declaration: current.declaration, superiorName: current.superiorName, superiorEmail: current.superiorEmail,
  });
}

describe(`text at the boundary (${testEngine()})`, () => {
  it('refuses a title with a lone surrogate, sent as the JSON escape \\ud800, and keeps the saved one', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await saveContent(client, caseId, completeContent(400, '红色物业'));

    const res = await putDraft(client, caseId, (c) => { c.title = '标题\ud800'; });
    expect(JSON.stringify('标题\ud800')).toBe('"标题\\ud800"');
    expect([res.statusCode, res.json().error]).toEqual([400, {
      code: 'text_invalid',
      message: refusal('content.title', 'U+D800', 3),
      details: [{ field: 'content.title', problem: 'lone_surrogate', character: 'U+D800', position: 3 }],
    }]);
    const stored = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    expect([stored.version, stored.content.title]).toEqual([2, '红色物业']);

    const before = await app.db.selectFrom('cases').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const created = await client.post('/api/v1/campaigns/seventh-collection/cases', { organizationId: stored.organizationId, title: '\udc00新案例' });
    expect([created.statusCode, created.json().error.message]).toEqual([400, refusal('title', 'U+DC00', 1)]);
    const after = await app.db.selectFrom('cases').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a unit name with U+FFFF in the caller\'s language and keeps the unit as it was', async () => {
    const { app } = await createTestApp();
    const { client, organizationId } = await createDraftCase(app, { unitName: UNIT_INPUT.name });
    const res = await client.request({
      method: 'PUT', url: `/api/v1/organizations/${organizationId}`, headers: { 'accept-language': 'en' },
      body: { ...UNIT_INPUT, name: `${UNIT_INPUT.name}\uffff` },
    });
    expect([res.statusCode, res.json().error]).toEqual([400, {
      code: 'text_invalid',
      message: `The field “name” contains a character that cannot be stored (U+FFFF, at position ${UNIT_INPUT.name.length + 1}); such characters are invisible and usually come from pasting out of another program. Delete it and try again.`,
      details: [{ field: 'name', problem: 'noncharacter', character: 'U+FFFF', position: UNIT_INPUT.name.length + 1 }],
    }]);
    const row = await app.db.selectFrom('organizations').select(['name']).where('id', '=', organizationId).executeTakeFirstOrThrow();
    expect(row.name).toBe(UNIT_INPUT.name);
    const registered = await client.post('/api/v1/organizations', { ...UNIT_INPUT, name: '另一个社区\ufffe党委' });
    expect([registered.statusCode, registered.json().error.message]).toEqual([400, refusal('name', 'U+FFFE', 6)]);
    const names = await app.db.selectFrom('organizations').select('name').execute();
    expect(names.map((n) => n.name)).toEqual([UNIT_INPUT.name]);
  });

  it('refuses a section with U+0007, typed or written as a character reference, and keeps the saved section', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    await saveContent(client, caseId, { ...completeContent(400), sections: { ...completeContent(400).sections, appendix: '<p>附录</p>' } });

    const typed = await putDraft(client, caseId, (c) => { c.sections.appendix = '<p>附录\u0007</p>'; });
    expect([typed.statusCode, typed.json().error.code, typed.json().error.message]).toEqual([400, 'text_invalid', refusal('content.sections.appendix', 'U+0007', 6)]);
    // The sanitizer decodes references: the decoded text passes the same rule.
    const reference = await putDraft(client, caseId, (c) => { c.sections.appendix = '<p>附录&#7;</p>'; });
    expect([reference.statusCode, reference.json().error]).toEqual([400, {
      code: 'text_invalid',
      message: refusal('content.sections.appendix', 'U+0007', 6),
      details: [{ field: 'content.sections.appendix', problem: 'control_character', character: 'U+0007', position: 6 }],
    }]);
    const noncharacter = await putDraft(client, caseId, (c) => { c.summary = '<p>摘要&#xFFFF;</p>'; });
    expect([noncharacter.statusCode, noncharacter.json().error.message]).toEqual([400, refusal('content.summary', 'U+FFFF', 6)]);

    const stored = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    expect([stored.version, stored.content.sections.appendix]).toEqual([2, '<p>附录</p>']);
  });

  it('refuses a control character in a query', async () => {
    const { app } = await createTestApp();
    const { client } = await createDraftCase(app);
    const res = await client.get('/api/v1/organizations?q=%E7%A4%BE%07');
    expect([res.statusCode, res.json().error.message]).toEqual([400, refusal('q', 'U+0007', 2)]);
  });

  it('stores NFD input as NFC: the title, a section (text and references), the unit name and CRLF as LF', async () => {
    const { app } = await createTestApp();
    const { client, caseId, organizationId } = await createDraftCase(app, { title: 'Cafe\u0301 红色物业' });
    expect((await client.get(`/api/v1/cases/${caseId}`)).json().data.content.title).toBe('Caf\u00e9 红色物业');

    const saved = await putDraft(client, caseId, (c) => {
      c.title = 'Re\u0301sume\u0301';
      c.sections.appendix = '<p>e\u0301 e&#x301;</p>';
    });
    expect(saved.statusCode).toBe(200);
    const stored = (await client.get(`/api/v1/cases/${caseId}`)).json().data;
    expect([stored.content.title, stored.content.sections.appendix]).toEqual(['R\u00e9sum\u00e9', '<p>\u00e9 \u00e9</p>']);

    const unit = await client.put(`/api/v1/organizations/${organizationId}`, { ...UNIT_INPUT, name: '北京市朝阳区Cafe\u0301党委', address: '北京市\r\n朝阳区' });
    expect(unit.statusCode).toBe(200);
    const row = await app.db.selectFrom('organizations').select(['name', 'address']).where('id', '=', organizationId).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '北京市朝阳区Caf\u00e9党委', address: '北京市\n朝阳区' });
  });

  it('serves both declaration forms for a title with a character outside the BMP where the file name is cut', async () => {
    const { app } = await createTestApp();
    // 𠮷 straddles the 40th UTF-16 unit, where the file name's title is cut.
    const title = `${'红'.repeat(39)}𠮷野家`;
    const { client, caseId } = await createDraftCase(app, { title });
    const base = encodeURIComponent(`第七届全国基层党建创新典型案例征集申报表-${'红'.repeat(39)}𠮷`);

    const docx = await client.get(`/api/v1/cases/${caseId}/declaration-form.docx`);
    expect([docx.statusCode, docx.headers['content-disposition']]).toEqual([200, `attachment; filename="declaration-form-${caseId}.docx"; filename*=UTF-8''${base}.docx`]);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value.split('\n').map((l) => l.trim())).toContain(title);

    const pdf = await client.get(`/api/v1/cases/${caseId}/declaration-form.pdf`);
    expect([pdf.statusCode, pdf.headers['content-disposition']]).toEqual([200, `attachment; filename="declaration-form-${caseId}.pdf"; filename*=UTF-8''${base}.pdf`]);
    // 𠮷 comes from Hanazono Mincho where fonts-hanazono is installed; without it, a box in its place.
    expect(pdfStrings(pdf.rawPayload).join('')).toContain(chainCovers('𠮷') ? title : `${'红'.repeat(39)}\u0000野家`);
  });
});
