import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate, type MessageKey } from '../../../core/i18n/messages.ts';
import type { ConflictReason, FoundReason } from '../../../core/review/conflicts.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, isOrganizer, type Actor } from '../auth/actor.ts';
import { getCampaignById } from '../campaigns/campaigns.service.ts';
import { findCase } from '../cases/cases.repository.ts';
import { findPoolRowOfAccount, findReviewerAccounts } from '../reviewers/reviewer-pool.repository.ts';
import { campaignOrganizedBy } from '../reviewers/reviewers.service.ts';
import { computeConflicts } from './conflict-facts.ts';
import { insertConflictMark, updateDeclaration, widenDismissal } from './conflicts.repository.ts';

// Conflicts of interest between a campaign's reviewers and its cases: organizers see them (per
// reviewer as a count, per case in full) and dismiss found ones with a reason; a reviewer declares
// one. A case on the review road is one submitted at least once; any other case, or one of a
// campaign the caller does not organize, answers like a case that does not exist.

const reasonsIn = (locale: Locale, reasons: ConflictReason[]) => reasons.map((code) => ({ code, message: translate(locale, `conflict.reason.${code}` as MessageKey) }));

/** The campaign's pool with each reviewer's standing (not dismissed) conflicts, for its organizers only. */
export async function listReviewerPool(db: Kysely<Database>, actor: Actor, slug: string) {
  const campaign = await campaignOrganizedBy(db, actor, slug);
  const { conflicts, pool } = await computeConflicts(db, campaign);
  const reviewing = new Set((await findReviewerAccounts(db, campaign.id)).map((a) => a.id));
  const counts = new Map<string, number>();
  for (const c of conflicts) if (!c.dismissed) counts.set(c.reviewerId, (counts.get(c.reviewerId) ?? 0) + 1);
  return pool.map((r) => ({
    id: r.id, email: r.email, name: r.name, expertise: JSON.parse(r.expertise) as string[], capacity: r.capacity, divisionCode: r.division_code,
    affiliation: r.affiliation, affiliationUnit: r.affiliation_unit_id ? { id: r.affiliation_unit_id, name: r.unit_name ?? '' } : null,
    joined: r.account_id !== null && reviewing.has(r.account_id), conflicts: counts.get(r.id) ?? 0,
  }));
}

async function caseOrganizedBy(db: Kysely<Database>, actor: Actor, caseId: string) {
  const row = await findCase(db, caseId);
  if (!row || row.submission_count === 0 || !isOrganizer(actor, row.campaign_id)) throw new AppError('not_found');
  return { row, campaign: await getCampaignById(db, row.campaign_id) };
}

/** Every reviewer in conflict with the case, with the reasons, a declaration and a dismissal; organizers only. */
export async function listCaseConflicts(db: Kysely<Database>, actor: Actor, caseId: string, locale: Locale) {
  const { campaign } = await caseOrganizedBy(db, actor, caseId);
  const { conflicts, pool, marks } = await computeConflicts(db, campaign, caseId);
  const byId = new Map(pool.map((r) => [r.id, r]));
  return conflicts.map((c) => {
    const reviewer = byId.get(c.reviewerId)!;
    const declared = marks.find((m) => m.reviewer_id === c.reviewerId && m.kind === 'declared');
    const dismissal = marks.find((m) => m.reviewer_id === c.reviewerId && m.kind === 'dismissed');
    return {
      reviewerId: c.reviewerId, name: reviewer.name, email: reviewer.email, reasons: reasonsIn(locale, c.reasons),
      declaredReason: declared?.reason ?? null, dismissed: c.dismissed,
      dismissal: dismissal ? { reason: dismissal.reason, at: dismissal.updated_at } : null,
    };
  });
}

/**
 * Records that an organizer dismissed the reasons found now for this pair, with their reason; a
 * reason found later stands again. A declared conflict cannot be dismissed. Two dismissals at once
 * make one row: the second is told it is already dismissed.
 */
export async function dismissConflict(trx: Transaction<Database>, actor: Actor, caseId: string, reviewerId: string, reason: string, now: Date): Promise<void> {
  const { row, campaign } = await caseOrganizedBy(trx, actor, caseId);
  const { conflicts, pool } = await computeConflicts(trx, campaign, caseId);
  const conflict = conflicts.find((c) => c.reviewerId === reviewerId);
  const found = (conflict?.reasons ?? []).filter((r): r is FoundReason => r !== 'declared');
  if (conflict?.reasons.includes('declared')) throw new AppError('conflict_declared');
  if (!conflict || found.length === 0) throw new AppError('not_found');
  const stamp = now.toISOString();
  const foundReasons = JSON.stringify(found);
  const text = reason.trim();
  const inserted = await insertConflictMark(trx, {
    id: newId(), campaign_id: campaign.id, case_id: row.id, reviewer_id: reviewerId, kind: 'dismissed', found_reasons: foundReasons, reason: text, actor_id: actor.userId, created_at: stamp, updated_at: stamp,
  });
  if (!inserted && !(await widenDismissal(trx, row.id, reviewerId, foundReasons, text, actor.userId, stamp))) throw new AppError('conflict_already_dismissed');
  const reviewerEmail = pool.find((r) => r.id === reviewerId)?.email ?? '';
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'conflict.dismiss', subjectType: 'case', subjectId: row.id,
    change: { reviewerId, reviewerEmail, reasons: found, reason: text },
  }, now);
}

/** Records the calling reviewer's own conflict with a case of a campaign they review; a second declaration replaces the reason. */
export async function declareConflict(trx: Transaction<Database>, actor: Actor, caseId: string, reason: string, now: Date): Promise<void> {
  const row = await findCase(trx, caseId);
  const reviews = row && actor.grants.some((g) => g.role === 'reviewer' && g.campaignId === row.campaign_id);
  const mine = reviews ? await findPoolRowOfAccount(trx, row.campaign_id, actor.userId, actor.email) : undefined;
  if (!row || row.submission_count === 0 || !mine) throw new AppError('not_found');
  const stamp = now.toISOString();
  const text = reason.trim();
  const inserted = await insertConflictMark(trx, {
    id: newId(), campaign_id: row.campaign_id, case_id: row.id, reviewer_id: mine.id, kind: 'declared', reason: text, actor_id: actor.userId, created_at: stamp, updated_at: stamp,
  });
  if (!inserted) await updateDeclaration(trx, row.id, mine.id, text, stamp);
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'conflict.declare', subjectType: 'case', subjectId: row.id, change: { reviewerId: mine.id, reason: text } }, now);
}
