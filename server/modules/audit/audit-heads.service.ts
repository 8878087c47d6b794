import type { Kysely } from 'kysely';
import { formatDateInZone } from '../../../core/time/zoned-time.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { PeriodicJob } from '../../jobs/jobs.periodic.ts';
import type { JobHandler, JobLog } from '../../jobs/jobs.service.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { findAuditHead, insertPublishedHead, listPlatformOrganizerAddresses, listPublishedHeads } from './audit.repository.ts';
import { sealAllAudit } from './audit.service.ts';

// The chain's head leaves the database once a day: mailed to every platform organizer and shown
// on a public page. Whoever rewrites the whole log, head included, cannot take back those copies;
// `verifyAuditChain` checks the log against the published ones, `audit:verify --head` against a
// mailed one (decision 0026).

export const AUDIT_HEAD_JOB = 'audit.publish_head';
/** Daily, once across all instances; periods align to 00:00 UTC, 08:00 in Beijing. */
export const AUDIT_HEAD_PERIODIC: PeriodicJob = { kind: AUDIT_HEAD_JOB, everyMs: 86_400_000 };

export const AUDIT_HEADS_PATH = '/audit-heads';

export interface PublishedHead {
  day: string;
  seq: number;
  hash: string;
  publishedAt: string;
}

/**
 * Seals what waits and publishes the head for the Beijing day `now` falls in, mailing it to the
 * platform organizers in the same transaction; once per day however often it runs. Returns the
 * head published, or null when the day had one already or the log is still empty.
 */
export async function publishAuditHead(db: Kysely<Database>, now: Date, baseUrl: string): Promise<PublishedHead | null> {
  await sealAllAudit(db);
  const head = await findAuditHead(db);
  if (!head || head.seq === 0) return null;
  const published: PublishedHead = { day: formatDateInZone(now, 'Asia/Shanghai'), seq: head.seq, hash: head.hash, publishedAt: now.toISOString() };
  return inTransaction(db, async (trx) => {
    if (!(await insertPublishedHead(trx, { day: published.day, seq: published.seq, hash: published.hash, published_at: published.publishedAt }))) return null;
    for (const organizer of await listPlatformOrganizerAddresses(trx)) {
      await queueMail(trx, {
        to: organizer.email,
        locale: organizer.locale ?? 'zh-CN',
        template: 'audit_head',
        params: { day: published.day, seq: published.seq, hash: published.hash, link: `${baseUrl}${AUDIT_HEADS_PATH}` },
      }, now);
    }
    return published;
  });
}

/** The heads published so far, newest first (the public page shows a year of them). */
export async function listAuditHeads(db: Kysely<Database>, limit = 366): Promise<PublishedHead[]> {
  return (await listPublishedHeads(db, limit)).map((r) => ({ day: r.day, seq: Number(r.seq), hash: r.hash, publishedAt: r.published_at }));
}

export function createAuditHeadHandler(options: { db: Kysely<Database>; baseUrl: string; log: JobLog }): JobHandler {
  return async (_payload, ctx) => {
    const published = await publishAuditHead(options.db, ctx.now, options.baseUrl);
    if (published) options.log.info({ day: published.day, seq: published.seq, hash: published.hash }, 'audit head published');
  };
}
