import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Objection } from '../../../core/api/notice.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { noticeStage, objectionProblems, objectionReference, outcomeRefusal, OBJECTION_LIMITS, OBJECTION_RATE, type ObjectionInput, type ObjectionOutcome } from '../../../core/notice/notice-rules.ts';
import { normalizePhone } from '../../../core/org/phone.ts';
import type { Database } from '../../db/schema.ts';
import { countRequest, rowKey } from '../../db/rate-limit-counters.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { requirePhaseOpen } from '../campaigns/campaign-phase.service.ts';
import { getCampaign, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { findCampaignOrganizers } from '../scoring/scoring.repository.ts';
import { campaignForOrganizer } from '../screening/screening.service.ts';
import { listDecisions, lockCampaignSelection, putDecision } from '../selection/selection.repository.ts';
import type { NoticeEntry } from './notice.service.ts';
import { issueUploadToken, objectionFilesById } from './objection-evidence.ts';
import { findNotice, findObjection, findSameObjection, insertObjection, listObjections, resolveObjectionRow } from './notice.repository.ts';

// Objections to the public notice: filed by anyone while it runs, about one case on the list,
// acknowledged with a reference number (by mail when an address is given) and routed to the
// organizers, who record an outcome for each. An upheld objection changes the case's decision
// (off the list or to another tier), with the outcome as its reason, in the audit log.

export interface ObjectionForm extends ObjectionInput { n: number }

const HOUR_MS = 3_600_000;

/**
 * Anyone, while the notice runs: files the objection and answers with its reference and a token
 * to send evidence files. `clientKey` (the client's network) counts the filings made from it.
 */
export async function fileObjection(db: Kysely<Database>, slug: string, form: ObjectionForm, clientKey: string, locale: Locale, now: Date, baseUrl: string) {
  const campaign = await getCampaign(db, slug);
  const problems = objectionProblems(form);
  if (problems.length > 0) throw new AppError('objection_invalid', {}, { problems });
  const phone = form.phone?.trim() ? normalizePhone(form.phone)! : null;
  const email = form.email?.trim() ? form.email.trim().toLowerCase() : null;
  return inTransaction(db, async (trx) => {
    // A visitor hears that the notice is not running, not the name of the campaign's phase.
    await requirePhaseOpen(trx, campaign, 'object').catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'phase_closed' ? new AppError('notice_not_running') : error;
    });
    // One filing at a time per campaign, so the same objection from two tabs is found, not made twice.
    await lockCampaignSelection(trx, campaign.id);
    const notice = await findNotice(trx, campaign.id);
    if (!notice) throw new AppError('notice_not_published');
    if (noticeStage({ endsAt: notice.ends_at, finalizedAt: notice.finalized_at }, now) !== 'running') throw new AppError('notice_not_running');
    const entry = (JSON.parse(notice.entries) as NoticeEntry[]).find((e) => e.n === form.n);
    if (!entry) throw new AppError('objection_case_unknown');
    const row = { campaign_id: campaign.id, case_id: entry.caseId, body: form.body.trim(), phone, email, author_name: form.name.trim(), author_organization: form.organization.trim() };
    // A second click, or the form sent again after a dropped answer, gets the first reference.
    // A fresh upload token either way: the first answer, and its token, may never have arrived.
    const same = await findSameObjection(trx, row);
    // Resolved already: saying "received" again would invite evidence the objection can no longer take.
    if (same && same.status !== 'open') throw new AppError('objection_resolved');
    if (same) return { reference: same.reference, mailed: same.email !== null, evidence: await issueUploadToken(trx, same.id, notice.ends_at, now) };
    // Counted in this transaction: a filing refused after this point rolls its counts back.
    const byAuthor = await countRequest(trx, rowKey('objection.file.author', `${clientKey} ${authorContact(email, phone)}`), HOUR_MS, now.getTime());
    if (byAuthor.current > OBJECTION_RATE.perAuthor) throw new AppError('objection_limit', { max: OBJECTION_RATE.perAuthor, minutes: Math.ceil(byAuthor.ttl / 60_000) });
    const byNetwork = await countRequest(trx, rowKey('objection.file', clientKey), HOUR_MS, now.getTime());
    if (byNetwork.current > OBJECTION_RATE.perNetwork) throw new AppError('objection_network_limit', { max: OBJECTION_RATE.perNetwork, minutes: Math.ceil(byNetwork.ttl / 60_000) });
    const reference = objectionReference(campaign.definition.edition, randomBytes(8));
    const id = newId();
    await insertObjection(trx, {
      ...row, id, reference,
      status: 'open', outcome_tier: null, outcome_reason: null, resolved_by: null, resolved_at: null, created_at: now.toISOString(), locale,
    });
    await appendAudit(trx, {
      actorId: null, actorLabel: `${form.name.trim()}（${form.organization.trim()}）`, action: 'objection.file', subjectType: 'case', subjectId: entry.caseId,
      change: { campaignId: campaign.id, reference },
    }, now);
    const params = { caseTitle: entry.title, reference };
    if (email) {
      await queueMail(trx, { to: email, locale, template: 'objection_received', params: { ...params, campaignTitle: campaign.definition.title[locale], link: noticeLink(baseUrl, slug) } }, now);
    }
    for (const o of await findCampaignOrganizers(trx, campaign.id)) {
      await queueMail(trx, { to: o.email, locale: o.locale, template: 'objection_routed', params: { ...params, campaignTitle: campaign.definition.title[o.locale], link: `${baseUrl}/app/org/notice?campaign=${encodeURIComponent(slug)}` } }, now);
    }
    return { reference, mailed: email !== null, evidence: await issueUploadToken(trx, id, notice.ends_at, now) };
  });
}

/**
 * Who an author is counted as: their e-mail in one form (NFKC, lower case, without a `+tag` or a
 * trailing dot), or without one their phone less its extension. Not the phone when an e-mail is
 * given: colleagues often give the office's landline. A person who invents addresses is still
 * held by the network's limit.
 */
function authorContact(email: string | null, phone: string | null): string {
  if (!email) return `p:${(phone ?? '').replace(/-\d{1,6}$/, '')}`;
  const [local = '', domain = ''] = email.normalize('NFKC').toLowerCase().split(/@(?=[^@]*$)/);
  return `e:${local.replace(/\+.*$/, '')}@${domain.replace(/\.+$/, '')}`;
}

/** Organizers of the campaign, while the notice phase lasts: records the outcome of an open objection. */
export async function resolveObjection(db: Kysely<Database>, actor: Actor, slug: string, id: string, outcome: ObjectionOutcome, now: Date, baseUrl: string) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  await inTransaction(db, async (trx) => {
    await requirePhaseOpen(trx, campaign, 'resolve_objection');
    await lockCampaignSelection(trx, campaign.id);
    const objection = await findObjection(trx, campaign.id, id);
    if (!objection) throw new AppError('objection_not_found');
    if (objection.status !== 'open') throw new AppError('objection_resolved');
    const current = (await listDecisions(trx, campaign.id)).find((d) => d.case_id === objection.case_id)?.tier ?? 'none';
    const refusal = outcomeRefusal(outcome, current);
    if (refusal === 'reason_required') throw new AppError('objection_reason_required');
    if (refusal === 'reason_too_long') throw new AppError('objection_reason_too_long', { max: OBJECTION_LIMITS.reason });
    if (refusal === 'tier_unchanged') throw new AppError('objection_tier_unchanged');
    const reason = outcome.reason.trim();
    const tier = outcome.status === 'upheld' ? outcome.tier : null;
    if (!(await resolveObjectionRow(trx, id, { status: outcome.status, outcome_tier: tier, outcome_reason: reason, resolved_by: actor.userId, resolved_at: now.toISOString() }))) {
      throw new AppError('objection_resolved');
    }
    if (tier !== null) {
      await putDecision(trx, {
        campaign_id: campaign.id, case_id: objection.case_id, tier, source: 'changed', reason: `${objection.reference}: ${reason}`, decided_by: actor.userId, decided_at: now.toISOString(),
      });
    }
    await appendAudit(trx, {
      actorId: actor.userId, actorLabel: actorLabel(actor), action: 'objection.resolve', subjectType: 'case', subjectId: objection.case_id,
      change: { campaignId: campaign.id, reference: objection.reference, outcome: outcome.status, from: current, to: tier ?? current, reason },
    }, now);
    if (objection.email) {
      const caseTitle = (await trx.selectFrom('cases').select('title').where('id', '=', objection.case_id).executeTakeFirstOrThrow()).title;
      await queueMail(trx, {
        to: objection.email, locale: objection.locale, template: 'objection_resolved',
        params: { caseTitle, reference: objection.reference, outcome: outcome.status, tier, reason, link: noticeLink(baseUrl, slug) },
      }, now);
    }
  });
}

/** The campaign's objections with their authors and outcomes, for its organizers. */
export async function listObjectionsView(db: Kysely<Database>, campaign: StoredCampaign): Promise<Objection[]> {
  const [rows, decisions, files] = await Promise.all([listObjections(db, campaign.id), listDecisions(db, campaign.id), objectionFilesById(db, campaign.id)]);
  const tiers = new Map(decisions.map((d) => [d.case_id, d.tier]));
  return rows.map((r) => ({
    id: r.id, reference: r.reference, caseId: r.case_id, caseTitle: r.case_title, unitName: r.unit_name, currentTier: tiers.get(r.case_id) ?? 'none',
    authorName: r.author_name, authorOrganization: r.author_organization, phone: r.phone, email: r.email, body: r.body,
    status: r.status, outcomeTier: r.outcome_tier, outcomeReason: r.outcome_reason, resolvedBy: r.resolver_name ?? null, resolvedAt: r.resolved_at, createdAt: r.created_at,
    files: files.get(r.id) ?? [],
  }));
}

/** Where anyone reads the notice and objects. */
export function noticeLink(baseUrl: string, slug: string): string {
  return `${baseUrl}/app/notice?campaign=${encodeURIComponent(slug)}`;
}
