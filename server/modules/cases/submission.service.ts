import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { canonicalCase } from '../../../core/case/canonical.ts';
import type { CaseContent } from '../../../core/case/case-content.ts';
import { canWithdraw, submissionWindow } from '../../../core/case/case-status.ts';
import { preflight, type Problem } from '../../../core/case/preflight.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { formatDateInZone, formatInZone } from '../../../core/time/zoned-time.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { findLiveOrganization } from '../organizations/organizations.repository.ts';
import { receiptVerifyUrl } from '../receipts/receipt-check.service.ts';
import { enqueueCaseCheck } from '../similarity/similarity.jobs.ts';
import { requirePhaseOpen } from '../campaigns/campaign-phase.service.ts';
import { editWindowOf, loadCaseForUnit, loadVisibleCase, type CaseInContext } from './case-access.ts';
import { transitionCase } from './case-transition.ts';
import { currentRecommendation } from './content-hash.ts';
import { presentReceipt, type Receipt, type ReceiptAttachment } from './cases.present.ts';
import {
  findSubmission,
  findSubmissionByRequest,
  insertSubmission,
  listLiveAttachments,
  listSubmissions,
  markSubmissionWithdrawn,
} from './cases.repository.ts';

/** Whether an attachment's stored bytes are there and whole; supplied by the file store. */
export type AttachmentCheck = (attachment: { sha256: string; size: number }) => Promise<boolean>;

/**
 * Submitting trusts the rows: each file was checked and stored when its upload finished, and a
 * look at the storage per file inside the transaction would hold every submission up (with S3,
 * one request per file). The checklist shown before it still looks (casePreflight).
 */
export const storedWhenFinished: AttachmentCheck = async () => true;

/** The preflight problems, with the live attachments and the parsed content they were found in. */
async function checkCase(db: Kysely<Database>, c: CaseInContext, readable: AttachmentCheck) {
  const [attachments, unit] = await Promise.all([listLiveAttachments(db, c.row.id), findLiveOrganization(db, c.row.organization_id)]);
  const checked = await Promise.all(attachments.map(async (a) => ({ kind: a.kind, fileName: a.file_name, readable: await readable(a) })));
  const content = JSON.parse(c.row.content) as CaseContent;
  const problems = preflight({
    campaign: c.campaign.definition,
    content,
    attachments: checked,
    unit: {
      address: unit?.address ?? null,
      contactName: unit?.contact_name ?? null,
      contactPhone: unit?.contact_phone ?? null,
      contactEmail: unit?.contact_email ?? null,
      superiorName: c.row.superior_name || unit?.superior_name || null,
    },
    recommendation: currentRecommendation(c.row, c.campaign.definition.slug),
  });
  return { problems, attachments, content };
}

async function problemsOf(db: Kysely<Database>, c: CaseInContext, readable: AttachmentCheck): Promise<Problem[]> {
  return (await checkCase(db, c, readable)).problems;
}

/** The checklist the page shows before submitting: the same list submit refuses with. */
export async function casePreflight(db: Kysely<Database>, actor: Actor, id: string, readable: AttachmentCheck): Promise<Problem[]> {
  return problemsOf(db, await loadVisibleCase(db, actor, id), readable);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "Z7-20240501-7K3M9QX2": edition, the campaign-zone date, and 8 random Crockford characters. */
function receiptNumber(edition: number, now: Date, timeZone: string): string {
  const random = [...randomBytes(8)].map((b) => CROCKFORD[b % 32]).join('');
  return `Z${edition}-${formatDateInZone(now, timeZone).replaceAll('-', '')}-${random}`;
}

export interface SubmitContext {
  readable: AttachmentCheck;
  baseUrl: string;
}

/**
 * Submits the working copy as a new immutable version, inside the window by the server's clock
 * at commit. The request key is stored with it (unique per case): a repeated request fails here,
 * as a case already submitted or a lost race, and its caller answers with `receiptForRequest`,
 * so a double click or a retried request makes one submission.
 */
export async function submitCase(trx: Transaction<Database>, actor: Actor, id: string, requestKey: string, now: Date, context: SubmitContext): Promise<Receipt> {
  const c = await loadCaseForUnit(trx, actor, id);

  const campaign = c.campaign.definition;
  const window = submissionWindow(editWindowOf(c, now));
  if (window !== 'open') {
    // A returned case stays open until the later of its return date and the deadline.
    const returnDue = c.row.status === 'returned' && c.row.return_due_at && c.row.return_due_at > c.deadline ? c.row.return_due_at : c.deadline;
    const closesAt = window === 'not_open' ? c.campaign.window.opensAt : new Date(returnDue);
    throw new AppError(window === 'not_open' ? 'window_not_open' : 'window_closed', {
      closesAt: formatInZone(closesAt, c.campaign.window.timeZone), zone: campaign.window.timeZoneLabel[actor.locale],
    });
  }
  await requirePhaseOpen(trx, c.campaign, c.row.status === 'returned' ? 'resubmit' : 'submit');
  // The receipt lists exactly the attachments preflight checked, read once in this transaction.
  const { problems, attachments: live, content } = await checkCase(trx, c, context.readable);
  if (problems.length > 0) throw new AppError('preflight_failed', { count: problems.length }, { problems });

  const canonical = canonicalCase({ campaign: campaign.slug, caseId: id, content, declaration: JSON.parse(c.row.declaration) as Record<string, string> });
  const attachments: ReceiptAttachment[] = live.map((a) => ({
    id: a.id, kind: a.kind, fileName: a.file_name, size: a.size, mediaType: a.media_type, sha256: a.sha256,
    receivedSha256: a.received_sha256, receivedSize: a.received_size === null ? null : Number(a.received_size),
  }));
  const seq = c.row.submission_count + 1;
  const submissionId = newId();
  const stamp = now.toISOString();
  const row = {
    id: submissionId, case_id: id, seq, receipt_number: receiptNumber(campaign.edition, now, campaign.window.timeZone), request_key: requestKey,
    content: canonical, content_sha256: createHash('sha256').update(canonical).digest('hex'), attachments: JSON.stringify(attachments),
    submitted_by: actor.userId, submitted_at: stamp, withdrawn_at: null,
  };
  // The transition claims the next sequence number with the move, so a concurrent submit of the
  // same case finds the version moved; its history and audit entries commit with the version, the
  // receipt mail and the check, or none of them does. None of them waits for another case's
  // submit (the audit entry is sealed later; decision 0026).
  await transitionCase(trx, {
    caseId: id, from: c.row.status, move: 'submit', by: 'unit', actor: { id: actor.userId, label: actorLabel(actor) }, submissionId, atVersion: c.row.version,
    set: { return_due_at: null, screening: 'pending', version: c.row.version + 1, submission_count: seq },
    audit: { seq, receiptNumber: row.receipt_number, contentSha256: row.content_sha256, attachments: attachments.map((a) => a.sha256) },
  }, now);
  await insertSubmission(trx, row);
  await enqueueCaseCheck(trx, id, `submitted:${submissionId}`, now);
  await queueMail(trx, {
    to: actor.email, locale: actor.locale, template: 'case_receipt',
    params: {
      caseTitle: content.title, campaignTitle: campaign.title[actor.locale], receiptNumber: row.receipt_number,
      submittedAt: formatInZone(now, campaign.window.timeZone), zone: campaign.window.timeZoneLabel[actor.locale],
      contentSha256: row.content_sha256, attachmentCount: attachments.length, link: `${context.baseUrl}/app/cases/${id}/receipts/${seq}`,
      verifyLink: receiptVerifyUrl(context.baseUrl, row.receipt_number, actor.locale),
    },
  }, now);
  return presentReceipt(row);
}

/** The receipt a request key already produced, if any: how a repeated or raced submit finds its answer. */
export async function receiptForRequest(db: Kysely<Database>, actor: Actor, id: string, requestKey: string): Promise<Receipt | undefined> {
  await loadCaseForUnit(db, actor, id);
  const row = await findSubmissionByRequest(db, id, requestKey);
  return row ? presentReceipt(row) : undefined;
}

/** What a printed receipt shows: the submission with its campaign, unit and kinds named in `locale`. */
export async function receiptDocument(db: Kysely<Database>, actor: Actor, id: string, seq: number, locale: Locale) {
  const c = await loadVisibleCase(db, actor, id);
  const row = await findSubmission(db, id, seq);
  if (!row) throw new AppError('not_found');
  const receipt = presentReceipt(row);
  const campaign = c.campaign.definition;
  const unit = await findLiveOrganization(db, c.row.organization_id);
  const kindName = (key: string) => campaign.attachments.find((k) => k.key === key)?.name[locale] ?? key;
  return {
    number: receipt.receiptNumber,
    campaignTitle: campaign.title[locale],
    caseTitle: (JSON.parse(row.content) as { title: string }).title,
    unitName: unit?.name ?? '',
    submittedAt: receipt.submittedAt,
    timeZone: campaign.window.timeZone,
    timeZoneLabel: campaign.window.timeZoneLabel[locale],
    seq: receipt.seq,
    contentSha256: receipt.contentSha256,
    attachments: receipt.attachments.map((a) => ({
      kind: a.kind, kindName: kindName(a.kind), fileName: a.fileName, size: a.size, sha256: a.sha256, receivedSha256: a.receivedSha256, receivedSize: a.receivedSize,
    })),
  };
}

/** Withdraws the submitted case; the unit may do so until its deadline, and submit again. */
export async function withdrawCase(trx: Transaction<Database>, actor: Actor, id: string, now: Date): Promise<void> {
  const c = await loadCaseForUnit(trx, actor, id);
  if (c.row.status !== 'submitted') throw new AppError('invalid_transition', { status: c.row.status });
  if (!canWithdraw(editWindowOf(c, now))) throw new AppError('case_read_only');
  await requirePhaseOpen(trx, c.campaign, 'withdraw');
  const last = (await listSubmissions(trx, id)).at(-1);
  if (last) {
    await markSubmissionWithdrawn(trx, last.id, now.toISOString());
    await enqueueCaseCheck(trx, id, `withdrawn:${last.id}`, now);
  }
  await transitionCase(trx, { caseId: id, from: 'submitted', move: 'withdraw', by: 'unit', actor: { id: actor.userId, label: actorLabel(actor) }, submissionId: last?.id ?? null }, now);
}
