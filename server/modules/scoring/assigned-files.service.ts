import type { Kysely } from 'kysely';
import { maskIdentity } from '../../../core/review/blind.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import type { Actor } from '../auth/actor.ts';
import { findAttachment, findBlob } from '../attachments/attachments.repository.ts';
import type { StoredFile } from '../attachments/attachments.service.ts';
import { getCampaignById } from '../campaigns/campaigns.service.ts';
import { submittedCaseOf, visibleFilesOf } from './scoring.present.ts';
import { ownAssignment } from './scoring.service.ts';

/**
 * A file of the caller's assigned version, or its thumbnail: only one the assigned version names
 * and, in blind review, not the filled or sealed declaration form, whose name is masked too.
 * Anything else answers like a file that does not exist.
 */
export async function findAssignedFile(app: { db: Kysely<Database>; storage: FileStorage; log: { error(details: object, message: string): void } }, actor: Actor, id: string, attachmentId: string, which: 'file' | 'thumbnail'): Promise<StoredFile> {
  const a = await ownAssignment(app.db, actor, id);
  const campaign = await getCampaignById(app.db, a.campaign_id);
  const file = visibleFilesOf(a, campaign).find((f) => f.id === attachmentId);
  const row = file ? await findAttachment(app.db, attachmentId) : undefined;
  if (!file || !row) throw new AppError('not_found');
  const fileName = maskIdentity(file.fileName, submittedCaseOf(a, campaign).identities);
  let stored: StoredFile = { sha256: file.sha256, size: file.size, mediaType: file.mediaType, fileName };
  if (which === 'thumbnail') {
    const blob = row.thumbnail_sha256 ? await findBlob(app.db, row.thumbnail_sha256) : undefined;
    if (!blob) throw new AppError('not_found');
    stored = { sha256: blob.sha256, size: Number(blob.size), mediaType: 'image/webp', fileName: `${fileName.replace(/\.[^.]*$/, '')}.webp` };
  }
  if (!(await app.storage.has(stored))) {
    app.log.error({ sha256: stored.sha256 }, 'a stored file is missing from the blob store');
    throw new AppError('not_found');
  }
  return stored;
}
