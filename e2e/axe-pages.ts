import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from '../server/testing/cases.ts';
import { publishAuditHead } from '../server/modules/audit/audit-heads.service.ts';
import { SEVENTH } from '../server/testing/fixtures.ts';
import { createPerson, PASSWORD } from '../server/testing/people.ts';
import { TestClient } from '../server/testing/test-client.ts';
import { ADMIN, ADMIN_ENV, startServer, type RunningServer } from './browser.ts';

// Every page axe checks, in the states a user meets. A new page joins by adding a line to PAGES.

export type Who = 'anyone' | 'unit' | 'organizer' | 'reviewer';

export interface Seeded {
  caseId: string;
  unitId: string;
  receiptNumber: string;
  tokens: { verify: string; reset: string; join: string; reviewer: string; superior: string };
  /** Session cookies of each signed-in person. */
  cookies: Record<Exclude<Who, 'anyone'>, Record<string, string>>;
}

export interface SeededServer extends RunningServer {
  seeded: Seeded;
  /** Moves the server's clock past the seventh collection's deadline, or back before it. */
  setPastDeadline(past: boolean): void;
}

export interface AxePage {
  name: string;
  who: Who;
  path: (s: Seeded) => string;
  /** A server-rendered page, loaded afresh; workbench pages are reached in place like a click. */
  server?: boolean;
  /** What shows once the page has its data (language-independent). */
  ready?: string;
  /** Brings the page into the state to check (a tab, a dialog) after it is ready. */
  act?: (page: Page) => Promise<void>;
  /** The server's clock past the seventh collection's deadline while this page is open. */
  afterDeadline?: boolean;
}

const workbench = (name: string, who: Who, path: AxePage['path'], extra: Partial<AxePage> = {}): AxePage => ({ name, who, path, ...extra });

export const PAGES: AxePage[] = [
  { name: 'home', who: 'anyone', server: true, path: () => '/' },
  { name: 'special page', who: 'anyone', server: true, path: () => `/campaigns/${SEVENTH}`, ready: '#apply' },
  { name: 'verify', who: 'anyone', server: true, path: () => '/verify' },
  { name: 'verify a receipt', who: 'anyone', server: true, path: (s) => `/verify?number=${s.receiptNumber}` },
  { name: 'verify a certificate', who: 'anyone', server: true, path: () => '/certificates' },
  { name: 'audit heads', who: 'anyone', server: true, path: () => '/audit-heads', ready: '.audit-heads' },
  { name: 'case library', who: 'anyone', server: true, path: () => '/library' },
  { name: 'case library, nothing found', who: 'anyone', server: true, path: () => '/library?q=%E6%B8%94%E8%88%B9&province=44' },
  { name: 'case library, query refused', who: 'anyone', server: true, path: () => `/library?q=${'x'.repeat(200)}` },
  { name: 'error page', who: 'anyone', server: true, path: () => '/campaigns/no-such-campaign' },
  workbench('sign-in', 'anyone', () => '/app/sign-in', { ready: '#f-email' }),
  workbench('sign-up', 'anyone', () => '/app/sign-up', { ready: '#f-email' }),
  workbench('forgot password', 'anyone', () => '/app/forgot-password', { ready: '#f-email' }),
  workbench('reset password', 'anyone', (s) => `/app/reset-password?token=${s.tokens.reset}`),
  workbench('verify e-mail', 'anyone', (s) => `/app/verify-email?token=${s.tokens.verify}`, { ready: '.ant-result' }),
  workbench('join a unit', 'anyone', (s) => `/app/join?token=${s.tokens.join}`),
  workbench('reviewer invitation', 'anyone', (s) => `/app/reviewer-invitation?token=${s.tokens.reviewer}`),
  workbench('superior review', 'anyone', (s) => `/app/superior-review?token=${s.tokens.superior}`, { ready: '.wb-review-title' }),
  workbench('unit home', 'unit', () => '/app/unit'),
  workbench('members', 'unit', () => '/app/unit/members', { ready: '.ant-table-row' }),
  workbench('my cases', 'unit', () => '/app/cases', { ready: '.wb-case-card, .ant-table-row' }),
  workbench('case editor', 'unit', (s) => `/app/cases/${s.caseId}`, { ready: '.ProseMirror' }),
  workbench('receipt', 'unit', (s) => `/app/cases/${s.caseId}/receipts/1`, { ready: '.wb-receipt-section' }),
  workbench('superior reviews', 'unit', () => '/app/superior-reviews'),
  workbench('account', 'unit', () => '/app/account', { ready: '#f-displayName' }),
  workbench('not found', 'unit', () => '/app/no-such-page', { ready: '.ant-result' }),
  workbench('read-only case', 'unit', (s) => `/app/cases/${s.caseId}`, { ready: '.ce-view-title', afterDeadline: true }),
  workbench('reviewer profile', 'reviewer', () => '/app/reviewer', { ready: '#f-organization' }),
  workbench('reviewer workbench', 'reviewer', () => '/app/reviews', { ready: '.ant-table' }),
  workbench('organizer cases', 'organizer', () => '/app/org/cases', { ready: '.ant-table-row, .wb-case-card' }),
  workbench('organizer case view', 'organizer', (s) => `/app/cases/${s.caseId}`, { ready: '.ce-view-title' }),
  workbench('organizer case view, working copy', 'organizer', (s) => `/app/cases/${s.caseId}`, {
    ready: '.ce-view-title',
    act: async (page) => {
      const working = page.locator('.ant-tabs-tab').nth(1);
      await working.click();
      await working.and(page.locator('.ant-tabs-tab-active')).waitFor();
    },
  }),
  workbench('return case dialog', 'organizer', (s) => `/app/cases/${s.caseId}`, {
    ready: '.wb-org-case-actions',
    act: async (page) => {
      await page.locator('.wb-org-case-actions .ant-btn-dangerous').click();
      await page.locator('#return-message').waitFor();
    },
  }),
  workbench('units', 'organizer', () => '/app/org/units', { ready: '.ant-table-row, .wb-case-card' }),
  workbench('unit detail', 'organizer', (s) => `/app/org/units/${s.unitId}`),
  workbench('reviewers', 'organizer', () => '/app/org/reviewers', { ready: '.ant-table-row' }),
  workbench('screening', 'organizer', () => '/app/org/screening', { ready: '.ant-table-row, .wb-screening-item' }),
  workbench('review progress', 'organizer', () => '/app/org/progress', { ready: '.ant-table-row' }),
  workbench('earlier cases', 'organizer', () => '/app/org/reference-cases'),
  workbench('assignment', 'organizer', () => '/app/org/assignment'),
  workbench('ranking', 'organizer', () => '/app/org/ranking', { ready: '.wb-ranking-help' }),
  workbench('selection', 'organizer', () => '/app/org/selection', { ready: '.wb-selection-total' }),
  workbench('exports', 'organizer', () => '/app/org/exports', { ready: '.wb-exports-item' }),
  // The queue and the editor with copies to show: e2e/publishing-journey.test.ts; here, a campaign with none yet.
  workbench('publishing queue', 'organizer', () => '/app/org/publishing', { ready: '.pp-filters .ant-radio-button-wrapper' }),
  workbench('public copy, none made yet', 'organizer', (s) => `/app/org/publishing/${s.caseId}`, { ready: '.pp-back' }),
  workbench('organizers', 'organizer', () => '/app/org/organizers', { ready: '.ant-table-row' }),
  workbench('audit', 'organizer', () => '/app/org/audit', { ready: '.ant-table-row, .ant-list-item' }),
  workbench('mail', 'organizer', () => '/app/org/mail', { ready: '.ant-table-row' }),
];

async function lastToken(app: FastifyInstance, template: string, to?: string): Promise<string> {
  let query = app.db.selectFrom('mails').select('text_body').where('template', '=', template);
  if (to) query = query.where('to_email', '=', to);
  const mails = await query.execute();
  const token = /[?&]token=([\w-]+)/.exec(mails.at(-1)?.text_body ?? '')?.[1];
  if (!token) throw new Error(`no ${template} mail with a token`);
  return token;
}

function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/**
 * A unit with a submitted case that has text and a receipt, an organizer, a reviewer, and a fresh
 * link of each kind the mail sends (verification, reset, joining a unit, reviewing, recommending).
 */
async function seedAxeData(app: FastifyInstance): Promise<Seeded> {
  const unit = await createDraftCase(app, { email: 'axe-unit@example.cn' });
  await saveContent(unit.client, unit.caseId, completeContent(3000));
  expectStatus(await unit.client.post(`/api/v1/cases/${unit.caseId}/superior-review`), 202, 'asking the superior');
  await attachRequiredFiles(app, unit.caseId);
  const submitted = await unit.client.post(`/api/v1/cases/${unit.caseId}/submit`, { requestKey: randomUUID() });
  expectStatus(submitted, 201, 'submitting');
  expectStatus(await unit.client.post(`/api/v1/organizations/${unit.organizationId}/invitations`, { email: 'axe-colleague@example.cn' }), 202, 'inviting a colleague');

  const organizer = new TestClient(app);
  expectStatus(await organizer.post('/api/v1/auth/sign-in', { email: ADMIN.email, password: ADMIN.password }), 200, 'organizer sign-in');
  for (const email of ['axe-reviewer@example.cn', 'axe-expert@example.cn']) {
    await createPerson(app.db, { email, name: email.slice(4, 10) });
    expectStatus(await organizer.post(`/api/v1/campaigns/${SEVENTH}/reviewer-invitations`, { email }), 202, 'inviting a reviewer');
  }
  const reviewer = new TestClient(app);
  expectStatus(await reviewer.post('/api/v1/auth/sign-in', { email: 'axe-reviewer@example.cn', password: PASSWORD }), 200, 'reviewer sign-in');
  expectStatus(await reviewer.post('/api/v1/reviewer-invitations/accept', { token: await lastToken(app, 'reviewer_invite', 'axe-reviewer@example.cn') }), 200, 'accepting');

  const visitor = new TestClient(app);
  expectStatus(await visitor.post('/api/v1/auth/sign-up', { email: 'axe-new@example.cn', password: 'Shequ-dangwei-2024', displayName: '刘洋' }), 202, 'sign-up');
  expectStatus(await visitor.post('/api/v1/auth/password-reset', { email: unit.email }), 202, 'password reset');
  await publishAuditHead(app.db, new Date(START), app.baseUrl);

  return {
    caseId: unit.caseId,
    unitId: unit.organizationId,
    receiptNumber: (submitted.json() as { data: { receiptNumber: string } }).data.receiptNumber,
    tokens: {
      verify: await lastToken(app, 'verify_email'),
      reset: await lastToken(app, 'reset_password'),
      join: await lastToken(app, 'join_unit'),
      reviewer: await lastToken(app, 'reviewer_invite', 'axe-expert@example.cn'),
      superior: await lastToken(app, 'superior_review'),
    },
    cookies: { unit: unit.client.cookies, organizer: organizer.cookies, reviewer: reviewer.cookies },
  };
}

// Two days before the seventh collection's deadline (2024-06-30 23:59:59 Beijing time), so that a
// read-only case is a few days later and no session has expired by then.
const START = new Date('2024-06-29T02:00:00.000Z').getTime();
const AFTER_DEADLINE_MS = 3 * 24 * 3600_000;

/** The app with its first organizer and seedAxeData's people and links, on a ticking clock that starts at START. */
export async function startSeededServer(): Promise<SeededServer> {
  let offset = 0;
  const started = Date.now();
  const { app, url } = await startServer(() => new Date(START + (Date.now() - started) + offset), ADMIN_ENV);
  return { app, url, seeded: await seedAxeData(app), setPastDeadline: (past) => { offset = past ? AFTER_DEADLINE_MS : 0; } };
}
