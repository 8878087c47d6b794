import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { loadCaseForUnit, loadVisibleCase, requireEditableCase } from '../cases/case-access.ts';
import { presentAttachment, type AttachmentView } from './attachments.present.ts';
import { findAttachment, findBlob, listCaseAttachments, markAttachmentRemoved } from './attachments.repository.ts';

export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  /** Bytes only ever saved to disk, never shown in the browser: a picture's original. */
  downloadOnly?: boolean;
}

/** The attachments in a case's working copy, for whoever may see the case. */
export async function listAttachments(db: Kysely<Database>, actor: Actor, caseId: string): Promise<AttachmentView[]> {
  await loadVisibleCase(db, actor, caseId);
  return (await listCaseAttachments(db, caseId)).map(presentAttachment);
}

/** Takes an attachment out of the draft while the case is editable; its blob stays for the submissions that name it. */
export async function removeAttachment(trx: Transaction<Database>, actor: Actor, id: string, now: Date): Promise<void> {
  const row = await findAttachment(trx, id);
  if (!row) throw new AppError('not_found');
  await requireEditableCase(trx, actor, row.case_id, now);
  if (!(await markAttachmentRemoved(trx, id, now.toISOString()))) throw new AppError('not_found');
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'attachment.remove', subjectType: 'case', subjectId: row.case_id,
    change: { attachmentId: id, kind: row.kind, fileName: row.file_name, sha256: row.sha256 },
  }, now);
}

/**
 * Which stored bytes an attachment's file or thumbnail is, for whoever may see its case; its
 * original (the bytes as received, whose hash the receipt states) for its unit only, since a
 * picture's original keeps the metadata (a location) the stored copy was cleaned of. A removed
 * attachment stays readable: a submitted version may name it.
 */
export async function findAttachmentFile(db: Kysely<Database>, actor: Actor, id: string, which: 'file' | 'thumbnail' | 'original'): Promise<StoredFile> {
  const row = await findAttachment(db, id);
  if (!row) throw new AppError('not_found');
  if (which === 'original') {
    await loadCaseForUnit(db, actor, row.case_id);
    if (!row.received_sha256 || row.received_size === null) throw new AppError('not_found');
    return { sha256: row.received_sha256, size: Number(row.received_size), mediaType: row.media_type, fileName: row.file_name, downloadOnly: true };
  }
  await loadVisibleCase(db, actor, row.case_id);
  if (which === 'file') return { sha256: row.sha256, size: Number(row.size), mediaType: row.media_type, fileName: row.file_name };
  if (!row.thumbnail_sha256) throw new AppError('not_found');
  const blob = await findBlob(db, row.thumbnail_sha256);
  if (!blob) throw new AppError('not_found');
  const base = row.file_name.replace(/\.[^.]*$/, '');
  return { sha256: row.thumbnail_sha256, size: Number(blob.size), mediaType: 'image/webp', fileName: `${base}.webp` };
}
