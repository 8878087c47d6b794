import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Engine } from './db/database.ts';
import type { Database } from './db/schema.ts';
import { enforceAccessDeclarations } from './http/access.ts';
import { registerAuthentication } from './http/authenticate.ts';
import { registerCsrf } from './http/csrf.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import './http/fastify-types.ts';
import { registerLocale } from './http/locale.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerStrictJson } from './http/strict-json.ts';
import { systemClock, type Clock } from './ids.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { superiorMemberRoutes } from './modules/cases/superior-member.routes.ts';
import { submittedVersionRoutes } from './modules/cases/submitted-version.routes.ts';
import { superiorReviewRoutes } from './modules/cases/superior-review.routes.ts';
import { divisionsRoutes } from './modules/divisions/divisions.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { libraryImportRoutes } from './modules/library-import/library-import.routes.ts';
import { caseDocumentsRoutes } from './documents/documents.routes.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { organizationsRoutes } from './modules/organizations/organizations.routes.ts';
import { reviewersRoutes } from './modules/reviewers/reviewers.routes.ts';
import { screeningRoutes } from './modules/screening/screening.routes.ts';
import { reviewerPoolRoutes } from './modules/reviewers/reviewer-pool.routes.ts';
import { conflictsRoutes } from './modules/conflicts/conflicts.routes.ts';
import { similarityRoutes } from './modules/similarity/similarity.routes.ts';
import { scoringRoutes } from './modules/scoring/scoring.routes.ts';
import { rankingRoutes } from './modules/ranking/ranking.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { selectionRoutes } from './modules/selection/selection.routes.ts';
import { noticeRoutes } from './modules/notice/notice.routes.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { uploadsRoutes } from './modules/uploads/uploads.routes.ts';
import { clientAssets } from './pages/client-assets.ts';
import { assignmentRoutes } from './modules/assignment/assignment.routes.ts';
import { pagesRoutes } from './pages/pages.routes.tsx';
import { verifyRoutes } from './pages/verify.routes.tsx';
import { certificateRoutes } from './pages/certificate.routes.tsx';
import { casePageRoutes } from './pages/case-page.routes.tsx';
import { libraryRoutes } from './pages/library.routes.tsx';
import { sitemapRoutes } from './pages/sitemap.routes.ts';
import { feedRoutes } from './pages/feed.routes.ts';
import { publishingRoutes } from './modules/publishing/publishing.routes.ts';
import { certificatesRoutes } from './modules/certificates/certificates.routes.ts';
import { auditHeadsRoutes } from './pages/audit-heads.routes.tsx';
import { workbenchRoutes } from './pages/workbench.routes.ts';
import { faviconRoutes } from './pages/favicon.routes.ts';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.ts';
import { registerLoadShedding, type SheddingLimits } from './http/load-shedding.ts';
import { databaseRateLimitStore } from './http/rate-limit-store.ts';
import { localStorage, type FileStorage } from './storage/file-storage.ts';
import { createPublicCache } from './modules/public-cache/public-cache.ts';
import type { PageCacheLimits } from './modules/public-cache/page-cache.ts';

export interface AppOptions {
  db: Kysely<Database>;
  engine: Engine;
  baseUrl: string;
  /** The local folder (DATA_DIR): the SQLite file, files being checked, and stored files unless `storage` says otherwise. */
  dataDir: string;
  /** Where stored files and uploads in progress live; local files under `dataDir` when not given. */
  storage?: FileStorage;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Proxies in front whose X-Forwarded-For is believed (see Config.trustProxy). */
  trustProxy?: number;
  /** The demo (`npm run demo`): the sign-in page offers the demo's accounts. */
  demo?: boolean;
  /** Turn work away by importance under pressure (the server); off when not given (tests). */
  shedding?: SheddingLimits;
  /** The public pages' in-process cache (decision 0042); 2,000 pages and 64 MiB when not given. */
  publicCache?: PageCacheLimits;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The whole HTTP application as a plugin tree; it never listens, so tests inject into it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // A hop count, never `true`: with `true` the left-most X-Forwarded-For entry, which the
    // client can write, would be taken as its address.
    trustProxy: (_address: string, hop: number) => hop < (options.trustProxy ?? 0),
    // Keep a well-formed id from the proxy so one request is traceable across hops.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
  });

  app.decorate('db', options.db);
  app.decorate('engine', options.engine);
  app.decorate('clock', options.clock ?? systemClock);
  app.decorate('baseUrl', options.baseUrl);
  app.decorate('dataDir', options.dataDir);
  app.decorate('storage', options.storage ?? localStorage(options.dataDir));
  app.decorate('assets', await clientAssets());
  app.decorate('publicCache', createPublicCache(options.db, options.publicCache));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  enforceAccessDeclarations(app);
  registerErrorHandling(app);
  registerStrictJson(app);

  registerSecurityHeaders(app, { https: options.baseUrl.startsWith('https:') });
  if (options.shedding) registerLoadShedding(app, options.shedding);
  await app.register(fastifyCookie);
  // Off by default; routes that need a limit (sign-in, uploads) opt in with config.rateLimit.
  // Counted in the database, so the limit holds across instances and restarts.
  await app.register(fastifyRateLimit, { global: false, store: databaseRateLimitStore(options.db, app.clock) });
  registerLocale(app);
  await registerCsrf(app);
  registerAuthentication(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Zhengji API',
        description: 'Case-solicitation campaigns: the call, submissions, review and publication.',
        version: '1',
      },
      servers: [{ url: options.baseUrl }],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(healthRoutes);
  await app.register(campaignsRoutes);
  await app.register(divisionsRoutes);
  await app.register(authRoutes);
  await app.register(accountsRoutes);
  await app.register(organizationsRoutes);
  await app.register(reviewersRoutes);
  await app.register(screeningRoutes);
  await app.register(reviewerPoolRoutes);
  await app.register(conflictsRoutes);
  await app.register(similarityRoutes);
  await app.register(assignmentRoutes);
  await app.register(scoringRoutes);
  await app.register(rankingRoutes);
  await app.register(dashboardRoutes);
  await app.register(selectionRoutes);
  await app.register(noticeRoutes);
  await app.register(publishingRoutes);
  await app.register(exportsRoutes);
  await app.register(casesRoutes);
  await app.register(superiorReviewRoutes);
  await app.register(superiorMemberRoutes);
  await app.register(submittedVersionRoutes);
  await app.register(importsRoutes);
  await app.register(libraryImportRoutes);
  await app.register(caseDocumentsRoutes);
  await app.register(uploadsRoutes);
  await app.register(attachmentsRoutes);
  await app.register(auditRoutes);
  await app.register(mailRoutes);
  await app.register(workbenchRoutes, { demoAccounts: options.demo ? DEMO_ACCOUNTS : [] });
  await app.register(faviconRoutes);
  await app.register(pagesRoutes);
  await app.register(verifyRoutes);
  await app.register(certificatesRoutes);
  await app.register(certificateRoutes);
  await app.register(casePageRoutes);
  await app.register(libraryRoutes);
  await app.register(sitemapRoutes);
  await app.register(feedRoutes);
  await app.register(auditHeadsRoutes);

  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true, response: { 200: z.unknown() } },
  }, async () => app.swagger());

  return app;
}
