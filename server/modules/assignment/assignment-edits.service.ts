import type { Transaction } from 'kysely';
import { isActionOpen } from '../../../core/campaign/campaign-phase.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate } from '../../../core/i18n/messages.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { findCampaignPhase } from '../campaigns/campaigns.repository.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { computeConflicts } from '../conflicts/conflict-facts.ts';
import { listPool } from '../reviewers/reviewer-pool.repository.ts';
import { campaignOrganizedBy } from '../reviewers/reviewers.service.ts';
import { expertiseOf } from './assignment-problem.ts';
import {
  endProposed, findAssignment, findLatestRun, findReviewerLocales, insertAssignments, listAssignmentRows, listPassedCases, lockCampaignAssignments, releaseProposed,
} from './assignment.repository.ts';
import { shortfallByCategory, type CategoryShortfall } from './run-result.ts';

// Changes to a campaign's assignment by its organizers: a pair added or removed by hand before
// release, and the release itself. Each takes the campaign's assignment lock (PostgreSQL) before
// it checks, so two organizers at once see each other's change; each is audited.

async function openCampaign(trx: Transaction<Database>, actor: Actor, slug: string): Promise<StoredCampaign> {
  const campaign = await campaignOrganizedBy(trx, actor, slug);
  await lockCampaignAssignments(trx, campaign.id);
  const phase = (await findCampaignPhase(trx, campaign.id)) ?? campaign.phase;
  if (!isActionOpen(phase, 'assign_reviewers')) throw new AppError('phase_closed', { phase });
  return campaign;
}

const categoryName = (campaign: StoredCampaign, key: string, locale: Locale) =>
  campaign.definition.categories.find((c) => c.key === key)?.name[locale] ?? key;

/**
 * Proposes a reviewer for a case by hand. Refused when the case has not passed screening, the
 * reviewer is not in the pool, lacks the case's category, has a standing conflict with it (found,
 * declared or handed back), is already assigned to it, or is at capacity.
 */
export async function addAssignment(trx: Transaction<Database>, actor: Actor, slug: string, input: { caseId: string; reviewerId: string }, now: Date, locale: Locale) {
  const campaign = await openCampaign(trx, actor, slug);
  const [theCase] = await listPassedCases(trx, campaign.id, input.caseId);
  if (!theCase) throw new AppError('assignment_case_not_passed');
  const reviewer = (await listPool(trx, campaign.id)).find((r) => r.id === input.reviewerId);
  if (!reviewer) throw new AppError('not_found');
  const category = (JSON.parse(theCase.content) as { category?: string | null }).category ?? '';
  if (!expertiseOf(reviewer).includes(category)) throw new AppError('assignment_not_qualified', { category: categoryName(campaign, category, locale) });
  const { conflicts } = await computeConflicts(trx, campaign, theCase.id);
  const rows = await listAssignmentRows(trx, campaign.id, ['proposed', 'released', 'handed_back']);
  const pairRows = rows.filter((a) => a.case_id === theCase.id && a.reviewer_id === reviewer.id);
  if (conflicts.some((c) => c.reviewerId === reviewer.id && !c.dismissed) || pairRows.some((a) => a.state === 'handed_back')) throw new AppError('assignment_conflict');
  if (pairRows.length > 0) throw new AppError('assignment_exists');
  const load = rows.filter((a) => a.reviewer_id === reviewer.id && a.state !== 'handed_back').length;
  if (load >= reviewer.capacity) throw new AppError('assignment_over_capacity', { load, capacity: reviewer.capacity });
  const id = newId();
  await insertAssignments(trx, [{
    id, campaign_id: campaign.id, case_id: theCase.id, reviewer_id: reviewer.id, submission_id: theCase.submission_id, definition_version: campaign.definitionVersion,
    state: 'proposed', source: 'manual', run_id: null, created_by: actor.userId, created_at: now.toISOString(),
  }]);
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'assignment.add', subjectType: 'case', subjectId: theCase.id,
    change: { assignmentId: id, reviewerId: reviewer.id, reviewerEmail: reviewer.email },
  }, now);
  return { id };
}

/** Withdraws a proposed assignment; a released one stays (the reviewer hands it back instead). */
export async function removeAssignment(trx: Transaction<Database>, actor: Actor, slug: string, id: string, now: Date): Promise<void> {
  const campaign = await openCampaign(trx, actor, slug);
  const row = await findAssignment(trx, campaign.id, id);
  if (!row || row.state === 'removed') throw new AppError('not_found');
  if (!(await endProposed(trx, id, actor.userId, now.toISOString(), 'removed_by_organizer'))) throw new AppError('assignment_not_proposed');
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'assignment.remove', subjectType: 'case', subjectId: row.case_id,
    change: { assignmentId: id, reviewerId: row.reviewer_id },
  }, now);
}

export interface ReleaseInput {
  /** Release although some cases lack reviewers. */
  override: boolean;
  reason: string | null;
}

function describeShortfall(campaign: StoredCampaign, shortfall: readonly CategoryShortfall[], locale: Locale): string {
  return shortfall.map((s) => translate(locale, 'assignment.shortfall', { category: categoryName(campaign, s.category, locale), missing: s.missing, cases: s.cases }))
    .join(translate(locale, 'punct.list'));
}

/**
 * Releases every proposed assignment in the review phase and mails each reviewer who got cases
 * once, in their language, with the count and the due date. Refused while a run is solving, and
 * when a case would have fewer reviewers than the campaign asks, naming each category's
 * shortfall, unless the organizer overrides with a reason. Of two releases at once, one
 * releases and the other finds nothing left. A proposed pair in a standing conflict at this
 * moment is withdrawn (ended as 'conflict') before the shortfall is counted, never released, and
 * so is one on a case no longer passed at the version it was proposed for ('case_not_passed').
 */
export async function releaseAssignments(trx: Transaction<Database>, actor: Actor, slug: string, input: ReleaseInput, now: Date, locale: Locale, baseUrl: string) {
  const campaign = await campaignOrganizedBy(trx, actor, slug);
  await lockCampaignAssignments(trx, campaign.id);
  const phase = (await findCampaignPhase(trx, campaign.id)) ?? campaign.phase;
  if (phase !== 'review') throw new AppError('phase_closed', { phase });
  if ((await findLatestRun(trx, campaign.id))?.status === 'running') throw new AppError('assignment_run_running');
  const cases = (await listPassedCases(trx, campaign.id)).map((c) => ({
    id: c.id, title: c.title, unitName: c.unit_name, category: (JSON.parse(c.content) as { category?: string | null }).category ?? '', province: '', submissionId: c.submission_id,
  }));
  // A conflict may have appeared since a pair was proposed (a declaration, an import that moved a
  // reviewer, a run that read its facts before either): such a pair is withdrawn, never released.
  const { conflicts } = await computeConflicts(trx, campaign);
  const standing = new Set(conflicts.filter((c) => !c.dismissed).map((c) => `${c.caseId} ${c.reviewerId}`));
  const stamp = now.toISOString();
  // Nor is a pair on a case that is no longer passed at the version it was proposed for.
  const passedAt = new Map(cases.map((c) => [c.id, c.submissionId]));
  const removedForConflict: { caseId: string; reviewerId: string }[] = [];
  const removedNotPassed: string[] = [];
  for (const a of await listAssignmentRows(trx, campaign.id, ['proposed'])) {
    if (passedAt.get(a.case_id) !== a.submission_id) {
      if (await endProposed(trx, a.id, actor.userId, stamp, 'case_not_passed')) removedNotPassed.push(a.case_id);
    } else if (standing.has(`${a.case_id} ${a.reviewer_id}`)) {
      if (await endProposed(trx, a.id, actor.userId, stamp, 'conflict')) removedForConflict.push({ caseId: a.case_id, reviewerId: a.reviewer_id });
    }
  }
  const live = await listAssignmentRows(trx, campaign.id, ['proposed', 'released']);
  if (!live.some((a) => a.state === 'proposed')) throw new AppError('assignment_nothing_to_release');
  const k = campaign.definition.review.reviewsPerCase;
  const shortfall = shortfallByCategory(cases, live.map((a) => ({ caseId: a.case_id, reviewerId: a.reviewer_id })), k, campaign.definition.categories.map((c) => c.key));
  const reason = input.reason?.trim() || null;
  if (shortfall.length > 0) {
    if (!input.override) throw new AppError('assignment_short', { shortfall: describeShortfall(campaign, shortfall, locale) }, shortfall);
    if (!reason || reason.length < 2) throw new AppError('assignment_override_reason');
  }
  const released = await releaseProposed(trx, campaign.id, actor.userId, stamp);
  if (released.length === 0) throw new AppError('assignment_nothing_to_release');
  const counts = new Map<string, number>();
  for (const a of released) counts.set(a.reviewer_id, (counts.get(a.reviewer_id) ?? 0) + 1);
  await mailReviewers(trx, campaign, counts, now, baseUrl);
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'assignment.release', subjectType: 'campaign', subjectId: campaign.id,
    change: { released: released.length, reviewers: counts.size, override: shortfall.length > 0, reason: shortfall.length > 0 ? reason : null, shortfall, removedForConflict, removedNotPassed: [...new Set(removedNotPassed)] },
  }, now);
  return { released: released.length, reviewers: counts.size, shortfall };
}

async function mailReviewers(trx: Transaction<Database>, campaign: StoredCampaign, counts: ReadonlyMap<string, number>, now: Date, baseUrl: string): Promise<void> {
  const pool = (await listPool(trx, campaign.id)).filter((r) => counts.has(r.id));
  const locales = new Map((await findReviewerLocales(trx, pool.flatMap((r) => (r.account_id ? [r.account_id] : [])))).map((u) => [u.id, u.locale]));
  const { dueAt } = campaign.definition.review;
  for (const r of pool) {
    const locale: Locale = (r.account_id && locales.get(r.account_id)) === 'en' ? 'en' : 'zh-CN';
    await queueMail(trx, {
      to: r.email, locale, template: 'assignment_released',
      params: {
        campaignTitle: campaign.definition.title[locale], count: counts.get(r.id)!, dueAt: dueAt.replace('T', ' '),
        zone: campaign.definition.window.timeZoneLabel[locale], link: `${baseUrl}/app/reviews`,
      },
    }, now);
  }
}
