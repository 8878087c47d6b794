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

/**
 * Claims a mail for the job attempt holding `claim.token`: a queued mail, or one left sending by
 * an attempt whose lease has since expired (its worker died or stalled mid-send). A mail being
 * sent under a live lease is not claimed. True when this attempt now holds it.
 */
export async function claimMailForSending(db: Kysely<Database>, id: string, claim: { jobId: string; token: string; now: string }): Promise<boolean> {
  const result = await db
    .updateTable('mails')
    .set({ status: 'sending', sending_job_id: claim.jobId, sending_lease_token: claim.token })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([
          eb('status', '=', 'sending'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('jobs')
                .select('jobs.id')
                .whereRef('jobs.id', '=', 'mails.sending_job_id')
                .whereRef('jobs.lease_token', '=', 'mails.sending_lease_token')
                .where('jobs.locked_until', '>', claim.now),
            ),
          ),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// Every change below applies only to a mail this attempt still holds, so an attempt whose claim
// was taken over cannot overwrite what the attempt that took it records.

const released = { sending_job_id: null, sending_lease_token: null } as const;

export async function markMailSent(db: Kysely<Database>, id: string, token: string, sent: { messageId: string; sentAt: string }): Promise<boolean> {
  const result = await db
    .updateTable('mails')
    .set({ status: 'sent', message_id: sent.messageId, sent_at: sent.sentAt, last_error: null, ...released })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('sending_lease_token', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markMailKept(db: Kysely<Database>, id: string, token: string): Promise<boolean> {
  const result = await db
    .updateTable('mails')
    .set({ status: 'kept', ...released })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('sending_lease_token', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Keeps the last delivery error; `status` is 'queued' while retries remain, 'failed' after the last. */
export async function recordMailError(db: Kysely<Database>, id: string, token: string, error: string, status: 'queued' | 'failed'): Promise<void> {
  await db
    .updateTable('mails')
    .set({ status, last_error: error, ...released })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('sending_lease_token', '=', token)
    .execute();
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
