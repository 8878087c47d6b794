import type { CriterionScale } from '../campaign/review-settings.schema.ts';

// What a reviewer's scores must be. A draft may leave criteria or the tier open, but every score
// it holds is already a whole number on its criterion's scale; a submitted review scores every
// criterion and recommends a tier. The weighted total puts each criterion on its share of 100.

export const REVIEW_TIERS = ['best', 'excellent', 'neither'] as const;
export type ReviewTier = (typeof REVIEW_TIERS)[number];
/** Comments are for the organizers: a few paragraphs at most. */
export const REVIEW_COMMENT_MAX = 2000;

export interface ReviewInput {
  scores: Readonly<Record<string, number>>;
  comment: string;
  tier: string | null;
}

/** What scoring needs of a criterion's scale: its key, weight and the scores of its levels. */
export type ScaleShape = Pick<CriterionScale, 'criterion' | 'weight'> & { levels: readonly { score: number }[] };

export type ScoreProblem =
  | { code: 'criterion_unknown'; criterion: string }
  | { code: 'score_missing'; criterion: string }
  | { code: 'score_out_of_range'; criterion: string; min: number; max: number }
  | { code: 'tier_missing' }
  | { code: 'tier_unknown' }
  | { code: 'comment_too_long'; max: number };

/** The lowest and highest score of a criterion's scale. */
export function scaleRange(scale: ScaleShape): { min: number; max: number } {
  const scores = scale.levels.map((l) => l.score);
  return { min: Math.min(...scores), max: Math.max(...scores) };
}

/**
 * Every problem with a review, in the order of the campaign's scales; empty when there is none.
 * `complete` asks for what a submission needs: every criterion scored and a tier.
 */
export function reviewProblems(scales: readonly ScaleShape[], input: ReviewInput, complete: boolean): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const known = new Set(scales.map((s) => s.criterion));
  for (const criterion of Object.keys(input.scores)) if (!known.has(criterion)) problems.push({ code: 'criterion_unknown', criterion });
  for (const scale of scales) {
    const score = input.scores[scale.criterion];
    const { min, max } = scaleRange(scale);
    if (score === undefined) {
      if (complete) problems.push({ code: 'score_missing', criterion: scale.criterion });
    } else if (!Number.isInteger(score) || score < min || score > max) {
      problems.push({ code: 'score_out_of_range', criterion: scale.criterion, min, max });
    }
  }
  if (input.tier === null) {
    if (complete) problems.push({ code: 'tier_missing' });
  } else if (!(REVIEW_TIERS as readonly string[]).includes(input.tier)) {
    problems.push({ code: 'tier_unknown' });
  }
  if ([...input.comment].length > REVIEW_COMMENT_MAX) problems.push({ code: 'comment_too_long', max: REVIEW_COMMENT_MAX });
  return problems;
}

/**
 * The weighted total out of 100: each criterion gives its weight times score / top of its scale,
 * rounded to two decimals; null until every criterion is scored.
 */
export function weightedTotal(scales: readonly ScaleShape[], scores: Readonly<Record<string, number>>): number | null {
  const total = exactWeightedTotal(scales, scores);
  return total === null ? null : Math.round(total * 100) / 100;
}

/** The weighted total unrounded, for sums and means of totals (the ranking's). */
export function exactWeightedTotal(scales: readonly ScaleShape[], scores: Readonly<Record<string, number>>): number | null {
  let total = 0;
  for (const scale of scales) {
    const score = scores[scale.criterion];
    if (score === undefined) return null;
    total += (scale.weight * score) / scaleRange(scale).max;
  }
  // Weights add up to 100 (the campaign schema holds them to it), so the sum is already out of 100.
  return total;
}
