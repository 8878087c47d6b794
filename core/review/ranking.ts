import { rankingFlags, type RankingFlag } from './ranking-flags.ts';
import { groupBy, meanAndSd, round2 } from './score-statistics.ts';
import { exactWeightedTotal, scaleRange, type ScaleShape } from './scoring.ts';

// Raw and normalized scores of a campaign's cases, ranked overall and per category
// (decision 0028). A harsh and a lenient reviewer should not decide the outcome more than the
// case does: each score is placed against its reviewer's habit on that criterion (z-score,
// population standard deviation), then put back on the criterion's scale with the mean and
// spread of every score given on it, clamped to the scale.
// A reviewer's habit is read from few scores when they reviewed few cases (with two, any two
// different scores would become z = ±1 however close they are). So it is shrunk towards the
// habit of everyone on that criterion, roughly as if the reviewer had also given
// HABIT_PRIOR_REVIEWS scores like everyone's: with n scores of mean m and spread s, and everyone's M and S,
//   m′ = (n·m + k·M) / (n + k),   s′² = (n·s² + k·S²) / (n + k),   z = (x − m′) / s′.
// With many reviews this is the reviewer's own habit; with one, the score stays near as given.
// It moves smoothly with n (no cut-off to cross), and a reviewer whose scores do not vary still
// has a spread to divide by. A reviewer with fewer than HABIT_PRIOR_REVIEWS reviews is flagged:
// their habit is then more everyone's than their own.

/** A case in review, ranked even before anyone scored it. */
export interface CaseToRank {
  caseId: string;
  category: string;
}

/** One submitted review: its reviewer (pool row), its case and a score per criterion. */
export interface SubmittedScores {
  reviewId: string;
  reviewerId: string;
  caseId: string;
  scores: Readonly<Record<string, number>>;
}

export interface RankingInput {
  scales: readonly ScaleShape[];
  /** How many reviews each case should have (review settings' `reviewsPerCase`). */
  reviewsPerCase: number;
  cases: readonly CaseToRank[];
  reviews: readonly SubmittedScores[];
  /** k of the shrunk habit; HABIT_PRIOR_REVIEWS unless given (0: every reviewer by their own habit alone). */
  habitPriorReviews?: number;
}

/** A review that counts, with its scores as given and as normalized, and both weighted totals out of 100. */
export interface ScoredReview {
  reviewId: string;
  reviewerId: string;
  caseId: string;
  raw: Record<string, number>;
  normalized: Record<string, number>;
  rawTotal: number;
  normalizedTotal: number;
}

export interface RankingRow {
  caseId: string;
  category: string;
  /** Mean of the reviews' weighted totals as given; null without a review. */
  raw: number | null;
  /** Mean of the reviews' weighted totals after normalization; null without a review. */
  normalized: number | null;
  scoreCount: number;
  /** 1-based place among all scored cases; null without a review. */
  rank: number | null;
  categoryRank: number | null;
  /** Ids of the flags about this case. */
  flags: string[];
}

/** What the rescale used for one criterion: the mean and spread of every score given on it. */
export interface CriterionStats {
  criterion: string;
  weight: number;
  min: number;
  max: number;
  mean: number;
  sd: number;
}

export interface Ranking {
  criteria: CriterionStats[];
  /** Scored cases first, in rank order; then unscored cases by id. */
  rows: RankingRow[];
  flags: RankingFlag[];
  reviews: ScoredReview[];
}

/** Spreads below this count as none: whole-number scores never come this close without being equal. */
const NO_SPREAD = 1e-9;
/** k: a reviewer's habit counts as if they had also given this many scores like everyone's. */
export const HABIT_PRIOR_REVIEWS = 5;

/**
 * The campaign's ranking. Only reviews of the given cases that score every criterion count
 * (criteria the campaign does not have are ignored); the rest are left out, so their case may
 * show too few scores. Pure: the same input always gives the same order.
 */
export function rankCases(input: RankingInput): Ranking {
  const { scales } = input;
  const k = input.habitPriorReviews ?? HABIT_PRIOR_REVIEWS;
  const inRanking = new Set(input.cases.map((c) => c.caseId));
  const counted = input.reviews.filter((r) => inRanking.has(r.caseId) && scales.every((s) => Number.isFinite(r.scores[s.criterion])));

  const criteria = scales.map((s) => ({ criterion: s.criterion, weight: s.weight, ...scaleRange(s), ...statsOf(counted.map((r) => r.scores[s.criterion]!)) }));
  const byReviewer = groupBy(counted, (r) => r.reviewerId);
  const habits = new Map([...byReviewer].map(([id, list]) => [id, new Map(criteria.map((c) => [c.criterion, shrunkHabit(list.map((r) => r.scores[c.criterion]!), c, k)]))]));

  const reviews: ScoredReview[] = counted.map((r) => {
    const raw = Object.fromEntries(scales.map((s) => [s.criterion, r.scores[s.criterion]!]));
    const exact = Object.fromEntries(criteria.map((c) => {
      const habit = habits.get(r.reviewerId)!.get(c.criterion)!;
      const z = habit.sd < NO_SPREAD ? 0 : (raw[c.criterion]! - habit.mean) / habit.sd;
      return [c.criterion, Math.min(c.max, Math.max(c.min, c.mean + z * c.sd))];
    }));
    const normalized = Object.fromEntries(Object.entries(exact).map(([key, v]) => [key, round2(v)]));
    return { reviewId: r.reviewId, reviewerId: r.reviewerId, caseId: r.caseId, raw, normalized, rawTotal: exactWeightedTotal(scales, raw)!, normalizedTotal: exactWeightedTotal(scales, exact)! };
  });

  // Case means are taken of the exact totals, so rounding happens once, on what is shown.
  const byCase = groupBy(reviews, (r) => r.caseId);
  const rows: RankingRow[] = input.cases.map((c) => {
    const own = byCase.get(c.caseId) ?? [];
    const mean = (pick: (r: ScoredReview) => number) => (own.length === 0 ? null : round2(own.reduce((s, r) => s + pick(r), 0) / own.length));
    return { caseId: c.caseId, category: c.category, raw: mean((r) => r.rawTotal), normalized: mean((r) => r.normalizedTotal), scoreCount: own.length, rank: null, categoryRank: null, flags: [] };
  });
  rows.sort(byPlace);
  const places = new Map<string, number>();
  let rank = 0;
  for (const row of rows) {
    if (row.normalized === null) continue;
    row.rank = ++rank;
    row.categoryRank = (places.get(row.category) ?? 0) + 1;
    places.set(row.category, row.categoryRank);
  }

  const flags = rankingFlags({ rows, reviews, reviewsPerCase: input.reviewsPerCase, habitPriorReviews: k });
  const rowOf = new Map(rows.map((r) => [r.caseId, r]));
  for (const flag of flags) if ('caseId' in flag) rowOf.get(flag.caseId)!.flags.push(flag.id);
  // A case scored by a reviewer with few reviews says so on its own row too.
  const reviewOf = new Map(reviews.map((r) => [r.reviewId, r]));
  for (const flag of flags) {
    if (flag.kind !== 'few_reviews') continue;
    for (const caseId of new Set(flag.reviewIds.map((id) => reviewOf.get(id)!.caseId))) rowOf.get(caseId)!.flags.push(flag.id);
  }
  return {
    criteria: criteria.map((c) => ({ ...c, mean: round2(c.mean), sd: round2(c.sd) })),
    rows,
    flags,
    reviews: reviews.map((r) => ({ ...r, rawTotal: round2(r.rawTotal), normalizedTotal: round2(r.normalizedTotal) })),
  };
}

function statsOf(values: readonly number[]): { mean: number; sd: number } {
  return values.length === 0 ? { mean: 0, sd: 0 } : meanAndSd(values);
}

/**
 * The order of the ranking: normalized total, highest first; equal (to the hundredth shown)
 * goes to the higher raw total, then to more scores, then to the lower case id, so a tie always
 * falls the same way. Cases without a score come last, by id.
 */
function byPlace(a: RankingRow, b: RankingRow): number {
  if (a.normalized === null || b.normalized === null) {
    if (a.normalized !== b.normalized) return a.normalized === null ? 1 : -1;
  } else if (a.normalized !== b.normalized) {
    return b.normalized - a.normalized;
  } else if (a.raw !== b.raw) {
    return b.raw! - a.raw!;
  } else if (a.scoreCount !== b.scoreCount) {
    return b.scoreCount - a.scoreCount;
  }
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

/** A reviewer's habit on one criterion, shrunk towards everyone's (see the top of this file). */
function shrunkHabit(scores: readonly number[], everyone: { mean: number; sd: number }, k: number): { mean: number; sd: number } {
  const own = meanAndSd(scores);
  const n = scores.length;
  return {
    mean: (n * own.mean + k * everyone.mean) / (n + k),
    sd: Math.sqrt((n * own.sd ** 2 + k * everyone.sd ** 2) / (n + k)),
  };
}
