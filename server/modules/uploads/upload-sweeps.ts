import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { removeTemporaryFilesBefore } from '../../storage/blob-store.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import { removeUploadBytes } from './upload-file.ts';
import { isUploadLocked } from './upload-locks.ts';
import { deleteFinishedUploadsBefore, deleteUpload, listExpiredUploads, listUploadIds } from './uploads.repository.ts';
import { UPLOAD_DAYS } from './uploads.service.ts';

// The periodic sweeps of uploads: expired ones, and what a crashed instance left behind.

/**
 * Removes unfinished uploads past their expiry (their rows and bytes) and the records of
 * finished ones older than the same span; for a periodic job. Returns how many were removed.
 */
export async function removeExpiredUploads(db: Kysely<Database>, now: Date, storage: FileStorage): Promise<number> {
  const expired = await listExpiredUploads(db, now.toISOString(), 500);
  for (const { id } of expired) {
    if (isUploadLocked(id)) continue;
    await deleteUpload(db, id);
    await removeUploadBytes(storage, id);
  }
  await deleteFinishedUploadsBefore(db, new Date(now.getTime() - UPLOAD_DAYS * 86_400_000).toISOString());
  return expired.length;
}

/** How long bytes without a row are left alone: an upload's bytes may come just before its row. */
const LEFTOVER_AGE_MS = 3_600_000;

/**
 * Removes what a crash can leave behind: upload bytes whose row is gone (an instance died
 * between deleting the row and the bytes) and temporary files in DATA_DIR/tmp (one died while
 * checking or storing a file), each only once it is an hour old. For the periodic sweep.
 */
export async function removeLeftovers(db: Kysely<Database>, storage: FileStorage, now: Date): Promise<{ uploads: number; temporary: number }> {
  const before = new Date(now.getTime() - LEFTOVER_AGE_MS);
  let uploads = 0;
  const old: string[] = [];
  for await (const { id, changedAt } of storage.uploads.list()) if (changedAt < before) old.push(id);
  for (let i = 0; i < old.length; i += 500) {
    const batch = old.slice(i, i + 500);
    const known = new Set(await listUploadIds(db, batch));
    for (const id of batch) {
      if (known.has(id) || isUploadLocked(id)) continue;
      await removeUploadBytes(storage, id);
      uploads += 1;
    }
  }
  return { uploads, temporary: await removeTemporaryFilesBefore(storage.dataDir, before) };
}
