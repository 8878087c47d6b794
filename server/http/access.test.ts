import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createTestApp } from '../testing/test-app.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { MissingAccessError } from './access.ts';

describe('route access declarations', () => {
  it('lists every route of the app with the policy it states', async () => {
    const { app } = await createTestApp();
    const table = app.routeAccess
      .filter((r) => !r.url.startsWith('/assets/'))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(table).toEqual([
      'GET / public',
      'GET /api/v1/me/cases signed-in',
      'POST /api/v1/campaigns/:slug/cases signed-in',
      'GET /api/v1/cases/:id signed-in',
      'PUT /api/v1/cases/:id/draft signed-in',
      'GET /api/v1/cases/:id/preflight signed-in',
      'POST /api/v1/cases/:id/submit signed-in',
      'POST /api/v1/cases/:id/withdraw signed-in',
      'GET /api/v1/cases/:id/history signed-in',
      'GET /api/v1/cases/:id/submissions signed-in',
      'GET /api/v1/cases/:id/submissions/:seq/receipt.pdf signed-in',
      'POST /api/v1/cases/:id/import-docx signed-in',
      'GET /api/v1/cases/:id/declaration-form.docx signed-in',
      'GET /api/v1/cases/:id/declaration-form.pdf signed-in',
      'POST /api/v1/cases/:id/return organizer',
      'GET /api/v1/campaigns/:slug/cases organizer',
      'GET /api/v1/campaigns/:slug/deadline-extensions organizer',
      'POST /api/v1/campaigns/:slug/deadline-extensions organizer',
      'POST /api/v1/cases/:id/superior-review signed-in',
      'GET /api/v1/superior-review public',
      'POST /api/v1/superior-review public',
      'GET /api/v1/cases/:id/submitted organizer',
      'GET /api/v1/cases/:id/superior-candidates signed-in',
      'PUT /api/v1/cases/:id/superior-organization signed-in',
      'GET /api/v1/me/superior-reviews signed-in',
      'GET /api/v1/superior-reviews/:id signed-in',
      'POST /api/v1/superior-reviews/:id signed-in',
      'POST /api/v1/auth/verify-email/resend public',
      'GET /api/v1/audit platform-organizer',
      'GET /api/v1/audit/verification platform-organizer',
      'DELETE /api/v1/attachments/:id signed-in',
      'DELETE /api/v1/uploads/:id signed-in',
      'GET /api/v1/attachments/:id/file signed-in',
      'GET /api/v1/attachments/:id/original signed-in',
      'GET /api/v1/attachments/:id/thumbnail signed-in',
      'GET /api/v1/cases/:id/attachments signed-in',
      'OPTIONS /api/v1/uploads public',
      'PATCH /api/v1/uploads/:id signed-in',
      'POST /api/v1/uploads signed-in',
      'GET /api/v1/auth/csrf public',
      'GET /api/v1/campaigns public',
      'GET /api/v1/campaigns/:slug public',
      'POST /api/v1/campaigns/:slug/phase organizer',
      'GET /api/v1/campaigns/:slug/reviewers organizer',
      'GET /api/v1/campaigns/:slug/reviewer-pool organizer',
      'POST /api/v1/campaigns/:slug/reviewer-imports/preview organizer',
      'POST /api/v1/campaigns/:slug/reviewer-imports organizer',
      'POST /api/v1/campaigns/:slug/reference-imports/preview organizer',
      'POST /api/v1/campaigns/:slug/reference-imports organizer',
      'GET /api/v1/cases/:id/similarity organizer',
      'GET /api/v1/cases/:id/similarity/status organizer',
      'GET /api/v1/campaigns/:slug/screening organizer',
      'POST /api/v1/campaigns/:slug/screening/decisions organizer',
      'GET /api/v1/cases/:id/screening organizer',
      'POST /api/v1/cases/:id/screening/reversal organizer',
      'GET /api/v1/campaigns/:slug/progress organizer',
      'GET /api/v1/campaigns/:slug/ranking organizer',
      'GET /api/v1/campaigns/:slug/ranking/flags/:flagId organizer',
      'GET /api/v1/campaigns/:slug/dashboard organizer',
      'GET /api/v1/campaigns/:slug/exports/:kind organizer',
      'GET /api/v1/campaigns/:slug/selection organizer',
      'POST /api/v1/campaigns/:slug/selection/suggestion organizer',
      'POST /api/v1/campaigns/:slug/selection/accept organizer',
      'PUT /api/v1/campaigns/:slug/selection/cases/:caseId organizer',
      'POST /api/v1/campaigns/:slug/assignment-runs organizer',
      'GET /api/v1/campaigns/:slug/assignment-runs/latest organizer',
      'GET /api/v1/campaigns/:slug/assignments organizer',
      'POST /api/v1/campaigns/:slug/assignments organizer',
      'DELETE /api/v1/campaigns/:slug/assignments/:id organizer',
      'POST /api/v1/campaigns/:slug/assignments/release organizer',
      'GET /api/v1/reviews/assignments signed-in',
      'GET /api/v1/reviews/assignments/:id signed-in',
      'PUT /api/v1/reviews/assignments/:id/review signed-in',
      'POST /api/v1/reviews/assignments/:id/review/submit signed-in',
      'POST /api/v1/reviews/assignments/:id/conflict signed-in',
      'GET /api/v1/reviews/assignments/:id/attachments/:attachmentId/file signed-in',
      'GET /api/v1/reviews/assignments/:id/attachments/:attachmentId/thumbnail signed-in',
      'GET /api/v1/cases/:id/conflicts organizer',
      'POST /api/v1/cases/:id/conflicts/:reviewerId/dismissal organizer',
      'POST /api/v1/cases/:id/conflict-declaration signed-in',
      'GET /api/v1/divisions public',
      'GET /api/v1/divisions/:code public',
      'GET /api/v1/me public',
      'GET /api/v1/me/reviewer-profile signed-in',
      'GET /api/v1/openapi.json public',
      'GET /api/v1/organizations signed-in',
      'GET /api/v1/organizations/:id signed-in',
      'GET /api/v1/organizations/:id/members signed-in',
      'GET /api/v1/organizers platform-organizer',
      'GET /api/v1/outgoing-mail platform-organizer',
      'GET /app public',
      'GET /app/* public',
      'GET /campaigns/:slug public',
      'GET /campaigns/:slug/declaration-form.docx public',
      'GET /favicon.ico public',
      'GET /favicon.svg public',
      'GET /healthz public',
      'GET /verify public',
      'GET /api/v1/audit/heads public',
      'GET /audit-heads public',
      'POST /api/v1/auth/password-reset public',
      'POST /api/v1/auth/password-reset/confirm public',
      'POST /api/v1/auth/sign-in public',
      'POST /api/v1/auth/sign-out signed-in',
      'POST /api/v1/auth/sign-up public',
      'POST /api/v1/auth/verify-email public',
      'POST /api/v1/campaigns/:slug/reviewer-invitations organizer',
      'POST /api/v1/organization-invitations/accept signed-in',
      'POST /api/v1/organizations signed-in',
      'POST /api/v1/organizations/:id/invitations signed-in',
      'POST /api/v1/organizations/:id/join-requests signed-in',
      'POST /api/v1/organizations/:id/merge organizer',
      'POST /api/v1/reviewer-invitations/accept signed-in',
      'POST /api/v1/me/learner signed-in',
      'POST /api/v1/me/password signed-in',
      'PUT /api/v1/me signed-in',
      'PUT /api/v1/me/reviewer-profile signed-in',
      'PUT /api/v1/organizations/:id signed-in',
    ].sort());
    expect(app.routeAccess.filter((r) => r.url.startsWith('/assets/')).map((r) => r.access)).toEqual(['public', 'public', 'public']);
  });

  it('refuses to start with a route that states no policy', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ db: database.db, engine: database.engine, baseUrl: 'http://x', dataDir: tmpdir() });
    try {
      expect(() => app.get('/forgotten', async () => 'oops')).toThrow(
        new MissingAccessError('route GET /forgotten declares no access policy (config.access)'),
      );
    } finally {
      await app.close();
      await database.dispose();
    }
  });
});
