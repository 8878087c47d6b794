import type { Hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Campaign } from '../../../core/campaign/campaign.schema.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { newId, type Clock } from '../../ids.ts';
import type { StoredBlob } from '../../storage/blob-store.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { countCaseAttachments, insertAttachment, insertBlobIfAbsent } from '../attachments/attachments.repository.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { requireEditableCase } from '../cases/case-access.ts';
import { lockCase } from '../cases/cases.repository.ts';
import { fileTypeNotAllowed, fileUnsafe, tooManyFiles } from './file-errors.ts';
import { nameForType } from '../../../core/files/type-extension.ts';
import { inspectFile, isAccepted } from './file-inspection.ts';
import { isReencodedImage, reencodeImage, UnreadableImageError } from './image-reencode.ts';
import { removeUploadBytes } from './upload-file.ts';
import { deleteUpload, listUploadPieces, recordUploadFinished, type UploadRow } from './uploads.repository.ts';

interface Stored {
  blob: StoredBlob;
  /** The bytes as they arrived: the same as `blob`, or the original of a re-encoded picture. */
  received: StoredBlob;
  mediaType: string;
  thumbnail: StoredBlob | null;
  width: number | null;
  height: number | null;
}

/**
 * Turns a fully received upload into an attachment, or refuses it and removes its bytes: the
 * real type (by content) must be on the kind's accept list and the file free of active content;
 * pictures are re-encoded without metadata, and their original kept apart (the receipt states
 * its hash); the bytes are stored under their SHA-256 and the blob, attachment and upload rows
 * are written in one transaction, on a case still editable, under a name whose extension is
 * the type's (nameForType).
 */
export async function finishUpload(db: Kysely<Database>, actor: Actor, upload: UploadRow, runningHash: Hash | undefined, clock: Clock, storage: FileStorage): Promise<string> {
  // The refusal is the answer; bytes a failed removal leaves are swept later (removeLeftovers).
  const refuse = async (error: Error): Promise<never> => {
    await deleteUpload(db, upload.id);
    await removeUploadBytes(storage, upload.id).catch(() => undefined);
    throw error;
  };
  const caseId = upload.case_id;
  if (caseId === null) throw new AppError('not_found');
  const { campaign } = await requireEditableCase(db, actor, caseId, clock());
  // The hash kept while the bytes arrived, or (after a restart, or with S3) one pass over them.
  const whole = await storage.uploads.whole(upload.id, upload.length, runningHash, await listUploadPieces(db, upload.id));
  try {
    return await finishWhole(db, actor, { ...upload, case_id: caseId }, whole.file, { sha256: whole.sha256, size: upload.length }, clock, storage, campaign.definition, refuse);
  } finally {
    await whole.release();
  }
}

async function finishWhole(
  db: Kysely<Database>, actor: Actor, upload: UploadRow & { case_id: string }, file: string, received: StoredBlob, clock: Clock, storage: FileStorage,
  campaign: Campaign, refuse: (error: Error) => Promise<never>,
): Promise<string> {
  const kind = campaign.attachments.find((k) => k.key === upload.kind)!;
  const inspection = await inspectFile(file, upload.length, { allowMacros: campaign.allowMacroDocuments });
  if (inspection.unsafe) return refuse(fileUnsafe(upload.file_name, inspection.unsafe));
  if (!isAccepted(inspection.mediaType, kind.accept)) return refuse(fileTypeNotAllowed(upload.file_name, inspection.mediaType, kind));
  if ((await countCaseAttachments(db, upload.case_id, kind.key)) >= kind.maxCount) return refuse(tooManyFiles(kind));

  let stored: Stored;
  if (isReencodedImage(inspection.mediaType)) {
    let image;
    try {
      image = await reencodeImage(storage, file, inspection.mediaType);
    } catch (error) {
      if (error instanceof UnreadableImageError) return refuse(fileUnsafe(upload.file_name, 'image'));
      throw error;
    }
    await storage.adopt(file, received, { keepSource: true });
    stored = { blob: image.blob, received, mediaType: inspection.mediaType, thumbnail: image.thumbnail, width: image.width, height: image.height };
  } else {
    await storage.adopt(file, received, { keepSource: true });
    stored = { blob: received, received, mediaType: inspection.mediaType, thumbnail: null, width: null, height: null };
  }

  const attachmentId = newId();
  const fileName = nameForType(upload.file_name, stored.mediaType);
  await inTransaction(db, async (trx) => {
    const now = clock();
    await lockCase(trx, upload.case_id);
    await requireEditableCase(trx, actor, upload.case_id, now);
    if ((await countCaseAttachments(trx, upload.case_id, kind.key)) >= kind.maxCount) throw tooManyFiles(kind);
    const stamp = now.toISOString();
    await insertBlobIfAbsent(trx, { sha256: stored.blob.sha256, size: stored.blob.size, media_type: stored.mediaType, created_at: stamp });
    if (stored.received.sha256 !== stored.blob.sha256) {
      await insertBlobIfAbsent(trx, { sha256: stored.received.sha256, size: stored.received.size, media_type: stored.mediaType, created_at: stamp });
    }
    if (stored.thumbnail) {
      await insertBlobIfAbsent(trx, { sha256: stored.thumbnail.sha256, size: stored.thumbnail.size, media_type: 'image/webp', created_at: stamp });
    }
    await insertAttachment(trx, {
      id: attachmentId, case_id: upload.case_id, kind: kind.key, file_name: fileName,
      sha256: stored.blob.sha256, size: stored.blob.size, media_type: stored.mediaType,
      thumbnail_sha256: stored.thumbnail?.sha256 ?? null, width: stored.width, height: stored.height,
      created_by: actor.userId, created_at: stamp, removed_at: null,
      received_sha256: stored.received.sha256, received_size: stored.received.size,
    });
    // Two instances finishing one upload (the first stalled past its lease) make one attachment.
    if (!(await recordUploadFinished(trx, upload.id, upload.length, attachmentId, stamp))) throw new AppError('upload_busy');
    await appendAudit(trx, {
      actorId: actor.userId, actorLabel: actorLabel(actor), action: 'attachment.add', subjectType: 'case', subjectId: upload.case_id,
      change: { attachmentId, kind: kind.key, fileName, sha256: stored.blob.sha256, size: stored.blob.size, mediaType: stored.mediaType, receivedSha256: stored.received.sha256 },
    }, now);
  }).catch(async (error: unknown) => {
    // A refusal (the case no longer editable, the kind full) ends the upload; the blob stays, as
    // another attachment may share it. Any other failure (a lost connection, a busy database)
    // keeps it: the client is asked for the last byte again and finishing is tried once more.
    if (error instanceof AppError && error.code !== 'upload_busy') {
      await deleteUpload(db, upload.id).catch(() => undefined);
      await removeUploadBytes(storage, upload.id).catch(() => undefined);
    }
    throw error;
  });
  // Only now that the attachment is committed may the bytes leave the upload (they stayed so a
  // crash before the commit leaves an upload to finish again). The file is stored whatever
  // happens here: bytes a failed removal leaves are swept later (removeLeftovers).
  await removeUploadBytes(storage, upload.id).catch(() => undefined);
  return attachmentId;
}
