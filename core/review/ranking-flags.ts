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

export const FLAG_KINDS = ['too_few_scores', 'disagreement', 'flat_reviewer', 'unscaled_reviewer'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export type RankingFlag =
  /** The case has fewer submitted reviews than the campaign asks for. */
  | { id: string; kind: 'too_few_scores'; caseId: string; reviewIds: string[]; count: number; required: number }
  /** The case's reviewers disagree: highest minus lowest normalized total. */
  | { id: string; kind: 'disagreement'; caseId: string; reviewIds: string[]; range: number }
  /** The reviewer's weighted totals barely vary (standard deviation, out of 100). */
  | { id: string; kind: 'flat_reviewer'; reviewerId: string; reviewIds: string[]; sd: number }
  /**
   * The reviewer's scores are not normalized: on these criteria they do not vary, so they count
   * as the criterion's mean (`no_spread`), or the reviewer has too few reviews, so every score
   * counts as given (`few_reviews`).
   */
  | { id: string; kind: 'unscaled_reviewer'; reviewerId: string; reviewIds: string[] } & Unscaled;

/** Why a reviewer's scores are not normalized, and on which criteria. */
export interface Unscaled {
  reason: 'no_spread' | 'few_reviews';
  criteria: string[];
}

export const flagId = (kind: FlagKind, subjectId: string): string => `${kind}.${subjectId}`;

interface FlagInput {
  /** In rank order. */
  rows: readonly RankingRow[];
  reviews: readonly ScoredReview[];
  reviewsPerCase: number;
  /** Reviewers whose scores are not normalized, with why. */
  unscaled: ReadonlyMap<string, Unscaled>;
}

/** Every flag: the case flags in rank order, then the reviewer flags by reviewer id. */
export function rankingFlags({ rows, reviews, reviewsPerCase, unscaled }: FlagInput): RankingFlag[] {
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
    const why = unscaled.get(reviewerId);
    if (why) flags.push({ id: flagId('unscaled_reviewer', reviewerId), kind: 'unscaled_reviewer', reviewerId, reviewIds: ids(own), ...why });
  }
  return flags;
}
