import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, warnCheckpointerFailure, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openStorage } from './storage/open-storage.ts';
import { checkBucket } from './storage/s3-storage.ts';
import { buildApp } from './app.ts';
import type { PageCacheLimits } from './modules/public-cache/page-cache.ts';
import { systemClock, type Clock } from './ids.ts';
import { AUDIT_HEAD_JOB, AUDIT_HEAD_PERIODIC, createAuditHeadHandler } from './modules/audit/audit-heads.service.ts';
import { startAuditSealer } from './modules/audit/audit-sealer.ts';
import { ensureFirstOrganizer } from './modules/accounts/accounts.service.ts';
import { removeExpiredUploads, removeLeftovers } from './modules/uploads/upload-sweeps.ts';
import { readCampaignFiles } from './modules/campaigns/campaign-files.ts';
import { syncCampaigns } from './modules/campaigns/campaigns.service.ts';
import { CLEANUP_JOB, CLEANUP_PERIODIC, createCleanupHandler } from './jobs/cleanup.service.ts';
import { createReviewRemindersHandler, REVIEW_REMINDERS_JOB, REVIEW_REMINDERS_PERIODIC } from './modules/scoring/review-reminders.service.ts';
import { startJobWorker } from './jobs/jobs.worker.ts';
import { createMailSendHandler, MAIL_SEND_JOB } from './mail/mail.service.ts';
import { createSmtpTransport } from './mail/mail.transport.ts';
import { similarityJobHandlers } from './modules/similarity/similarity.jobs.ts';

export interface Started {
  app: FastifyInstance;
  database: DatabaseHandle;
}

/**
 * Everything between a valid config and a ready app, in order: campaign files (fail fast on a
 * bad one), database, migrations, campaigns, first organizer, the job worker. The worker and the
 * database close with the app.
 */
export async function startApp(
  config: Config,
  options: { logger?: FastifyServerOptions['logger']; clock?: Clock; jobIntervalMs?: number; auditSealIntervalMs?: number; publicCache?: PageCacheLimits } = {},
): Promise<Started> {
  const clock = options.clock ?? systemClock;
  const sources = readCampaignFiles(config.campaignsDir);
  // The app's logger exists only once the app is built; a failure before then is a warning.
  let logCheckpointerFailure: ((error: Error) => void) | undefined;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    backgroundCheckpoints: true,
    unitTimeLimitMs: config.sqliteUnitTimeLimitMs,
    onCheckpointerFailure: (error) => (logCheckpointerFailure ?? warnCheckpointerFailure)(error),
  });
  try {
    const ran = await migrateToLatest(database.db);
    const synced = await syncCampaigns(database.db, sources, clock());
    const organizer = await ensureFirstOrganizer(database.db, config.admin, clock());
    if (config.s3) await checkBucket(config.s3);
    const storage = openStorage(config);
    const app = await buildApp({
      db: database.db,
      engine: database.engine,
      baseUrl: config.baseUrl,
      dataDir: config.dataDir,
      storage,
      clock,
      logger: options.logger,
      trustProxy: config.trustProxy,
      demo: config.demo,
      shedding: config.shedding,
      publicCache: options.publicCache,
    });
    logCheckpointerFailure = (error) => app.log.error({ err: error }, 'the SQLite checkpoint worker stopped; checkpoints are back in commits');
    // Background work runs in every instance; leases keep two from taking one job, and a
    // periodic job is enqueued once per period across instances (decision 0006).
    const worker = startJobWorker({
      db: database.db,
      engine: database.engine,
      handlers: {
        [MAIL_SEND_JOB]: createMailSendHandler({
          db: database.db,
          transport: config.smtpUrl ? createSmtpTransport(config.smtpUrl) : undefined,
          from: config.mailFrom,
          clock,
        }),
        [CLEANUP_JOB]: createCleanupHandler({ db: database.db, log: app.log }),
        ...similarityJobHandlers(database.db),
        [REVIEW_REMINDERS_JOB]: createReviewRemindersHandler({ db: database.db, baseUrl: config.baseUrl, log: app.log }),
        [AUDIT_HEAD_JOB]: createAuditHeadHandler({ db: database.db, baseUrl: config.baseUrl, log: app.log }),
      },
      periodic: [CLEANUP_PERIODIC, REVIEW_REMINDERS_PERIODIC, AUDIT_HEAD_PERIODIC],
      log: app.log,
      intervalMs: options.jobIntervalMs ?? 2000,
      clock,
    });
    const sealer = startAuditSealer({ db: database.db, intervalMs: options.auditSealIntervalMs, log: app.log });
    // Unfinished uploads past their expiry give back their space, and what a crash left behind
    // (bytes without a row, temporary files) goes, hourly in every instance (removing one twice
    // is harmless); the first sweep runs soon after start.
    const sweepUploads = () => {
      removeExpiredUploads(database.db, clock(), storage)
        .then(async (removed) => {
          const leftovers = await removeLeftovers(database.db, storage, clock());
          if (removed > 0 || leftovers.uploads > 0 || leftovers.temporary > 0) app.log.info({ removed, leftovers }, 'expired uploads and leftovers removed');
        })
        .catch((error: unknown) => app.log.error({ err: error }, 'expired upload sweep failed'));
    };
    const firstSweep = setTimeout(sweepUploads, 60_000).unref();
    const sweeper = setInterval(sweepUploads, 3_600_000).unref();
    app.addHook('onClose', async () => {
      clearTimeout(firstSweep);
      clearInterval(sweeper);
      await worker.stop();
      await sealer.stop();
      await database.close();
    });
    app.log.info({ engine: database.engine, database: database.location, migrations: ran }, 'database ready');
    app.log.info({ campaigns: synced }, 'campaigns loaded');
    if (organizer === 'not-configured') {
      app.log.warn('no organizer account yet: set ZHENGJI_ADMIN_EMAIL and ZHENGJI_ADMIN_PASSWORD and restart to create one');
    } else if (organizer !== 'organizer-exists') {
      app.log.info({ email: config.admin?.email, outcome: organizer }, 'first organizer account ready');
    }
    return { app, database };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
