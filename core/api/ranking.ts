import { z } from 'zod';
import { REVIEW_TIERS } from '../review/scoring.ts';
import { dataOf } from './envelope.ts';

// Answers of the ranking (server/modules/ranking), for a campaign's organizers only: they name
// reviewers, which nobody else may see.

const count = z.number().int();
const scores = z.record(z.string(), z.number());
const reviewIds = z.array(z.string());
const reviewer = { reviewerId: z.string(), reviewerName: z.string() };

export const rankingFlagSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('too_few_scores'), caseId: z.string(), reviewIds, count, required: count }),
  z.object({ id: z.string(), kind: z.literal('disagreement'), caseId: z.string(), reviewIds, range: z.number() }),
  z.object({ id: z.string(), kind: z.literal('flat_reviewer'), ...reviewer, reviewIds, sd: z.number() }),
  z.object({ id: z.string(), kind: z.literal('few_reviews'), ...reviewer, reviewIds, count, ownShare: z.number() }),
]);

export const rankingRowSchema = z.object({
  caseId: z.string(),
  title: z.string(),
  unitName: z.string(),
  category: z.string(),
  /** Mean weighted total out of 100 as the reviewers gave it; null before any review. */
  raw: z.number().nullable(),
  /** The same after each reviewer's scores are normalized (decision 0028). */
  normalized: z.number().nullable(),
  rank: count.nullable(),
  categoryRank: count.nullable(),
  scoreCount: count,
  flags: z.array(z.string()),
});

export const rankingResponse = dataOf(z.object({
  reviewsPerCase: count,
  thresholds: z.object({ disagreementRange: z.number(), flatReviewerSd: z.number(), flatReviewerMinReviews: count, habitPriorReviews: count }),
  /** The mean and spread of every score given on each criterion: what normalized scores are put back on. */
  criteria: z.array(z.object({ criterion: z.string(), weight: z.number(), min: z.number(), max: z.number(), mean: z.number(), sd: z.number() })),
  rows: z.array(rankingRowSchema),
  flags: z.array(rankingFlagSchema),
}));

export const flagScoresResponse = dataOf(z.object({
  flag: rankingFlagSchema,
  reviews: z.array(z.object({
    reviewId: z.string(),
    reviewer: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    caseId: z.string(),
    caseTitle: z.string(),
    raw: scores,
    normalized: scores,
    rawTotal: z.number(),
    normalizedTotal: z.number(),
    tier: z.enum(REVIEW_TIERS).nullable(),
    comment: z.string(),
    submittedAt: z.string().nullable(),
  })),
}));
