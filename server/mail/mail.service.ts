import type { Kysely } from 'kysely';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Database } from '../db/schema.ts';
import { newId, type Clock } from '../ids.ts';
import { enqueueJob, type JobHandler } from '../jobs/jobs.service.ts';
import {
  claimMailForSending, findMailById, insertMail, listMailRows, markMailKept, markMailSent, recordMailError, type MailRow, type MailStatus,
} from './mail.repository.ts';
import { renderMail, type MailParams, type MailTemplate } from './mail.templates.ts';
import type { MailTransport } from './mail.transport.ts';

export const MAIL_SEND_JOB = 'mail.send';

export interface OutgoingMail {
  id: string;
  to: string;
  locale: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  status: MailStatus;
  messageId: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The Message-ID a mail always goes out with, so a resent copy is recognisably the same mail. */
export function messageIdOf(mailId: string): string {
  return `<${mailId}@zhengji>`;
}

/**
 * Renders a mail and stores it queued together with its 'mail.send' job, both in the caller's
 * transaction (or in one of their own when given a plain connection): the mail goes out exactly
 * when the change that caused it commits. Returns the mail's id.
 */
export async function queueMail<T extends MailTemplate>(
  db: Kysely<Database>,
  mail: { to: string; locale: Locale; template: T; params: MailParams[T] },
  now: Date,
): Promise<string> {
  const rendered = renderMail(mail.template, mail.locale, mail.params);
  const id = newId();
  const write = async (trx: Kysely<Database>) => {
    await insertMail(trx, {
      id,
      to_email: mail.to,
      locale: mail.locale,
      template: mail.template,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      status: 'queued',
      message_id: null,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    });
    await enqueueJob(trx, { kind: MAIL_SEND_JOB, payload: { mailId: id } }, now);
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return id;
}

/**
 * The 'mail.send' job. The attempt first claims the mail (queued → sending, under its lease
 * token), so a second worker that got the same job, or another job for the same mail, does not
 * send it while this attempt's lease lives. It is then sent through the transport with a stable
 * Message-ID, or kept for organizers to read when no transport is configured. A failed send
 * records the error and puts the mail back in the queue, or marks it failed after the last
 * attempt, and throws so the job retries. A mail sent, kept or failed is never sent again; one
 * left sending by an attempt whose lease expired is sent again (decision 0006).
 */
export function createMailSendHandler(options: {
  db: Kysely<Database>;
  transport: MailTransport | undefined;
  from: string;
  clock: Clock;
}): JobHandler {
  const { db, transport, from, clock } = options;
  return async (payload, ctx) => {
    const mailId = (payload as { mailId?: unknown } | null)?.mailId;
    if (typeof mailId !== 'string') throw new TypeError(`${MAIL_SEND_JOB}: payload has no mailId`);
    const mail = await findMailById(db, mailId);
    if (!mail || (mail.status !== 'queued' && mail.status !== 'sending')) return;
    const token = ctx.leaseToken;
    if (!(await claimMailForSending(db, mail.id, { jobId: ctx.jobId, token, now: clock().toISOString() }))) return;
    if (!transport) {
      await markMailKept(db, mail.id, token);
      return;
    }
    const messageId = messageIdOf(mail.id);
    try {
      await transport.send({ from, to: mail.to_email, subject: mail.subject, text: mail.text_body, html: mail.html_body, messageId });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await recordMailError(db, mail.id, token, message, ctx.isLastAttempt ? 'failed' : 'queued');
      throw error;
    }
    await markMailSent(db, mail.id, token, { messageId, sentAt: clock().toISOString() });
  };
}

/** Outgoing mail newest first, for organizers; `search` matches recipient or subject, ignoring case. */
export async function listOutgoingMail(
  db: Kysely<Database>,
  filter: { search?: string; status?: MailStatus; limit: number; offset: number },
): Promise<{ total: number; items: OutgoingMail[] }> {
  const { total, rows } = await listMailRows(db, filter);
  return { total, items: rows.map(toOutgoingMail) };
}

function toOutgoingMail(row: MailRow): OutgoingMail {
  return {
    id: row.id,
    to: row.to_email,
    locale: row.locale,
    template: row.template,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    status: row.status,
    messageId: row.message_id,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
