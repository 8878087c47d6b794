import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, UploadsTable } from '../../db/schema.ts';
import type { UploadPiece } from '../../storage/file-storage.ts';

export type UploadRow = Selectable<UploadsTable>;

export async function insertUpload(db: Kysely<Database>, row: Insertable<UploadsTable>): Promise<void> {
  await db.insertInto('uploads').values(row).execute();
}

export async function findUpload(db: Kysely<Database>, id: string): Promise<UploadRow | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUpload(db: Kysely<Database>, id: string, values: Updateable<UploadsTable>): Promise<void> {
  await db.updateTable('uploads').set(values).where('id', '=', id).execute();
}

/** Which of `ids` have a row. */
export async function listUploadIds(db: Kysely<Database>, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('uploads').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

export async function deleteUpload(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('uploads').where('id', '=', id).execute();
}

/** Unfinished, unexpired uploads of one kind for a case: bytes on disk that no attachment holds yet. */
export async function countUnfinishedUploads(db: Kysely<Database>, caseId: string, kind: string, now: string): Promise<number> {
  const row = await db.selectFrom('uploads').select((eb) => eb.fn.countAll().as('n'))
    .where('case_id', '=', caseId).where('kind', '=', kind).where('attachment_id', 'is', null).where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Unfinished uploads past their expiry that no instance is writing, oldest first. */
export async function listExpiredUploads(db: Kysely<Database>, now: string, limit: number): Promise<Pick<UploadRow, 'id'>[]> {
  return db.selectFrom('uploads').select('id').where('attachment_id', 'is', null).where('expires_at', '<=', now)
    .where((eb) => eb.or([eb('writer_until', 'is', null), eb('writer_until', '<=', now)]))
    .orderBy('expires_at').limit(limit).execute();
}

/**
 * Records the upload's attachment, unless the upload already has one (another instance that
 * took it over finished it first); whether this call recorded it.
 */
export async function recordUploadFinished(db: Kysely<Database>, id: string, length: number, attachmentId: string, now: string): Promise<boolean> {
  const result = await db.updateTable('uploads').set({ offset: length, attachment_id: attachmentId, updated_at: now })
    .where('id', '=', id).where('attachment_id', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await db.deleteFrom('upload_pieces').where('upload_id', '=', id).execute();
  return true;
}

/** Finished uploads whose record is no longer needed (a client asks about one within minutes). */
export async function deleteFinishedUploadsBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('uploads').where('attachment_id', 'is not', null).where('updated_at', '<', before).execute();
}

/**
 * Takes the writer's lease on an upload until `until`, unless another writer holds one that has
 * not run out; whether it was taken. Renewing one's own lease is taking it again.
 */
export async function claimUploadWriter(db: Kysely<Database>, id: string, writer: string, now: string, until: string): Promise<boolean> {
  const result = await db.updateTable('uploads').set({ writer, writer_until: until }).where('id', '=', id)
    .where((eb) => eb.or([eb('writer', 'is', null), eb('writer', '=', writer), eb('writer_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Saves how far the upload has come, only while `writer` holds its lease: an instance that
 * stalled past its lease must not move back the offset another instance has since moved on.
 * Whether it was saved.
 */
export async function saveUploadOffset(db: Kysely<Database>, id: string, writer: string, offset: number, now: string): Promise<boolean> {
  const result = await db.updateTable('uploads').set({ offset, updated_at: now }).where('id', '=', id).where('writer', '=', writer).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a piece (replacing one from the same start); the name of the piece it replaced. */
export async function recordUploadPiece(trx: Transaction<Database>, id: string, piece: UploadPiece): Promise<string | undefined> {
  const old = await trx.selectFrom('upload_pieces').select('key').where('upload_id', '=', id).where('start', '=', piece.start).executeTakeFirst();
  if (old) await trx.updateTable('upload_pieces').set({ size: piece.size, key: piece.key }).where('upload_id', '=', id).where('start', '=', piece.start).execute();
  else await trx.insertInto('upload_pieces').values({ upload_id: id, ...piece }).execute();
  return old?.key;
}

/** How many pieces are recorded for an upload. */
export async function countUploadPieces(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db.selectFrom('upload_pieces').select((eb) => eb.fn.countAll<string | number>().as('n')).where('upload_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listUploadPieces(db: Kysely<Database>, id: string): Promise<UploadPiece[]> {
  return db.selectFrom('upload_pieces').select(['start', 'size', 'key']).where('upload_id', '=', id).orderBy('start').execute();
}

/**
 * Extends the lease `writer` holds; false when it no longer holds it (it ran out and another
 * writer took it, or it was given back): a lease once lost is never taken back by renewing.
 */
export async function renewUploadWriter(db: Kysely<Database>, id: string, writer: string, until: string): Promise<boolean> {
  const result = await db.updateTable('uploads').set({ writer_until: until }).where('id', '=', id).where('writer', '=', writer).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives the lease back, if this writer still holds it. */
export async function releaseUploadWriter(db: Kysely<Database>, id: string, writer: string): Promise<void> {
  await db.updateTable('uploads').set({ writer: null, writer_until: null }).where('id', '=', id).where('writer', '=', writer).execute();
}

/** Unfinished, unexpired evidence uploads of an objection. */
export async function countUnfinishedEvidenceUploads(db: Kysely<Database>, objectionId: string, now: string): Promise<number> {
  const row = await db.selectFrom('uploads').select((eb) => eb.fn.countAll().as('n'))
    .where('objection_id', '=', objectionId).where('attachment_id', 'is', null).where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
