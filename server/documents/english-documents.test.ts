import { randomUUID } from 'node:crypto';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { attachStoredFile, completeContent, createDraftCase } from '../testing/cases.ts';
import { UNIT_INPUT } from '../testing/people.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { testEngine } from '../testing/test-database.ts';
import { pdfStrings } from './pdf-text.ts';

// A unit that writes in English gets documents with no Chinese in them: every word the platform
// adds (labels, kinds, the time zone, punctuation, file names) comes in the language asked for.

const TITLE = 'Red Property Services Make Community Governance Warmer';
const SUMMARY = 'The community Party committee set up a red property alliance and put a Party branch in every housing estate.';
const UNIT = {
  ...UNIT_INPUT,
  name: 'First Community Party Committee of Jianwai Subdistrict',
  superiorName: 'Working Committee of Jianwai Subdistrict',
  address: '1 Jianwai Street, Chaoyang District, Beijing',
  contactName: 'Li Hua',
  contactPosition: 'Party secretary',
};
// Han, kana, Hangul, and the CJK and full-width punctuation (（），：) the Chinese documents use.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/gu;
const cjkIn = (lines: string[]) => lines.filter((line) => line.match(CJK)).map((line) => `${line} → ${line.match(CJK)!.join('')}`);

async function englishCase(app: Awaited<ReturnType<typeof createTestApp>>['app']) {
  const draft = await createDraftCase(app, { unitName: UNIT.name, title: TITLE });
  expect((await draft.client.put(`/api/v1/organizations/${draft.organizationId}`, UNIT)).statusCode).toBe(200);
  const current = (await draft.client.get(`/api/v1/cases/${draft.caseId}`)).json().data;
  const content = { ...completeContent(4000, TITLE), keywords: ['property', 'governance'], summary: `<p>${SUMMARY}</p>` };
  const saved = await draft.client.put(`/api/v1/cases/${draft.caseId}/draft`, {
    version: current.version, content, declaration: { postcode: '100022', 'unit-opinion': 'Recommended.' }, superiorName: UNIT.superiorName, superiorEmail: UNIT.superiorEmail,
  });
  expect(saved.statusCode).toBe(200);
  return draft;
}

const fileName = (disposition: string | undefined) => decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition ?? '')![1]!);

async function attachEnglishFiles(app: Awaited<ReturnType<typeof createTestApp>>['app'], caseId: string) {
  await attachStoredFile(app, caseId, 'declaration-form', 'declaration-form.pdf', new TextEncoder().encode(`%PDF-1.4 form ${caseId}`), 'application/pdf');
  await attachStoredFile(app, caseId, 'sealed-form', 'sealed-form.pdf', new TextEncoder().encode(`%PDF-1.4 sealed ${caseId}`), 'application/pdf');
}

async function submitted(client: TestClient, caseId: string) {
  const res = await client.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
  expect(res.statusCode).toBe(201);
  return res.json().data as { receiptNumber: string };
}

describe(`documents in English (${testEngine()})`, () => {
  it('the receipt PDF of an English case has no Chinese in it, even for an operator whose own language is Chinese', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await englishCase(app);
    await attachEnglishFiles(app, caseId);
    const { receiptNumber } = await submitted(client, caseId);

    const res = await client.get(`/api/v1/cases/${caseId}/submissions/1/receipt.pdf?lang=en`);

    expect(fileName(res.headers['content-disposition'])).toBe(`receipt-${receiptNumber}.pdf`);
    const strings = pdfStrings(res.rawPayload);
    expect(cjkIn(strings)).toEqual([]);
    expect(strings.slice(0, 3)).toEqual(['Submission receipt', 'The Seventh National Collection of Typical Cases of Grass-roots Party-building ', 'Innovation']);
    expect(strings).toContain('2024-05-01 10:00:00 (Beijing time, UTC+08:00)');
    expect(strings.slice(16, 19)).toEqual(['Attachments (2)', '1. Declaration form ', '(electronic version)']);
  });

  it('the declaration form, as Word and as PDF, has no Chinese in it, and English file names', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await englishCase(app);

    const docx = await client.get(`/api/v1/cases/${caseId}/declaration-form.docx?lang=en`);
    const pdf = await client.get(`/api/v1/cases/${caseId}/declaration-form.pdf?lang=en`);

    const base = 'Declaration-Form-Seventh-National-Collection-of-Typical-Cases-of-Grass-roots-Party-building-Innovation';
    expect([fileName(docx.headers['content-disposition']), fileName(pdf.headers['content-disposition'])]).toEqual([
      `${base}-Red-Property-Services-Make-Community-Gov.docx`, `${base}-Red-Property-Services-Make-Community-Gov.pdf`,
    ]);
    const lines = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value.split('\n').map((l) => l.trim()).filter(Boolean);
    const strings = pdfStrings(pdf.rawPayload);
    expect({ docx: cjkIn(lines), pdf: cjkIn(strings) }).toEqual({ docx: [], pdf: [] });
    expect(lines).toContain(SUMMARY);
    expect(lines).toContain('Superior Party organization: Working Committee of Jianwai Subdistrict');
    expect(strings.slice(4, 7)).toEqual(['Case title', 'Red Property Services Make Community Governance ', 'Warmer']);
  });
});
