import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { untranslatedWords } from '../../core/i18n/latin-words.ts';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../testing/cases.ts';
import { AFTER_WINDOW, BEFORE_WINDOW, DURING_WINDOW, SEVENTH } from '../testing/fixtures.ts';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What a reader sees or a screen reader says: the text, and the labels, titles, alt texts and placeholders. */
function heard(html: string): string {
  const said = [...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ');
  return decode([text, ...said].join(' '));
}

// Every public page, as a Chinese reader gets it before, during and after the window, and each
// error page: a Latin word on them is a name, a code or a unit (core/i18n/latin-words), or a bug.
describe(`zh-CN server pages show no untranslated word (${testEngine()})`, () => {
  it('home, special page and errors at every point of the window', async () => {
    const { app, setNow } = await createTestApp();
    const found: Record<string, string[]> = {};
    for (const [when, now] of [['before', BEFORE_WINDOW], ['during', DURING_WINDOW], ['after', AFTER_WINDOW]] as const) {
      setNow(now);
      for (const url of ['/', `/campaigns/${SEVENTH}`, '/campaigns/no-such-collection', '/no/such/page', '/?lang=fr']) {
        const res = await app.inject({ url, headers: { 'accept-language': 'zh-CN' } });
        expect([url, res.headers['content-type']]).toEqual([url, 'text/html; charset=utf-8']);
        const words = untranslatedWords(heard(res.body));
        if (words.length > 0) found[`${when} ${url}`] = words;
      }
    }
    expect(found).toEqual({});
  });

  it('the receipt verification page, empty, for an unknown number and for a real receipt', async () => {
    const { app } = await createTestApp();
    const draft = await createDraftCase(app);
    await saveContent(draft.client, draft.caseId, completeContent(1500));
    await attachRequiredFiles(app, draft.caseId);
    const receipt = (await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: randomUUID() })).json().data as { receiptNumber: string };
    const found: Record<string, string[]> = {};
    for (const url of ['/verify', '/verify?number=Z7-20240630-AAAAAAAA', `/verify?number=${receipt.receiptNumber}`, `/verify?number=${receipt.receiptNumber}&sha256=abc`]) {
      const res = await app.inject({ url, headers: { 'accept-language': 'zh-CN' } });
      expect([url, res.headers['content-type']]).toEqual([url, 'text/html; charset=utf-8']);
      const words = untranslatedWords(heard(res.body));
      if (words.length > 0) found[url] = words;
    }
    expect(found).toEqual({});
  });
});
