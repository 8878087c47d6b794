import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { EVIDENCE_LIMITS, type ObjectionFile } from '../../../core/api/notice.ts';
import { noticeStage } from '../../../core/notice/notice-rules.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { StoredFile } from '../attachments/attachments.service.ts';
import type { Actor } from '../auth/actor.ts';
import { campaignForOrganizer } from '../screening/screening.service.ts';
import { findEvidenceTarget, findObjectionFile, listObjectionFiles, saveUploadToken } from './notice.repository.ts';

// Evidence files of an objection (decision 0036). Filing answers a random token; only its
// SHA-256 is kept. Whoever holds it may send files for that objection, with no account, through
// the tus endpoints while the notice runs and for at most a day.

/** How long an upload token lasts at most (never past the end of the notice). */
export const UPLOAD_TOKEN_HOURS = 24;

/** What the tus endpoints know evidence files by: the limits as a kind of attachment. */
export const EVIDENCE_KIND = {
  key: 'objection_evidence',
  name: { 'zh-CN': '异议证据材料', en: 'objection evidence' },
  accept: [...EVIDENCE_LIMITS.accept],
  maxBytes: EVIDENCE_LIMITS.maxBytes,
  maxCount: EVIDENCE_LIMITS.maxCount,
};

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Issues a fresh upload token for the objection (replacing any earlier one) and returns it. */
export async function issueUploadToken(db: Kysely<Database>, objectionId: string, noticeEndsAt: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const day = new Date(now.getTime() + UPLOAD_TOKEN_HOURS * 3_600_000).toISOString();
  const expiresAt = day < noticeEndsAt ? day : noticeEndsAt;
  await saveUploadToken(db, objectionId, hashOf(token), expiresAt);
  return { objectionId, token, expiresAt };
}

/**
 * The objection `token` lets its holder send files to, while the notice runs: not_found for an
 * unknown objection or a token not its own (the same answer, so neither can be probed),
 * notice_not_running once the notice or the token has run out, and objection_resolved once the
 * objection has its outcome.
 */
export async function requireEvidenceUpload(db: Kysely<Database>, objectionId: string, token: string, now: Date) {
  const target = await findEvidenceTarget(db, objectionId);
  const stored = target?.upload_token_hash ? Buffer.from(target.upload_token_hash, 'hex') : undefined;
  const given = Buffer.from(hashOf(token), 'hex');
  if (!target || !stored || stored.length !== given.length || !timingSafeEqual(stored, given)) throw new AppError('not_found');
  const running = noticeStage({ endsAt: target.ends_at, finalizedAt: target.finalized_at }, now) === 'running';
  if (!running || !target.upload_token_expires_at || target.upload_token_expires_at <= now.toISOString()) throw new AppError('notice_not_running');
  // Evidence arriving after the outcome would be read by nobody, and would sit beside the outcome as if weighed.
  if (target.status !== 'open') throw new AppError('objection_resolved');
  return { objectionId: target.id, expiresAt: target.upload_token_expires_at < target.ends_at ? target.upload_token_expires_at : target.ends_at };
}

/** Each objection's evidence files, oldest first, by objection id. */
export async function objectionFilesById(db: Kysely<Database>, campaignId: string): Promise<Map<string, ObjectionFile[]>> {
  const files = new Map<string, ObjectionFile[]>();
  for (const f of await listObjectionFiles(db, campaignId)) {
    const list = files.get(f.objection_id) ?? [];
    list.push({ id: f.id, fileName: f.file_name, size: Number(f.size), mediaType: f.media_type, createdAt: f.created_at });
    files.set(f.objection_id, list);
  }
  return files;
}

/** Organizers of the campaign: one evidence file of one of its objections, to download. */
export async function findObjectionFileForOrganizer(db: Kysely<Database>, actor: Actor, slug: string, objectionId: string, fileId: string): Promise<StoredFile> {
  const campaign = await campaignForOrganizer(db, actor, slug);
  const row = await findObjectionFile(db, campaign.id, objectionId, fileId);
  if (!row) throw new AppError('not_found');
  return { sha256: row.sha256, size: Number(row.size), mediaType: row.media_type, fileName: row.file_name };
}
