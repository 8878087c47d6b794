import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { reviewInputSchema } from '../../../core/api/reviews.ts';
import { isActionOpen } from '../../../core/campaign/campaign-phase.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { reviewProblems, type ReviewTier, type ScoreProblem } from '../../../core/review/scoring.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { requirePhaseOpen } from '../campaigns/campaign-phase.service.ts';
import { findCampaignPhase } from '../campaigns/campaigns.repository.ts';
import { getCampaignById, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { presentAssignedCase, presentMyAssignment, presentReview, scalesOf } from './scoring.present.ts';
import {
  findOwnAssignment, findReviewOf, findReviewsOf, insertReview, listOwnAssignments, lockAssignment, updateDraftReview, type OwnAssignment, type ReviewRow,
} from './scoring.repository.ts';

// The reviewer's side of expert review: their released assignments, the case at the assigned
// version, and their scores, saved as drafts under a version and submitted once. An assignment
// that is not the caller's own and released, in a campaign they review, answers like one that
// does not exist, so ids cannot be probed.

export type ReviewInput = z.infer<typeof reviewInputSchema>;

const reviewedCampaigns = (actor: Actor) => actor.grants.filter((g) => g.role === 'reviewer' && g.campaignId !== null).map((g) => g.campaignId!);

/** The caller's released assignment with this id, or not_found. */
export async function ownAssignment(db: Kysely<Database>, actor: Actor, id: string): Promise<OwnAssignment> {
  const a = await findOwnAssignment(db, actor.userId, actor.email, id);
  if (!a || !reviewedCampaigns(actor).includes(a.campaign_id)) throw new AppError('not_found');
  return a;
}

/** The caller's released assignments across the campaigns they review, with their progress. */
export async function listMyAssignments(db: Kysely<Database>, actor: Actor, locale: Locale) {
  const rows = await listOwnAssignments(db, actor.userId, actor.email, reviewedCampaigns(actor));
  const reviews = new Map((await findReviewsOf(db, rows.map((r) => r.id))).map((r) => [r.assignment_id, r]));
  const campaigns = new Map<string, StoredCampaign>();
  for (const id of new Set(rows.map((r) => r.campaign_id))) campaigns.set(id, await getCampaignById(db, id));
  const assignments = rows.map((a) => presentMyAssignment(a, campaigns.get(a.campaign_id)!, reviews.get(a.id), locale));
  return {
    assignments,
    progress: {
      total: assignments.length,
      submitted: assignments.filter((a) => a.state === 'submitted').length,
      drafts: assignments.filter((a) => a.state === 'draft').length,
    },
  };
}

/** The assigned case at its assigned version, masked in blind review, with the caller's own review. */
export async function readAssignedCase(db: Kysely<Database>, actor: Actor, id: string, locale: Locale) {
  const a = await ownAssignment(db, actor, id);
  const campaign = await getCampaignById(db, a.campaign_id);
  const review = await findReviewOf(db, a.id);
  const files = JSON.parse(a.submitted_attachments) as { id: string }[];
  const withThumbnails = files.length === 0 ? [] : await db.selectFrom('attachments').select('id')
    .where('id', 'in', files.map((f) => f.id)).where('thumbnail_sha256', 'is not', null).execute();
  const phase = (await findCampaignPhase(db, campaign.id)) ?? campaign.phase;
  return presentAssignedCase(a, campaign, review, new Set(withThumbnails.map((t) => t.id)), isActionOpen(phase, 'score'), locale);
}

const PROBLEM_CODES: Record<ScoreProblem['code'], ErrorCode> = {
  criterion_unknown: 'review_criterion_unknown',
  score_missing: 'review_score_missing',
  score_out_of_range: 'review_score_out_of_range',
  tier_missing: 'review_tier_missing',
  tier_unknown: 'review_tier_unknown',
  comment_too_long: 'review_comment_too_long',
};

/** AppError for the first problem, its criterion named in the caller's language; every problem in the details. */
function refusal(problems: ScoreProblem[], campaign: StoredCampaign, locale: Locale): AppError {
  const first = problems[0]!;
  const nameOf = (key: string) => campaign.definition.criteria.find((c) => c.key === key)?.name[locale] ?? key;
  const params = { ...first, ...('criterion' in first ? { criterion: nameOf(first.criterion) } : {}) } as Record<string, string | number>;
  delete params.code;
  return new AppError(PROBLEM_CODES[first.code], params, { problems });
}

/** Whether `input` is the save that made `row` (from the version before it, with the same content), sent again. */
function isReplay(row: ReviewRow, input: ReviewInput, submit: boolean): boolean {
  if (row.status !== (submit ? 'submitted' : 'draft') || input.version !== row.version - 1) return false;
  const saved = JSON.parse(row.scores) as Record<string, number>;
  const keys = Object.keys(input.scores);
  return row.comment === input.comment.trim() && row.tier === input.tier
    && keys.length === Object.keys(saved).length && keys.every((k) => saved[k] === input.scores[k]);
}

/**
 * Saves the caller's review of an assignment over the version they started from, as a draft or,
 * with `submit`, as their final review (every criterion scored, a tier chosen). Only while the
 * campaign is in its review phase. A save from an older version is refused with the saved review
 * in the details, so nothing is overwritten and the caller keeps what they typed; once submitted,
 * every save is refused, except the very save that submitted it sent again. The assignment row is locked first, so a hand-back and a save never
 * pass each other.
 */
export async function saveReview(trx: Transaction<Database>, actor: Actor, id: string, input: ReviewInput, submit: boolean, locale: Locale, now: Date) {
  const a = await ownAssignment(trx, actor, id);
  if ((await lockAssignment(trx, a.id))?.state !== 'released') throw new AppError('not_found');
  const campaign = await getCampaignById(trx, a.campaign_id);
  const scales = scalesOf(campaign);
  const existing = await findReviewOf(trx, a.id);
  // The same request again (its answer was lost on the way, or a double tap): it is answered with
  // the review it saved, not refused as stale or already submitted.
  if (existing && isReplay(existing, input, submit)) return presentReview(existing, scales);
  if (existing?.status === 'submitted') throw new AppError('review_submitted');
  await requirePhaseOpen(trx, campaign, 'score');
  const comment = input.comment.trim();
  const problems = reviewProblems(scales, { scores: input.scores, comment, tier: input.tier }, submit);
  if (problems.length > 0) throw refusal(problems, campaign, locale);
  const stamp = now.toISOString();
  const values = {
    scores: JSON.stringify(input.scores), comment, tier: input.tier as ReviewTier | null,
    status: submit ? 'submitted' as const : 'draft' as const, updated_at: stamp, submitted_at: submit ? stamp : null,
  };
  const saved = existing
    ? await updateDraftReview(trx, a.id, input.version, values)
    : input.version === 0 && await insertReview(trx, {
      id: newId(), assignment_id: a.id, campaign_id: a.campaign_id, case_id: a.case_id, reviewer_id: a.reviewer_id,
      submission_id: a.submission_id, definition_version: campaign.definitionVersion, ...values, version: 1, created_at: stamp,
    });
  if (!saved) {
    const current = await findReviewOf(trx, a.id);
    if (current?.status === 'submitted') throw new AppError('review_submitted');
    throw new AppError('review_version_conflict', {}, { review: current ? presentReview(current, scales) : null });
  }
  const review = (await findReviewOf(trx, a.id))!;
  if (submit) {
    await appendAudit(trx, {
      actorId: actor.userId, actorLabel: actorLabel(actor), action: 'review.submit', subjectType: 'case', subjectId: a.case_id,
      change: { assignmentId: a.id, reviewerId: a.reviewer_id, scores: input.scores, tier: input.tier, definitionVersion: campaign.definitionVersion },
    }, now);
  }
  return presentReview(review, scales);
}
