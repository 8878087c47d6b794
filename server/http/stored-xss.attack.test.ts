import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { registerLocale } from './locale.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { workbenchRoutes } from '../pages/workbench.routes.ts';
import { attachRequiredFiles, completeContent, saveContent } from '../testing/cases.ts';
import { AFTER_WINDOW, SEVENTH } from '../testing/fixtures.ts';
import { createPerson, signedIn, UNIT_INPUT } from '../testing/people.ts';
import { createTestApp } from '../testing/test-app.ts';
import { TestClient } from '../testing/test-client.ts';
import { testEngine } from '../testing/test-database.ts';

// Stored and reflected XSS: hostile strings stored through the real API in every field a person
// types that something rendered as HTML later shows, and hostile query strings and paths.
//
// What is rendered as HTML, and what of it a person typed:
// - The public pages (server/pages: /, /campaigns/:slug, /audit-heads, /verify) show only the
//   campaign definitions (loaded from campaign files, not the API), the audit chain's hashes and,
//   on /verify, what decision 0015 allows of a receipt: number, campaign, time and hashes, never
//   the unit, the case title or its text. So no user-entered text reaches a public page; the
//   stored strings are checked to be absent from them. They do reflect the query (?lang=,
//   /verify?number=&sha256=) and the path (error pages name an unknown campaign's slug).
// - The workbench (/app) is a static single-page shell: the server puts nothing from the
//   request in it but the negotiated language; everything user-entered reaches it as JSON.
// - The superior organization's review "page" is GET /api/v1/superior-review (JSON, read by
//   the workbench); receipts and declaration forms are PDF and Word files, not HTML.
// - The mails are HTML: unit names, display names, case titles and an organizer's return
//   message reach them. mail.templates.test.ts escapes hostile parameters given to renderMail
//   directly; here they travel the real flows from the API into the queued mail.
// - Case section HTML is reduced to an allow-list by sanitizeCaseHtml; its rules are tested in
//   server/shared/case-html.test.ts. Here only that a hostile section saved through the API comes
//   back (to the unit and to the superior's public link) without anything that runs.

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</title><svg onload=alert(1)>',
  '党建<script>x</script>创新',
] as const;

/** HTML-escaped as both the mail layout and React escape it (none of the strings holds an apostrophe). */
function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * What of the hostile markup is live in `html`: an inline script carrying a payload, a tag with
 * an event handler, an element the page never has (img, svg), a javascript: URL in an attribute.
 * Quoted attribute values are blanked first, so text escaped inside one is not mistaken for markup.
 */
function liveMarkup(html: string): string[] {
  const found: string[] = [];
  if (/<script>\s*(alert|x)\b/i.test(html)) found.push('inline <script> payload');
  for (const tag of html.match(/<[a-zA-Z][^<>]*>/g) ?? []) {
    const bare = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    if (/\son[a-z]+\s*=/i.test(bare)) found.push(`event handler: ${tag}`);
    if (/^<(img|svg)\b/i.test(tag)) found.push(`foreign element: ${tag}`);
    if (/\s(href|src|action|formaction)\s*=\s*["']?\s*javascript:/i.test(tag)) found.push(`javascript: URL: ${tag}`);
  }
  if (html.includes('</title><svg')) found.push('title broken out of');
  return found;
}

/** `html` holds `hostile` only as escaped text: never the raw markup, nothing live. */
function expectNeutralized(html: string, hostile: string, label: string) {
  expect([label, liveMarkup(html)]).toEqual([label, []]);
  if (/[<>"]/.test(hostile)) expect([label, html.includes(hostile)]).toEqual([label, false]);
}

function expectHtmlHeaders(res: LightMyRequestResponse, label: string) {
  expect([label, res.headers['content-type'], res.headers['x-content-type-options']]).toEqual([label, 'text/html; charset=utf-8', 'nosniff']);
}

function expectJsonAnswer(res: LightMyRequestResponse, label: string) {
  expect([label, res.headers['content-type'], res.headers['x-content-type-options']]).toEqual([label, 'application/json; charset=utf-8', 'nosniff']);
  expect(() => JSON.parse(res.body)).not.toThrow();
}

async function mailsOf(app: FastifyInstance) {
  return app.db.selectFrom('mails').select(['template', 'to_email', 'subject', 'html_body', 'text_body']).orderBy('created_at').execute();
}

describe(`stored XSS: hostile text typed into every field that reaches HTML (${testEngine()})`, () => {
  for (const hostile of HOSTILE) {
    it(`escapes ${JSON.stringify(hostile)} in every mail it reaches, and keeps it off every public page`, async () => {
      const { app, database, setNow } = await createTestApp();
      await createPerson(database.db, { email: 'owner@example.cn' });
      await createPerson(database.db, { email: 'asker@example.cn' });
      await createPerson(database.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
      const owner = await signedIn(app, 'owner@example.cn');
      const asker = await signedIn(app, 'asker@example.cn');

      // Display names, through the account's own settings.
      for (const client of [owner, asker]) {
        expect((await client.put('/api/v1/me', { displayName: hostile, locale: 'zh-CN' })).json()).toEqual({ status: 'saved' });
        expect((await client.get('/api/v1/me')).json().data.displayName).toBe(hostile);
      }
      // A unit named with it, whose superior carries it too.
      const unit = await owner.post('/api/v1/organizations', { ...UNIT_INPUT, name: hostile, superiorName: hostile });
      expect([unit.statusCode, unit.json().data?.name]).toEqual([201, hostile]);
      const unitId: string = unit.json().data.id;

      // join_unit: the inviter's display name and the unit's name.
      expect((await owner.post(`/api/v1/organizations/${unitId}/invitations`, { email: 'colleague@example.cn' })).statusCode).toBe(202);
      // join_request: the asker's display name and the unit's name.
      expect((await asker.post(`/api/v1/organizations/${unitId}/join-requests`)).statusCode).toBe(202);

      // A case titled with it, its section text holding it as typed (markup and all).
      const created = await owner.post(`/api/v1/campaigns/${SEVENTH}/cases`, { organizationId: unitId, title: hostile });
      expect([created.statusCode, created.json().data?.content.title]).toEqual([201, hostile]);
      const caseId: string = created.json().data.id;
      const content = completeContent(1200, hostile);
      content.sections.practice = `${content.sections.practice}<p>${hostile}</p>${hostile}`;
      await saveContent(owner, caseId, content);
      const detail = await owner.get(`/api/v1/cases/${caseId}`);
      expectJsonAnswer(detail, 'case detail');
      expect(detail.json().data.content.title).toBe(hostile);
      expectNeutralized(detail.json().data.content.sections.practice, hostile, 'saved section');

      // superior_review: the unit's name and the case title.
      expect((await owner.post(`/api/v1/cases/${caseId}/superior-review`)).statusCode).toBe(202);
      // The link opens a public JSON view: the section reduced to markup that does not run.
      const reviewMail = (await mailsOf(app)).find((m) => m.template === 'superior_review')!;
      const token = /superior-review\?token=([\w-]+)/.exec(reviewMail.text_body)![1]!;
      const review = await new TestClient(app).get(`/api/v1/superior-review?token=${token}`);
      expectJsonAnswer(review, 'superior review');
      expect(review.json().data.unitName).toBe(hostile);
      expect(review.json().data.content.title).toBe(hostile);
      expectNeutralized(review.json().data.content.sections.practice, hostile, 'superior review section');
      // case_receipt: the case title.
      await attachRequiredFiles(app, caseId);
      const submitted = await owner.post(`/api/v1/cases/${caseId}/submit`, { requestKey: randomUUID() });
      expect(submitted.statusCode).toBe(201);
      const receiptNumber: string = submitted.json().data.receiptNumber;
      // case_returned: the organizer's message and the case title.
      setNow(AFTER_WINDOW);
      const organizer = await signedIn(app, 'org@example.cn');
      const returned = await organizer.post(`/api/v1/cases/${caseId}/return`, { message: hostile, dueAt: '2024-07-10T15:59:59.000Z' });
      expect([returned.statusCode, returned.json().data?.returnMessage]).toEqual([200, hostile]);

      const mails = await mailsOf(app);
      expect(mails.map((m) => m.template).sort()).toEqual(['case_receipt', 'case_returned', 'join_request', 'join_unit', 'superior_review']);
      for (const mail of mails) {
        expectNeutralized(mail.html_body, hostile, `${mail.template} html`);
        // Each mail names the hostile text (a name, the unit, the title or the message) as escaped text.
        expect([mail.template, mail.html_body.includes(escaped(hostile))]).toEqual([mail.template, true]);
        // The plain-text part and the subject are text, not markup: they keep what was typed.
        expect([mail.template, mail.text_body.includes(hostile)]).toEqual([mail.template, true]);
        expect([mail.template, mail.subject.includes('\n')]).toEqual([mail.template, false]);
      }
      const returnMail = mails.find((m) => m.template === 'case_returned')!;
      expect(returnMail.html_body).toContain(`<p style="margin:0 0 16px">${escaped(hostile)}</p>`);

      // Nothing a person typed is shown on a public page: neither raw nor escaped.
      for (const url of ['/', '/?lang=en', `/campaigns/${SEVENTH}`, `/campaigns/${SEVENTH}?lang=en`, '/audit-heads', `/verify?number=${receiptNumber}`]) {
        const page = await app.inject({ url });
        expect([url, page.statusCode]).toEqual([url, 200]);
        expectHtmlHeaders(page, url);
        expectNeutralized(page.body, hostile, url);
        expect([url, page.body.includes(escaped(hostile))]).toEqual([url, false]);
      }
      const verify = (await app.inject({ url: `/verify?number=${receiptNumber}` })).body;
      expect(verify).toContain('data-result="found"');
    });
  }

  it('keeps every public page free of anything a unit entered, whatever was stored', async () => {
    const { app, database } = await createTestApp();
    await createPerson(database.db, { email: 'many@example.cn' });
    const owner = await signedIn(app, 'many@example.cn');
    for (const [i, hostile] of HOSTILE.entries()) {
      const unit = await owner.post('/api/v1/organizations', { ...UNIT_INPUT, name: `${hostile}${i}`, address: hostile, contactName: hostile, contactPosition: hostile });
      expect(unit.statusCode).toBe(201);
      const created = await owner.post(`/api/v1/campaigns/${SEVENTH}/cases`, { organizationId: unit.json().data.id, title: `${hostile}${i}` });
      expect(created.statusCode).toBe(201);
    }
    for (const url of ['/', `/campaigns/${SEVENTH}`, '/audit-heads', '/verify']) {
      const page = await app.inject({ url });
      expectHtmlHeaders(page, url);
      expect([url, liveMarkup(page.body)]).toEqual([url, []]);
      for (const hostile of HOSTILE) {
        expect([url, hostile, page.body.includes(hostile), page.body.includes(escaped(hostile))]).toEqual([url, hostile, false, false]);
      }
    }
  });
});

describe(`reflected XSS: query strings and paths echoed into pages (${testEngine()})`, () => {
  for (const hostile of HOSTILE) {
    const q = encodeURIComponent(hostile);

    it(`shows ${JSON.stringify(hostile)} as an unsupported ?lang= only as escaped text on every page`, async () => {
      const { app } = await createTestApp();
      for (const url of [`/?lang=${q}`, `/campaigns/${SEVENTH}?lang=${q}`, `/audit-heads?lang=${q}`, `/verify?lang=${q}`]) {
        const page = await app.inject({ url });
        expect([url, page.statusCode]).toEqual([url, 200]);
        expectHtmlHeaders(page, url);
        expectNeutralized(page.body, hostile, url);
        expect([url, page.body.includes(`暂不支持语言“${escaped(hostile)}”`)]).toEqual([url, true]);
        // An unsupported choice is never remembered: no cookie carries it back.
        expect([url, page.headers['set-cookie']]).toEqual([url, undefined]);
      }
    });

    it(`echoes ${JSON.stringify(hostile)} typed into /verify only as escaped text`, async () => {
      const { app } = await createTestApp();
      const url = `/verify?number=${q}&sha256=${q}`;
      const page = await app.inject({ url });
      expect(page.statusCode).toBe(404);
      expectHtmlHeaders(page, url);
      expectNeutralized(page.body, hostile, url);
      expect(page.body).toContain(`name="number" value="${escaped(hostile)}"`);
      expect(page.body).toContain(`name="sha256" value="${escaped(hostile)}"`);
      expect(page.body).toContain('data-result="not-found"');
      expect(page.body.split(escaped(hostile)).length).toBeGreaterThanOrEqual(4);
    });

    it(`names an unknown campaign ${JSON.stringify(hostile)} on the error page only as escaped text`, async () => {
      const { app } = await createTestApp();
      for (const locale of ['zh-CN', 'en']) {
        const url = `/campaigns/${q}?lang=${locale}`;
        const page = await app.inject({ url });
        expect([url, page.statusCode]).toEqual([url, 404]);
        expectHtmlHeaders(page, url);
        expectNeutralized(page.body, hostile, url);
        const message = locale === 'en' ? `There is no collection “${escaped(hostile)}”.` : `未找到征集活动“${escaped(hostile)}”。`;
        expect(page.body).toContain(`<h1>${message}</h1>`);
        expect(page.body).toContain(`<title>${message} · `);
      }
    });

    it(`answers an unknown page path with ${JSON.stringify(hostile)} in it without echoing markup`, async () => {
      const { app } = await createTestApp();
      for (const url of [`/${q}`, `/no/such/${q}?next=${q}&q=${q}`, `/audit-heads/${q}`]) {
        const page = await app.inject({ url });
        expect([url, page.statusCode]).toEqual([url, 404]);
        expectHtmlHeaders(page, url);
        expectNeutralized(page.body, hostile, url);
      }
    });

    it(`answers the API with JSON whatever ${JSON.stringify(hostile)} it is sent, so no browser renders it`, async () => {
      const { app, database } = await createTestApp();
      await createPerson(database.db, { email: 'searcher@example.cn' });
      const searcher = await signedIn(app, 'searcher@example.cn');
      const typeHeader = `text/x-${/^[\x20-\x7e]*$/.test(hostile) ? hostile : q}`;
      const answers: [string, LightMyRequestResponse, number, string | null][] = [
        // The campaign, language and content type asked for are named back in the error message:
        // as a JSON string, in a JSON answer that no browser renders as a page.
        [`/api/v1/campaigns/${q}`, await app.inject({ url: `/api/v1/campaigns/${q}` }), 404, 'campaign_not_found'],
        [`/api/v1/no-such/${q}`, await app.inject({ url: `/api/v1/no-such/${q}` }), 404, 'not_found'],
        [`/api/v1/campaigns?lang=${q}`, await app.inject({ url: `/api/v1/campaigns?lang=${q}` }), 400, 'unsupported_language'],
        [`/api/v1/divisions/${q}`, await app.inject({ url: `/api/v1/divisions/${q}` }), 400, 'invalid_request'],
        [`/api/v1/superior-review?token=${q}`, await app.inject({ url: `/api/v1/superior-review?token=${q}` }), 400, hostile.length < 20 ? 'invalid_request' : 'link_invalid'],
        [`/api/v1/organizations?q=${q}`, await searcher.get(`/api/v1/organizations?q=${q}`), 200, null],
        // A header carries no raw non-Latin-1 text, so the Chinese string travels percent-encoded there.
        ['POST /api/v1/auth/sign-in with a hostile content type', await searcher.request({
          method: 'POST', url: '/api/v1/auth/sign-in', body: hostile, headers: { 'content-type': typeHeader },
        }), 415, 'unsupported_media_type'],
      ];
      for (const [label, res, status, code] of answers) {
        expectJsonAnswer(res, label);
        expect([label, res.statusCode, res.json().error?.code ?? null]).toEqual([label, status, code]);
      }
      expect(answers[0]![1].json().error.message).toBe(`未找到征集活动“${hostile}”。`);
      expect(answers[2]![1].json().error.message).toBe(`不支持的语言“${hostile}”，可用：zh-CN、en。`);
      expect(answers[6]![1].json().error.message).toBe(`此接口不接受类型为“${typeHeader}”的请求内容。`);
    });

    it(`serves the workbench shell without ${JSON.stringify(hostile)} from ?next= or the path`, async () => {
      // The real app's /app: this checkout may not have built the workbench (503, plain text).
      const { app } = await createTestApp();
      for (const url of [`/app/sign-in?next=${q}`, `/app/${q}?next=${q}&lang=${q}`]) {
        const res = await app.inject({ url });
        expect([url, res.headers['x-content-type-options']]).toEqual([url, 'nosniff']);
        if (res.statusCode === 200) expectHtmlHeaders(res, url);
        else expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 503, 'text/plain; charset=utf-8']);
        expectNeutralized(res.body, hostile, url);
        expect([url, res.body.includes(hostile), res.body.includes(escaped(hostile))]).toEqual([url, false, false]);
      }

      // A built shell served as the app serves it (locale and security headers as registered in
      // app.ts): what the server adds to index.html comes from the request only as the language.
      const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-wb-xss-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      mkdirSync(path.join(dir, 'assets'));
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta name="csp-nonce" content="__CSP_NONCE__"></head><body><div id="root"></div></body></html>');
      const shell = Fastify();
      onTestFinished(() => shell.close());
      registerSecurityHeaders(shell, { https: false });
      await shell.register(fastifyCookie);
      registerLocale(shell);
      await shell.register(workbenchRoutes, { dir });
      for (const url of [`/app/sign-in?next=${q}`, `/app/${q}?next=${q}`, `/app/cases/${q}?lang=${q}`]) {
        const res = await shell.inject({ url });
        expect([url, res.statusCode]).toEqual([url, 200]);
        expectHtmlHeaders(res, url);
        expectNeutralized(res.body, hostile, url);
        expect([url, res.body.includes(escaped(hostile)), res.body.includes(hostile)]).toEqual([url, false, false]);
        expect(res.body).toMatch(/^<!doctype html><html lang="zh-CN"><head><meta name="csp-nonce" content="[A-Za-z0-9+/=]{24}"><\/head><body><div id="root"><\/div><\/body><\/html>$/);
      }
    });
  }

  it('answers a page query too long for its schema with an HTML error that echoes none of it', async () => {
    const { app } = await createTestApp();
    const long = encodeURIComponent(HOSTILE.join('').repeat(3));
    for (const url of [`/?lang=${long}`, `/verify?number=${long}`, `/campaigns/${encodeURIComponent('<script>alert(1)</script>'.repeat(3))}`]) {
      const page = await app.inject({ url });
      expect([url, page.statusCode]).toEqual([url, 400]);
      expectHtmlHeaders(page, url);
      expect([url, liveMarkup(page.body)]).toEqual([url, []]);
      for (const hostile of HOSTILE.filter((h) => h !== 'javascript:alert(1)')) expect([url, hostile, page.body.includes(hostile)]).toEqual([url, hostile, false]);
    }
  });
});
