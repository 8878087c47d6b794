import type { Kysely } from 'kysely';
import { maskIdentity } from '../../../core/review/blind.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
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
export async function findAssignedFile(db: Kysely<Database>, actor: Actor, id: string, attachmentId: string, which: 'file' | 'thumbnail'): Promise<StoredFile> {
  const a = await ownAssignment(db, actor, id);
  const campaign = await getCampaignById(db, a.campaign_id);
  const file = visibleFilesOf(a, campaign).find((f) => f.id === attachmentId);
  const row = file ? await findAttachment(db, attachmentId) : undefined;
  if (!file || !row) throw new AppError('not_found');
  const fileName = maskIdentity(file.fileName, submittedCaseOf(a, campaign).identities);
  let stored: StoredFile = { sha256: file.sha256, size: file.size, mediaType: file.mediaType, fileName };
  if (which === 'thumbnail') {
    const blob = row.thumbnail_sha256 ? await findBlob(db, row.thumbnail_sha256) : undefined;
    if (!blob) throw new AppError('not_found');
    stored = { sha256: blob.sha256, size: Number(blob.size), mediaType: 'image/webp', fileName: `${fileName.replace(/\.[^.]*$/, '')}.webp` };
  }
  return stored;
}
