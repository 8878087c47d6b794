import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, MailsTable } from '../db/schema.ts';

export type MailRow = Selectable<MailsTable>;
export type MailStatus = MailsTable['status'];

export async function insertMail(db: Kysely<Database>, row: Insertable<MailsTable>): Promise<void> {
  await db.insertInto('mails').values(row).execute();
}

export async function findMailById(db: Kysely<Database>, id: string): Promise<MailRow | undefined> {
  return db.selectFrom('mails').selectAll().where('id', '=', id).executeTakeFirst();
}

// Every change below applies only to a queued mail, so a mail is sent or kept at most once.

export async function markMailSent(db: Kysely<Database>, id: string, sent: { messageId: string; sentAt: string }): Promise<boolean> {
  const result = await db
    .updateTable('mails')
    .set({ status: 'sent', message_id: sent.messageId, sent_at: sent.sentAt, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markMailKept(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.updateTable('mails').set({ status: 'kept' }).where('id', '=', id).where('status', '=', 'queued').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Keeps the last delivery error; `status` is 'queued' while retries remain, 'failed' after the last. */
export async function recordMailError(db: Kysely<Database>, id: string, error: string, status: 'queued' | 'failed'): Promise<void> {
  await db.updateTable('mails').set({ status, last_error: error }).where('id', '=', id).where('status', '=', 'queued').execute();
}

/** Mails newest first; `search` matches the recipient or the subject, ignoring case, on both engines. */
export async function listMailRows(
  db: Kysely<Database>,
  filter: { search?: string; status?: MailStatus; limit: number; offset: number },
): Promise<{ total: number; rows: MailRow[] }> {
  let query = db.selectFrom('mails');
  if (filter.status) query = query.where('status', '=', filter.status);
  const search = filter.search?.trim();
  if (search) {
    // LIKE is case-sensitive on PostgreSQL and ASCII-only case-blind on SQLite: compare lower()
    // of both sides; the explicit ESCAPE makes % and _ in the search literal on both engines.
    const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref('to_email')}) like ${pattern} escape '\\'`,
        sql<boolean>`lower(${eb.ref('subject')}) like ${pattern} escape '\\'`,
      ]),
    );
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number | string | bigint>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total: Number(total), rows };
}
