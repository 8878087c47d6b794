import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AttachmentsTable, BlobsTable, Database } from '../../db/schema.ts';

export type AttachmentRow = Selectable<AttachmentsTable>;

/** Records a stored blob; the same bytes stored twice are one row. */
export async function insertBlobIfAbsent(db: Kysely<Database>, row: Insertable<BlobsTable>): Promise<void> {
  await db.insertInto('blobs').values(row).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}

export async function insertAttachment(db: Kysely<Database>, row: Insertable<AttachmentsTable>): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

export async function findAttachment(db: Kysely<Database>, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The attachments of a case still in its working copy, oldest first. */
export async function listCaseAttachments(db: Kysely<Database>, caseId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countCaseAttachments(db: Kysely<Database>, caseId: string, kind: string): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Takes an attachment out of the working copy; false when it was already out. */
export async function markAttachmentRemoved(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('attachments').set({ removed_at: at }).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findBlob(db: Kysely<Database>, sha256: string): Promise<Selectable<BlobsTable> | undefined> {
  return db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}
