import type { RankingRow, ScoredReview } from './ranking.ts';
import { groupBy, meanAndSd, round2 } from './score-statistics.ts';

// What the ranking asks an organizer to look at (decision 0028). Each flag names the reviews
// behind it, so the scores can be shown; its id is its kind and subject, the same on every
// computation, so a flag can be opened by id.

/** Reviewers of one case whose normalized totals (out of 100) are this far apart or more disagree. */
export const DISAGREEMENT_RANGE = 20;
/** A reviewer whose weighted totals have a standard deviation below this… */
export const FLAT_REVIEWER_SD = 3;
/** …over at least this many reviews barely varies their scores. */
export const FLAT_REVIEWER_MIN_REVIEWS = 5;

export const FLAG_KINDS = ['too_few_scores', 'disagreement', 'flat_reviewer', 'few_reviews'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export type RankingFlag =
  /** The case has fewer submitted reviews than the campaign asks for. */
  | { id: string; kind: 'too_few_scores'; caseId: string; reviewIds: string[]; count: number; required: number }
  /** The case's reviewers disagree: highest minus lowest normalized total. */
  | { id: string; kind: 'disagreement'; caseId: string; reviewIds: string[]; range: number }
  /** The reviewer's weighted totals barely vary (standard deviation, out of 100). */
  | { id: string; kind: 'flat_reviewer'; reviewerId: string; reviewIds: string[]; sd: number }
  /**
   * The reviewer has fewer reviews than the habit's prior weight (`habitPriorReviews`): their
   * habit is read more from everyone's scores than from their own; `ownShare` is n / (n + k).
   */
  | { id: string; kind: 'few_reviews'; reviewerId: string; reviewIds: string[]; count: number; ownShare: number };

export const flagId = (kind: FlagKind, subjectId: string): string => `${kind}.${subjectId}`;

interface FlagInput {
  /** In rank order. */
  rows: readonly RankingRow[];
  reviews: readonly ScoredReview[];
  reviewsPerCase: number;
  /** k of the shrunk habit (ranking.ts): a reviewer with fewer reviews is flagged. */
  habitPriorReviews: number;
}

/** Every flag: the case flags in rank order, then the reviewer flags by reviewer id. */
export function rankingFlags({ rows, reviews, reviewsPerCase, habitPriorReviews }: FlagInput): RankingFlag[] {
  const byCase = groupBy(reviews, (r) => r.caseId);
  const byReviewer = groupBy(reviews, (r) => r.reviewerId);
  const ids = (list: readonly ScoredReview[]) => list.map((r) => r.reviewId).sort();
  const flags: RankingFlag[] = [];
  for (const row of rows) {
    const own = byCase.get(row.caseId) ?? [];
    if (own.length < reviewsPerCase) {
      flags.push({ id: flagId('too_few_scores', row.caseId), kind: 'too_few_scores', caseId: row.caseId, reviewIds: ids(own), count: own.length, required: reviewsPerCase });
    }
    const totals = own.map((r) => r.normalizedTotal);
    const range = own.length < 2 ? 0 : round2(Math.max(...totals) - Math.min(...totals));
    if (range >= DISAGREEMENT_RANGE) flags.push({ id: flagId('disagreement', row.caseId), kind: 'disagreement', caseId: row.caseId, reviewIds: ids(own), range });
  }
  for (const reviewerId of [...byReviewer.keys()].sort()) {
    const own = byReviewer.get(reviewerId)!;
    const sd = round2(meanAndSd(own.map((r) => r.rawTotal)).sd);
    if (own.length >= FLAT_REVIEWER_MIN_REVIEWS && sd < FLAT_REVIEWER_SD) {
      flags.push({ id: flagId('flat_reviewer', reviewerId), kind: 'flat_reviewer', reviewerId, reviewIds: ids(own), sd });
    }
    if (own.length < habitPriorReviews) {
      const ownShare = round2(own.length / (own.length + habitPriorReviews));
      flags.push({ id: flagId('few_reviews', reviewerId), kind: 'few_reviews', reviewerId, reviewIds: ids(own), count: own.length, ownShare });
    }
  }
  return flags;
}
