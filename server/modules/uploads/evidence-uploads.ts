import type { Kysely } from 'kysely';
import { EVIDENCE_LIMITS } from '../../../core/api/notice.ts';
import { checkFileName, fileExtension } from '../../../core/files/file-name.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import { countObjectionFiles, lockObjection } from '../notice/notice.repository.ts';
import { EVIDENCE_KIND, requireEvidenceUpload } from '../notice/objection-evidence.ts';
import { fileTooLarge, fileTypeNotAllowed, tooManyFiles } from './file-errors.ts';
import { removeUploadBytes } from './upload-file.ts';
import { countUnfinishedEvidenceUploads, insertUpload } from './uploads.repository.ts';

// Evidence files of an objection start here (decision 0036); their bytes then travel the same
// tus PATCHes as a case's files, and finishEvidenceUpload keeps them.

export interface EvidenceUploadRequest {
  objectionId: string;
  token: string;
  fileName: string;
  length: number;
}

/** Retries beyond the count, as for a case's files: abandoned uploads hold disk until they expire. */
const UNFINISHED_SLACK = 2;

/**
 * Starts an evidence upload for the holder of the objection's token while the notice runs,
 * refusing before a byte is sent a bad name, a name that is no PDF, picture or Word file, a file
 * over the size limit, and a sixth file.
 */
export async function createEvidenceUpload(db: Kysely<Database>, input: EvidenceUploadRequest, now: Date, storage: FileStorage): Promise<{ id: string }> {
  const { objectionId, expiresAt } = await requireEvidenceUpload(db, input.objectionId, input.token, now);
  const name = checkFileName(input.fileName);
  if (!name.ok) throw new AppError('file_name_invalid', {}, { problem: name.problem });
  const extension = fileExtension(name.name);
  if (!(EVIDENCE_LIMITS.extensions as readonly string[]).includes(extension)) throw fileTypeNotAllowed(name.name, extension ? `.${extension}` : name.name, EVIDENCE_KIND);
  if (input.length > EVIDENCE_KIND.maxBytes) throw fileTooLarge(name.name, EVIDENCE_KIND);
  const id = newId();
  await storage.uploads.create(id);
  const stamp = now.toISOString();
  await inTransaction(db, async (trx) => {
    await lockObjection(trx, objectionId);
    const finished = await countObjectionFiles(trx, objectionId);
    if (finished >= EVIDENCE_KIND.maxCount || finished + (await countUnfinishedEvidenceUploads(trx, objectionId, stamp)) >= EVIDENCE_KIND.maxCount + UNFINISHED_SLACK) {
      throw tooManyFiles(EVIDENCE_KIND);
    }
    await insertUpload(trx, {
      id, case_id: null, objection_id: objectionId, kind: EVIDENCE_KIND.key, file_name: name.name, length: input.length, offset: 0,
      created_by: null, created_at: stamp, updated_at: stamp, expires_at: expiresAt, attachment_id: null,
    });
  }).catch(async (error: unknown) => {
    await removeUploadBytes(storage, id).catch(() => undefined);
    throw error;
  });
  return { id };
}
