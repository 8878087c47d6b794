import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createPerson, signedIn, UNIT_INPUT } from '../testing/people.ts';
import { createTestApp } from '../testing/test-app.ts';
import { TestClient } from '../testing/test-client.ts';
import { testEngine } from '../testing/test-database.ts';

// Every route, every role: the gate each route declares holds for each kind of caller. A new
// route without a sample request here fails the test, so none goes untested.

type Role = 'stranger' | 'applicant' | 'unitA' | 'unitB' | 'reviewer' | 'organizer';
const ROLES: Role[] = ['stranger', 'applicant', 'unitA', 'unitB', 'reviewer', 'organizer'];

interface World {
  app: FastifyInstance;
  clients: Record<Role, TestClient>;
  unitA: string;
  unitB: string;
  /** A draft case of unit A. */
  caseA: string;
}

async function world(): Promise<World> {
  const { app, database } = await createTestApp();
  const campaign = await database.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
  await createPerson(database.db, { email: 'applicant@example.cn' });
  await createPerson(database.db, { email: 'a@example.cn' });
  await createPerson(database.db, { email: 'b@example.cn' });
  await createPerson(database.db, { email: 'reviewer@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
  await createPerson(database.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
  const clients = {
    stranger: new TestClient(app),
    applicant: await signedIn(app, 'applicant@example.cn'),
    unitA: await signedIn(app, 'a@example.cn'),
    unitB: await signedIn(app, 'b@example.cn'),
    reviewer: await signedIn(app, 'reviewer@example.cn'),
    organizer: await signedIn(app, 'organizer@example.cn'),
  };
  const unitA = (await clients.unitA.post('/api/v1/organizations', UNIT_INPUT)).json().data.id;
  const unitB = (await clients.unitB.post('/api/v1/organizations', { ...UNIT_INPUT, name: '上海市浦东新区陆家嘴街道党工委', divisionCode: '310115' })).json().data.id;
  const caseA = (await clients.unitA.post('/api/v1/campaigns/seventh-collection/cases', { organizationId: unitA, title: '红色物业' })).json().data.id;
  return { app, clients, unitA, unitB, caseA };
}

const REVIEW_BODY = { version: 0, scores: { authenticity: 4 }, comment: '', tier: null };

const SAMPLES: Record<string, (w: World) => { url: string; body?: unknown }> = {
  'GET /': () => ({ url: '/' }),
  'GET /healthz': () => ({ url: '/healthz' }),
  'GET /favicon.ico': () => ({ url: '/favicon.ico' }),
  'GET /favicon.svg': () => ({ url: '/favicon.svg' }),
  'GET /api/v1/openapi.json': () => ({ url: '/api/v1/openapi.json' }),
  'GET /api/v1/campaigns': () => ({ url: '/api/v1/campaigns' }),
  'GET /api/v1/campaigns/:slug': () => ({ url: '/api/v1/campaigns/seventh-collection' }),
  // Past the gate an organizer is refused by the open window (collection_still_open): no phase moves.
  'POST /api/v1/campaigns/:slug/phase': () => ({ url: '/api/v1/campaigns/seventh-collection/phase', body: { to: 'screening' } }),
  'GET /campaigns/:slug': () => ({ url: '/campaigns/seventh-collection' }),
  'GET /campaigns/:slug/declaration-form.docx': () => ({ url: '/campaigns/seventh-collection/declaration-form.docx' }),
  'GET /verify': () => ({ url: '/verify?number=Z7-20240501-ABCDEFGH' }),
  'GET /certificates': () => ({ url: '/certificates?serial=ZJ7-0001-7K3M9QX2' }),
  'GET /certificates/:serial': () => ({ url: '/certificates/ZJ7-0001-7K3M9QX2' }),
  'GET /audit-heads': () => ({ url: '/audit-heads' }),
  'GET /api/v1/audit/heads': () => ({ url: '/api/v1/audit/heads' }),
  'GET /api/v1/divisions': () => ({ url: '/api/v1/divisions' }),
  'GET /api/v1/divisions/:code': () => ({ url: '/api/v1/divisions/110105' }),
  'GET /api/v1/auth/csrf': () => ({ url: '/api/v1/auth/csrf' }),
  'POST /api/v1/auth/sign-up': () => ({ url: '/api/v1/auth/sign-up', body: { email: 'new@example.cn', password: 'Shequ-dangwei-2024', displayName: 'N' } }),
  'POST /api/v1/auth/verify-email': () => ({ url: '/api/v1/auth/verify-email', body: { token: 'nope' } }),
  'POST /api/v1/auth/verify-email/resend': () => ({ url: '/api/v1/auth/verify-email/resend', body: { email: 'nobody@example.cn' } }),
  'POST /api/v1/auth/sign-in': () => ({ url: '/api/v1/auth/sign-in', body: { email: 'nobody@example.cn', password: 'wrong-password' } }),
  'POST /api/v1/auth/sign-out': () => ({ url: '/api/v1/auth/sign-out' }),
  'POST /api/v1/auth/password-reset': () => ({ url: '/api/v1/auth/password-reset', body: { email: 'nobody@example.cn' } }),
  'POST /api/v1/auth/password-reset/confirm': () => ({ url: '/api/v1/auth/password-reset/confirm', body: { token: 'nope', password: 'Shequ-dangwei-2024' } }),
  'GET /api/v1/me': () => ({ url: '/api/v1/me' }),
  'POST /api/v1/organizations': () => ({ url: '/api/v1/organizations', body: { ...UNIT_INPUT, name: '新单位党支部' } }),
  'GET /api/v1/organizations': () => ({ url: '/api/v1/organizations' }),
  'GET /api/v1/organizations/:id': (w) => ({ url: `/api/v1/organizations/${w.unitA}` }),
  'PUT /api/v1/organizations/:id': (w) => ({ url: `/api/v1/organizations/${w.unitA}`, body: UNIT_INPUT }),
  'GET /api/v1/organizations/:id/members': (w) => ({ url: `/api/v1/organizations/${w.unitA}/members` }),
  'POST /api/v1/organizations/:id/invitations': (w) => ({ url: `/api/v1/organizations/${w.unitA}/invitations`, body: { email: 'colleague@example.cn' } }),
  'POST /api/v1/organization-invitations/accept': () => ({ url: '/api/v1/organization-invitations/accept', body: { token: 'nope' } }),
  'POST /api/v1/organizations/:id/merge': (w) => ({ url: `/api/v1/organizations/${w.unitB}/merge`, body: { into: w.unitA } }),
  'POST /api/v1/campaigns/:slug/reviewer-invitations': () => ({ url: '/api/v1/campaigns/seventh-collection/reviewer-invitations', body: { email: 'expert@example.cn' } }),
  'GET /api/v1/campaigns/:slug/reviewers': () => ({ url: '/api/v1/campaigns/seventh-collection/reviewers' }),
  'POST /api/v1/reviewer-invitations/accept': () => ({ url: '/api/v1/reviewer-invitations/accept', body: { token: 'nope' } }),
  'POST /api/v1/campaigns/:slug/reviewer-imports/preview': () => ({ url: '/api/v1/campaigns/seventh-collection/reviewer-imports/preview', body: { not: 'a sheet' } }),
  'POST /api/v1/campaigns/:slug/reviewer-imports': () => ({ url: '/api/v1/campaigns/seventh-collection/reviewer-imports', body: { not: 'a sheet' } }),
  'POST /api/v1/campaigns/:slug/reference-imports/preview': () => ({ url: '/api/v1/campaigns/seventh-collection/reference-imports/preview', body: { not: 'a sheet' } }),
  'POST /api/v1/campaigns/:slug/reference-imports': () => ({ url: '/api/v1/campaigns/seventh-collection/reference-imports', body: { not: 'a sheet' } }),
  'GET /api/v1/cases/:id/similarity': (w) => ({ url: `/api/v1/cases/${w.caseA}/similarity` }),
  'GET /api/v1/cases/:id/similarity/status': (w) => ({ url: `/api/v1/cases/${w.caseA}/similarity/status` }),
  'GET /api/v1/campaigns/:slug/reviewer-pool': () => ({ url: '/api/v1/campaigns/seventh-collection/reviewer-pool' }),
  'GET /api/v1/campaigns/:slug/screening': () => ({ url: '/api/v1/campaigns/seventh-collection/screening' }),
  'POST /api/v1/campaigns/:slug/screening/decisions': (w) => ({
    url: '/api/v1/campaigns/seventh-collection/screening/decisions',
    body: { decision: 'pass', cases: [{ caseId: w.caseA, submissionId: '00000000-0000-4000-8000-000000000000', state: 'pending' }] },
  }),
  'GET /api/v1/cases/:id/screening': (w) => ({ url: `/api/v1/cases/${w.caseA}/screening` }),
  'POST /api/v1/cases/:id/screening/reversal': (w) => ({ url: `/api/v1/cases/${w.caseA}/screening/reversal`, body: { submissionId: '00000000-0000-4000-8000-000000000000', reason: '复核后撤销' } }),
  'POST /api/v1/campaigns/:slug/assignment-runs': () => ({ url: '/api/v1/campaigns/seventh-collection/assignment-runs' }),
  'GET /api/v1/campaigns/:slug/assignment-runs/latest': () => ({ url: '/api/v1/campaigns/seventh-collection/assignment-runs/latest' }),
  'GET /api/v1/campaigns/:slug/assignments': () => ({ url: '/api/v1/campaigns/seventh-collection/assignments' }),
  'POST /api/v1/campaigns/:slug/assignments': (w) => ({ url: '/api/v1/campaigns/seventh-collection/assignments', body: { caseId: w.caseA, reviewerId: 'nobody' } }),
  'DELETE /api/v1/campaigns/:slug/assignments/:id': () => ({ url: '/api/v1/campaigns/seventh-collection/assignments/00000000-0000-4000-8000-000000000000' }),
  'POST /api/v1/campaigns/:slug/assignments/release': () => ({ url: '/api/v1/campaigns/seventh-collection/assignments/release', body: { override: false, reason: null } }),
  // A reviewer's own assignments: signed in is the gate; anyone else's assignment answers 404 after it.
  'GET /api/v1/reviews/assignments': () => ({ url: '/api/v1/reviews/assignments' }),
  'GET /api/v1/reviews/assignments/:id': () => ({ url: '/api/v1/reviews/assignments/00000000-0000-4000-8000-000000000000' }),
  'PUT /api/v1/reviews/assignments/:id/review': () => ({ url: '/api/v1/reviews/assignments/00000000-0000-4000-8000-000000000000/review', body: REVIEW_BODY }),
  'POST /api/v1/reviews/assignments/:id/review/submit': () => ({ url: '/api/v1/reviews/assignments/00000000-0000-4000-8000-000000000000/review/submit', body: REVIEW_BODY }),
  'POST /api/v1/reviews/assignments/:id/conflict': () => ({ url: '/api/v1/reviews/assignments/00000000-0000-4000-8000-000000000000/conflict', body: { reason: '曾指导该单位' } }),
  'GET /api/v1/reviews/assignments/:id/attachments/:attachmentId/file': () => ({ url: '/api/v1/reviews/assignments/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000000/file' }),
  'GET /api/v1/reviews/assignments/:id/attachments/:attachmentId/thumbnail': () => ({ url: '/api/v1/reviews/assignments/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000000/thumbnail' }),
  'GET /api/v1/campaigns/:slug/progress': () => ({ url: '/api/v1/campaigns/seventh-collection/progress' }),
  // Organizers of the campaign only; ranking.routes.test.ts refuses an organizer of another campaign, a superior and a reviewer by name.
  'GET /api/v1/campaigns/:slug/ranking': () => ({ url: '/api/v1/campaigns/seventh-collection/ranking' }),
  'GET /api/v1/campaigns/:slug/exports/:kind': () => ({ url: '/api/v1/campaigns/seventh-collection/exports/cases' }),
  'GET /api/v1/campaigns/:slug/ranking/flags/:flagId': () => ({ url: '/api/v1/campaigns/seventh-collection/ranking/flags/too_few_scores.00000000-0000-4000-8000-000000000000' }),
  // Organizers of the campaign only; dashboard.routes.test.ts refuses an organizer of another campaign, a unit and a reviewer by name.
  'GET /api/v1/campaigns/:slug/dashboard': () => ({ url: '/api/v1/campaigns/seventh-collection/dashboard' }),
  // Organizers of the campaign only; selection.routes.test.ts refuses an organizer of another campaign, a unit and a reviewer by name.
  'GET /api/v1/campaigns/:slug/selection': () => ({ url: '/api/v1/campaigns/seventh-collection/selection' }),
  'POST /api/v1/campaigns/:slug/selection/suggestion': () => ({ url: '/api/v1/campaigns/seventh-collection/selection/suggestion', body: {} }),
  'POST /api/v1/campaigns/:slug/selection/accept': () => ({ url: '/api/v1/campaigns/seventh-collection/selection/accept', body: {} }),
  'PUT /api/v1/campaigns/:slug/selection/cases/:caseId': (w) => ({ url: `/api/v1/campaigns/seventh-collection/selection/cases/${w.caseA}`, body: { tier: 'none', reason: '复核' } }),
  // Organizers of the campaign only; notice.routes.test.ts refuses an organizer of another campaign, a unit and a reviewer by name.
  'GET /api/v1/campaigns/:slug/notice': () => ({ url: '/api/v1/campaigns/seventh-collection/notice' }),
  'POST /api/v1/campaigns/:slug/notice': () => ({ url: '/api/v1/campaigns/seventh-collection/notice', body: { body: '公示' } }),
  'POST /api/v1/campaigns/:slug/notice/finalize': () => ({ url: '/api/v1/campaigns/seventh-collection/notice/finalize', body: {} }),
  'GET /api/v1/campaigns/:slug/notice/objections/:id/files/:fileId': () => ({ url: '/api/v1/campaigns/seventh-collection/notice/objections/nothing/files/nothing' }),
  'POST /api/v1/campaigns/:slug/notice/objections/:id/outcome': () => ({ url: '/api/v1/campaigns/seventh-collection/notice/objections/nothing/outcome', body: { status: 'dismissed', reason: '不成立' } }),
  // Anyone: the published notice and the objection form (notice.routes.test.ts).
  'GET /api/v1/public/campaigns/:slug/notice': () => ({ url: '/api/v1/public/campaigns/seventh-collection/notice' }),
  'POST /api/v1/public/campaigns/:slug/notice/objections': () => ({ url: '/api/v1/public/campaigns/seventh-collection/notice/objections', body: { n: 1, name: '张三', organization: '某单位', phone: '13912345678', body: '异议内容写得足够长。' } }),
  // Organizers of the case's campaign only; publishing.routes.test.ts answers every other role as for a missing case.
  'GET /api/v1/cases/:id/public-copy': (w) => ({ url: `/api/v1/cases/${w.caseA}/public-copy` }),
  'POST /api/v1/cases/:id/public-copy': (w) => ({ url: `/api/v1/cases/${w.caseA}/public-copy` }),
  'PUT /api/v1/cases/:id/public-copy': (w) => ({ url: `/api/v1/cases/${w.caseA}/public-copy`, body: { version: 1, title: '标题', unitName: '单位', summary: '', sections: {}, photoIds: [] } }),
  'POST /api/v1/cases/:id/public-copy/publish': (w) => ({ url: `/api/v1/cases/${w.caseA}/public-copy/publish`, body: { version: 1 } }),
  'POST /api/v1/cases/:id/public-copy/unpublish': (w) => ({ url: `/api/v1/cases/${w.caseA}/public-copy/unpublish`, body: { version: 1 } }),
  'POST /api/v1/cases/:id/public-copy/recreate': (w) => ({ url: `/api/v1/cases/${w.caseA}/public-copy/recreate`, body: { version: 1 } }),
  // Organizers of the campaign only; publication-queue.routes.test.ts refuses a unit, a reviewer and an organizer of another campaign by name.
  'GET /api/v1/campaigns/:slug/publications': () => ({ url: '/api/v1/campaigns/seventh-collection/publications' }),
  // Anyone: a published case's page and its shown pictures; nothing published here, so 404 past the gate.
  'GET /campaigns/:slug/cases/:publicId': () => ({ url: '/campaigns/seventh-collection/cases/0123456789abcdef' }),
  'GET /campaigns/:slug/cases/:publicId/photos/:attachmentId': () => ({ url: '/campaigns/seventh-collection/cases/0123456789abcdef/photos/00000000-0000-4000-8000-000000000000' }),
  // Anyone: the case library, holding only cases shown now (library.routes.test.ts).
  'GET /library': () => ({ url: '/library?q=党建' }),
  'GET /api/v1/library': () => ({ url: '/api/v1/library?q=党建' }),
  // Anyone: what search engines read, only public addresses (sitemap.routes.test.ts).
  'GET /robots.txt': () => ({ url: '/robots.txt' }),
  'GET /sitemap.xml': () => ({ url: '/sitemap.xml' }),
  'GET /sitemaps/pages.xml': () => ({ url: '/sitemaps/pages.xml' }),
  'GET /sitemaps/cases-:n.xml': () => ({ url: '/sitemaps/cases-1.xml' }),
  'GET /campaigns/:slug/feed.atom': () => ({ url: '/campaigns/seventh-collection/feed.atom' }),
  'GET /api/v1/cases/:id/conflicts': (w) => ({ url: `/api/v1/cases/${w.caseA}/conflicts` }),
  'POST /api/v1/cases/:id/conflicts/:reviewerId/dismissal': (w) => ({ url: `/api/v1/cases/${w.caseA}/conflicts/nobody/dismissal`, body: { reason: '已核实无利害关系' } }),
  'POST /api/v1/cases/:id/conflict-declaration': (w) => ({ url: `/api/v1/cases/${w.caseA}/conflict-declaration`, body: { reason: '曾指导该单位' } }),
  'GET /api/v1/me/reviewer-profile': () => ({ url: '/api/v1/me/reviewer-profile' }),
  'PUT /api/v1/me/reviewer-profile': () => ({ url: '/api/v1/me/reviewer-profile', body: { expertise: ['rural'], organization: '中国浦东干部学院', divisionCode: '310115', capacity: 20 } }),
  'GET /api/v1/audit': () => ({ url: '/api/v1/audit' }),
  'GET /api/v1/audit/verification': () => ({ url: '/api/v1/audit/verification' }),
  'GET /api/v1/outgoing-mail': () => ({ url: '/api/v1/outgoing-mail' }),
  'GET /api/v1/organizers': () => ({ url: '/api/v1/organizers' }),
  'POST /api/v1/me/learner': () => ({ url: '/api/v1/me/learner' }),
  'PUT /api/v1/me': () => ({ url: '/api/v1/me', body: { displayName: '同一个名字', locale: 'zh-CN' } }),
  'POST /api/v1/me/password': () => ({ url: '/api/v1/me/password', body: { currentPassword: 'not-the-password', newPassword: 'Shequ-dangwei-2024' } }),
  'POST /api/v1/organizations/:id/join-requests': (w) => ({ url: `/api/v1/organizations/${w.unitA}/join-requests` }),
  'OPTIONS /api/v1/uploads': () => ({ url: '/api/v1/uploads' }),
  // Public at the gate for objection evidence (decision 0036); without a token the session decides (uploads.routes.test.ts, objection-evidence.test.ts).
  'POST /api/v1/uploads': () => ({ url: '/api/v1/uploads' }),
  'PATCH /api/v1/uploads/:id': () => ({ url: '/api/v1/uploads/00000000-0000-4000-8000-000000000000' }),
  'DELETE /api/v1/uploads/:id': () => ({ url: '/api/v1/uploads/00000000-0000-4000-8000-000000000000' }),
  'GET /api/v1/cases/:id/attachments': () => ({ url: '/api/v1/cases/00000000-0000-4000-8000-000000000000/attachments' }),
  'DELETE /api/v1/attachments/:id': () => ({ url: '/api/v1/attachments/00000000-0000-4000-8000-000000000000' }),
  'GET /api/v1/attachments/:id/file': () => ({ url: '/api/v1/attachments/00000000-0000-4000-8000-000000000000/file' }),
  'GET /api/v1/attachments/:id/thumbnail': () => ({ url: '/api/v1/attachments/00000000-0000-4000-8000-000000000000/thumbnail' }),
  'GET /api/v1/attachments/:id/original': () => ({ url: '/api/v1/attachments/00000000-0000-4000-8000-000000000000/original' }),
  'GET /api/v1/me/cases': () => ({ url: '/api/v1/me/cases' }),
  'POST /api/v1/campaigns/:slug/cases': (w) => ({ url: '/api/v1/campaigns/seventh-collection/cases', body: { organizationId: w.unitA, title: '新案例' } }),
  'GET /api/v1/cases/:id': (w) => ({ url: `/api/v1/cases/${w.caseA}` }),
  'PUT /api/v1/cases/:id/draft': (w) => ({ url: `/api/v1/cases/${w.caseA}/draft`, body: { version: 999, content: { title: '', category: null, keywords: [], summary: '', sections: {} }, declaration: {}, superiorName: '', superiorEmail: null } }),
  'GET /api/v1/cases/:id/preflight': (w) => ({ url: `/api/v1/cases/${w.caseA}/preflight` }),
  'POST /api/v1/cases/:id/submit': (w) => ({ url: `/api/v1/cases/${w.caseA}/submit`, body: { requestKey: 'matrix-request-key' } }),
  'POST /api/v1/cases/:id/withdraw': (w) => ({ url: `/api/v1/cases/${w.caseA}/withdraw` }),
  'GET /api/v1/cases/:id/history': (w) => ({ url: `/api/v1/cases/${w.caseA}/history` }),
  'GET /api/v1/cases/:id/submissions': (w) => ({ url: `/api/v1/cases/${w.caseA}/submissions` }),
  'GET /api/v1/cases/:id/submitted': (w) => ({ url: `/api/v1/cases/${w.caseA}/submitted` }),
  // A JSON body passes the gate and is then refused as no Word file (import_failed), after the gate.
  'POST /api/v1/cases/:id/import-docx': (w) => ({ url: `/api/v1/cases/${w.caseA}/import-docx`, body: {} }),
  // Organizers of the campaign; a JSON body passes the gate and is then refused as no import file. library-import.routes.test.ts refuses an organizer of another campaign by name.
  'POST /api/v1/campaigns/:slug/earlier-editions/import': () => ({ url: '/api/v1/campaigns/seventh-collection/earlier-editions/import', body: {} }),
  'GET /api/v1/cases/:id/declaration-form.docx': (w) => ({ url: `/api/v1/cases/${w.caseA}/declaration-form.docx` }),
  'GET /api/v1/cases/:id/declaration-form.pdf': (w) => ({ url: `/api/v1/cases/${w.caseA}/declaration-form.pdf` }),
  'GET /api/v1/cases/:caseId/result': (w) => ({ url: `/api/v1/cases/${w.caseA}/result` }),
  'GET /api/v1/cases/:caseId/certificate.pdf': (w) => ({ url: `/api/v1/cases/${w.caseA}/certificate.pdf` }),
  'GET /api/v1/cases/:id/submissions/:seq/receipt.pdf': (w) => ({ url: `/api/v1/cases/${w.caseA}/submissions/1/receipt.pdf` }),
  'POST /api/v1/cases/:id/return': (w) => ({ url: `/api/v1/cases/${w.caseA}/return`, body: { message: '请修改', dueAt: '2024-07-10T15:59:59.000Z' } }),
  'GET /api/v1/campaigns/:slug/cases': () => ({ url: '/api/v1/campaigns/seventh-collection/cases' }),
  'GET /api/v1/campaigns/:slug/deadline-extensions': () => ({ url: '/api/v1/campaigns/seventh-collection/deadline-extensions' }),
  'POST /api/v1/campaigns/:slug/deadline-extensions': () => ({ url: '/api/v1/campaigns/seventh-collection/deadline-extensions', body: { organizationId: null, closesAt: '2024-06-01T00:00:00.000Z', reason: '无效' } }),
  'POST /api/v1/cases/:id/superior-review': () => ({ url: '/api/v1/cases/00000000-0000-4000-8000-000000000000/superior-review' }),
  'GET /api/v1/superior-review': () => ({ url: `/api/v1/superior-review?token=${'x'.repeat(43)}` }),
  'POST /api/v1/superior-review': () => ({ url: '/api/v1/superior-review', body: { token: 'x'.repeat(43), decision: 'recommend', opinion: '同意', contentSha256: 'a'.repeat(64) } }),
  // A registered unit as superior: the case's own operators choose it; its members decide (everyone else: 404 after the gate).
  'GET /api/v1/cases/:id/superior-candidates': (w) => ({ url: `/api/v1/cases/${w.caseA}/superior-candidates?q=${encodeURIComponent('街道')}` }),
  'PUT /api/v1/cases/:id/superior-organization': () => ({ url: '/api/v1/cases/00000000-0000-4000-8000-000000000000/superior-organization', body: { organizationId: null } }),
  'GET /api/v1/me/superior-reviews': () => ({ url: '/api/v1/me/superior-reviews' }),
  'GET /api/v1/superior-reviews/:id': () => ({ url: '/api/v1/superior-reviews/00000000-0000-4000-8000-000000000000' }),
  'POST /api/v1/superior-reviews/:id': () => ({ url: '/api/v1/superior-reviews/00000000-0000-4000-8000-000000000000', body: { decision: 'recommend', opinion: '同意', contentSha256: 'a'.repeat(64) } }),
  'GET /app': () => ({ url: '/app' }),
  'GET /app/*': () => ({ url: '/app/sign-in' }),
};

describe(`authorization matrix (${testEngine()})`, () => {
  it('has a sample request for every route of the app', async () => {
    const { app } = await createTestApp();
    const routes = app.routeAccess.filter((r) => !r.url.startsWith('/assets/')).map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(SAMPLES).sort());
  });

  // Every route for every role: about 17 s alone on PostgreSQL, more while the suite loads both cores.
  it('lets each role through exactly the gates its routes declare', async () => {
    const w = await world();
    const outcome: string[] = [];
    const expected: string[] = [];
    // Signing out ends the clients' sessions, so it goes last.
    const routes = w.app.routeAccess
      .filter((r) => !r.url.startsWith('/assets/'))
      .sort((a, b) => Number(a.url === '/api/v1/auth/sign-out') - Number(b.url === '/api/v1/auth/sign-out'));
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const sample = SAMPLES[key]!(w);
      for (const role of ROLES) {
        const res = await w.clients[role].request({ method: route.method as 'GET', url: sample.url, body: sample.body });
        const code = res.statusCode >= 400 && String(res.headers['content-type']).includes('json') ? res.json().error?.code : undefined;
        const gate = code === 'unauthenticated' || code === 'forbidden' ? code : 'through';
        outcome.push(`${key} as ${role}: ${gate}`);
        const signedIn = role !== 'stranger';
        const want =
          route.access === 'public' ? 'through'
            : !signedIn ? 'unauthenticated'
              : route.access !== 'signed-in' && role !== 'organizer' ? 'forbidden'
                : 'through';
        // Signing out and signing in change the client's own state; the rest are side-effect free for the gate.
        expected.push(`${key} as ${role}: ${key === 'POST /api/v1/auth/sign-in' ? gate : want}`);
      }
    }
    expect(outcome).toEqual(expected);
  }, 120_000);

  it("answers another unit's records exactly like records that do not exist", async () => {
    const w = await world();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of ['', '/members']) {
      const other = await w.clients.unitA.get(`/api/v1/organizations/${w.unitB}${path}`);
      const none = await w.clients.unitA.get(`/api/v1/organizations/${missing}${path}`);
      expect([other.statusCode, other.json().error]).toEqual([none.statusCode, none.json().error]);
      expect(other.statusCode).toBe(404);
    }
    const edit = await w.clients.unitA.put(`/api/v1/organizations/${w.unitB}`, UNIT_INPUT);
    expect([edit.statusCode, edit.json().error.code]).toEqual([404, 'not_found']);
  });

  it('shows each role only its own units in lists, search and counts', async () => {
    const w = await world();
    const list = async (role: Role, q = '') => {
      const body = (await w.clients[role].get(`/api/v1/organizations${q}`)).json();
      return { total: body.total, names: body.data.map((u: { name: string }) => u.name) };
    };
    expect(await list('unitA')).toEqual({ total: 1, names: ['北京市朝阳区建外街道第一社区党委'] });
    expect(await list('unitA', `?q=${encodeURIComponent('陆家嘴')}`)).toEqual({ total: 0, names: [] });
    expect(await list('reviewer')).toEqual({ total: 0, names: [] });
    expect(await list('applicant', '?division=310000')).toEqual({ total: 0, names: [] });
    expect(await list('organizer', `?q=${encodeURIComponent('陆家嘴')}`)).toEqual({ total: 1, names: ['上海市浦东新区陆家嘴街道党工委'] });
    expect((await list('organizer')).total).toBe(2);
  });

  it('shows each role only the cases it may see, in lists and counts', async () => {
    const w = await world();
    const ids = async (role: Role, url: string) => {
      const res = await w.clients[role].get(url);
      return res.statusCode === 200 ? res.json().data.map((c: { id: string }) => c.id) : res.statusCode;
    };
    expect(await ids('unitA', '/api/v1/me/cases')).toEqual([w.caseA]);
    for (const role of ['unitB', 'reviewer', 'applicant'] as const) {
      expect(await ids(role, '/api/v1/me/cases')).toEqual([]);
      expect(await ids(role, '/api/v1/campaigns/seventh-collection/cases')).toBe(403);
      expect((await w.clients[role].get(`/api/v1/cases/${w.caseA}`)).statusCode).toBe(404);
    }
    expect(await ids('organizer', '/api/v1/campaigns/seventh-collection/cases')).toEqual([w.caseA]);
    expect(await ids('organizer', '/api/v1/me/cases')).toEqual([]);
  });
});
