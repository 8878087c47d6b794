import type { Kysely } from 'kysely';
import { DISAGREEMENT_RANGE, FLAT_REVIEWER_MIN_REVIEWS, FLAT_REVIEWER_SD, type RankingFlag } from '../../../core/review/ranking-flags.ts';
import { HABIT_PRIOR_REVIEWS, rankCases, type Ranking } from '../../../core/review/ranking.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { scalesOf } from '../scoring/scoring.present.ts';
import { ensureFormatReports } from '../screening/screening-report.service.ts';
import { campaignForOrganizer } from '../screening/screening.service.ts';
import { findReviewDetails, findReviewerNames, listCasesInReview, listCountedReviews } from './ranking.repository.ts';

// The ranking of a campaign's cases in review, for its organizers only (anyone else learns
// nothing of the campaign): raw and normalized scores, ranks, and the flags with the scores
// behind each. Worked out afresh from the submitted reviews on every request, so it never lags
// a review just submitted; the rules are core/review/ranking.ts.

interface Computed {
  campaign: StoredCampaign;
  ranking: Ranking;
  cases: Map<string, { title: string; unitName: string; divisionCode: string }>;
}

/** The campaign's ranking as of now, with each case's title and unit; organizers of the campaign only. */
export async function computeRanking(db: Kysely<Database>, actor: Actor, slug: string, readable: AttachmentCheck, now: Date): Promise<Computed> {
  const campaign = await campaignForOrganizer(db, actor, slug);
  // The category is the one of the submitted version, from its format report.
  await ensureFormatReports(db, campaign, readable, now);
  const [cases, reviews] = await Promise.all([listCasesInReview(db, campaign.id), listCountedReviews(db, campaign.id)]);
  const ranking = rankCases({
    scales: scalesOf(campaign),
    reviewsPerCase: campaign.definition.review.reviewsPerCase,
    cases: cases.map((c) => ({ caseId: c.case_id, category: c.category ?? '' })),
    reviews: reviews.map((r) => ({ reviewId: r.id, reviewerId: r.reviewer_id, caseId: r.case_id, scores: JSON.parse(r.scores) as Record<string, number> })),
  });
  return { campaign, ranking, cases: new Map(cases.map((c) => [c.case_id, { title: c.title, unitName: c.unit_name, divisionCode: c.division_code }])) };
}

/** Reviewer flags carry the reviewer's name, so the list reads without opening each flag. */
async function withNames(db: Kysely<Database>, flags: RankingFlag[]) {
  const ids = [...new Set(flags.flatMap((f) => ('reviewerId' in f ? [f.reviewerId] : [])))];
  const names = new Map((await findReviewerNames(db, ids)).map((r) => [r.id, r.name]));
  return flags.map((f) => ('reviewerId' in f ? { ...f, reviewerName: names.get(f.reviewerId) ?? '' } : f));
}

/**
 * The ranking, optionally of one category: every row keeps its overall and category rank, and the
 * flags are those of the rows shown and of reviewers who scored one of them.
 */
export async function campaignRanking(db: Kysely<Database>, actor: Actor, slug: string, category: string | undefined, readable: AttachmentCheck, now: Date) {
  const { campaign, ranking, cases } = await computeRanking(db, actor, slug, readable, now);
  if (category !== undefined && !campaign.definition.categories.some((c) => c.key === category)) throw new AppError('ranking_category_unknown', { category });
  const rows = ranking.rows.filter((r) => category === undefined || r.category === category);
  const shown = new Set(rows.map((r) => r.caseId));
  const caseOf = new Map(ranking.reviews.map((r) => [r.reviewId, r.caseId]));
  const flags = ranking.flags.filter((f) => ('caseId' in f ? shown.has(f.caseId) : f.reviewIds.some((id) => shown.has(caseOf.get(id)!))));
  return {
    reviewsPerCase: campaign.definition.review.reviewsPerCase,
    thresholds: { disagreementRange: DISAGREEMENT_RANGE, flatReviewerSd: FLAT_REVIEWER_SD, flatReviewerMinReviews: FLAT_REVIEWER_MIN_REVIEWS, habitPriorReviews: HABIT_PRIOR_REVIEWS },
    criteria: ranking.criteria,
    rows: rows.map((r) => ({
      caseId: r.caseId, title: cases.get(r.caseId)!.title, unitName: cases.get(r.caseId)!.unitName, category: r.category,
      raw: r.raw, normalized: r.normalized, rank: r.rank, categoryRank: r.categoryRank, scoreCount: r.scoreCount, flags: r.flags,
    })),
    flags: await withNames(db, flags),
  };
}

/** One flag with the scores behind it and who gave them, in ranking order; not_found for a flag not raised now. */
export async function flagScores(db: Kysely<Database>, actor: Actor, slug: string, flagId: string, readable: AttachmentCheck, now: Date) {
  const { ranking, cases } = await computeRanking(db, actor, slug, readable, now);
  const flag = ranking.flags.find((f) => f.id === flagId);
  if (!flag) throw new AppError('not_found');
  const details = new Map((await findReviewDetails(db, flag.reviewIds)).map((d) => [d.id, d]));
  const place = new Map(ranking.rows.map((r, i) => [r.caseId, i]));
  const behind = new Set(flag.reviewIds);
  const reviews = ranking.reviews.filter((r) => behind.has(r.reviewId)).map((r) => {
    const d = details.get(r.reviewId)!;
    return {
      reviewId: r.reviewId, reviewer: { id: r.reviewerId, name: d.name, email: d.email }, caseId: r.caseId, caseTitle: cases.get(r.caseId)!.title,
      raw: r.raw, normalized: r.normalized, rawTotal: r.rawTotal, normalizedTotal: r.normalizedTotal, tier: d.tier, comment: d.comment, submittedAt: d.submitted_at,
    };
  });
  reviews.sort((a, b) => place.get(a.caseId)! - place.get(b.caseId)! || a.reviewer.name.localeCompare(b.reviewer.name, 'zh-CN') || (a.reviewId < b.reviewId ? -1 : 1));
  return { flag: (await withNames(db, [flag]))[0]!, reviews };
}
