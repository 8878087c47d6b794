import type { Hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nameForType } from '../../../core/files/type-extension.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { newId, type Clock } from '../../ids.ts';
import type { StoredBlob } from '../../storage/blob-store.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import { insertBlobIfAbsent } from '../attachments/attachments.repository.ts';
import { countObjectionFiles, insertObjectionFile, lockObjection } from '../notice/notice.repository.ts';
import { EVIDENCE_KIND } from '../notice/objection-evidence.ts';
import { fileTypeNotAllowed, fileUnsafe, tooManyFiles } from './file-errors.ts';
import { inspectFile, isAccepted } from './file-inspection.ts';
import { isReencodedImage, reencodeImage, UnreadableImageError } from './image-reencode.ts';
import { removeUploadBytes } from './upload-file.ts';
import { deleteUpload, listUploadPieces, recordUploadFinished, type UploadRow } from './uploads.repository.ts';

/**
 * Turns a fully received evidence upload into a file of its objection, or refuses it and
 * removes its bytes, with the checks a case's attachment gets (finishUpload): the type by
 * content must be PDF, JPEG, PNG or Word, the file free of active content (macros never
 * allowed), pictures re-encoded without their metadata (a phone photo's location stays with
 * the visitor); stored under its SHA-256, the file and upload rows written in one transaction.
 * Returns the objection file's id.
 */
export async function finishEvidenceUpload(db: Kysely<Database>, upload: UploadRow, runningHash: Hash | undefined, clock: Clock, storage: FileStorage): Promise<string> {
  const objectionId = upload.objection_id!;
  const drop = async () => {
    await deleteUpload(db, upload.id).catch(() => undefined);
    await removeUploadBytes(storage, upload.id).catch(() => undefined);
  };
  const refuse = async (error: Error): Promise<never> => {
    await drop();
    throw error;
  };
  const whole = await storage.uploads.whole(upload.id, upload.length, runningHash, await listUploadPieces(db, upload.id));
  let stored: { blob: StoredBlob; mediaType: string; thumbnail: StoredBlob | null };
  try {
    const inspection = await inspectFile(whole.file, upload.length, { allowMacros: false });
    if (inspection.unsafe) return await refuse(fileUnsafe(upload.file_name, inspection.unsafe));
    if (!isAccepted(inspection.mediaType, EVIDENCE_KIND.accept)) return await refuse(fileTypeNotAllowed(upload.file_name, inspection.mediaType, EVIDENCE_KIND));
    if ((await countObjectionFiles(db, objectionId)) >= EVIDENCE_KIND.maxCount) return await refuse(tooManyFiles(EVIDENCE_KIND));
    if (isReencodedImage(inspection.mediaType)) {
      try {
        const image = await reencodeImage(storage, whole.file, inspection.mediaType);
        stored = { blob: image.blob, mediaType: inspection.mediaType, thumbnail: image.thumbnail };
      } catch (error) {
        if (error instanceof UnreadableImageError) return await refuse(fileUnsafe(upload.file_name, 'image'));
        throw error;
      }
    } else {
      const received = { sha256: whole.sha256, size: upload.length };
      await storage.adopt(whole.file, received, { keepSource: true });
      stored = { blob: received, mediaType: inspection.mediaType, thumbnail: null };
    }
  } finally {
    await whole.release();
  }

  const fileId = newId();
  await inTransaction(db, async (trx) => {
    const stamp = clock().toISOString();
    await lockObjection(trx, objectionId);
    if ((await countObjectionFiles(trx, objectionId)) >= EVIDENCE_KIND.maxCount) throw tooManyFiles(EVIDENCE_KIND);
    await insertBlobIfAbsent(trx, { sha256: stored.blob.sha256, size: stored.blob.size, media_type: stored.mediaType, created_at: stamp });
    // The re-encoder also makes a thumbnail; recorded so the blob store knows whose it is.
    if (stored.thumbnail) await insertBlobIfAbsent(trx, { sha256: stored.thumbnail.sha256, size: stored.thumbnail.size, media_type: 'image/webp', created_at: stamp });
    await insertObjectionFile(trx, {
      id: fileId, objection_id: objectionId, file_name: nameForType(upload.file_name, stored.mediaType),
      sha256: stored.blob.sha256, size: stored.blob.size, media_type: stored.mediaType, created_at: stamp,
    });
    // Two instances finishing one upload make one file.
    if (!(await recordUploadFinished(trx, upload.id, upload.length, fileId, stamp))) throw new AppError('upload_busy');
  }).catch(async (error: unknown) => {
    // A refusal ends the upload; any other failure keeps it, to be finished again (as finishUpload).
    if (error instanceof AppError && error.code !== 'upload_busy') await drop();
    throw error;
  });
  await removeUploadBytes(storage, upload.id).catch(() => undefined);
  return fileId;
}
