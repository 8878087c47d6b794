import { describe, expect, it } from 'vitest';
import { rankCases, type ScoredReview, type SubmittedScores } from './ranking.ts';
import { rankingFlags } from './ranking-flags.ts';

const levels = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ score: from + i }));
/** Two criteria on 1–5; a total is weight × score / 5 summed. */
const scales = (wa: number, wb: number) => [{ criterion: 'a', weight: wa, levels: levels(1, 5) }, { criterion: 'b', weight: wb, levels: levels(1, 5) }];
const review = (reviewerId: string, caseId: string, a: number, b: number): SubmittedScores => ({ reviewId: `${reviewerId}-${caseId}`, reviewerId, caseId, scores: { a, b } });
const cases = (spec: string) => spec.split(' ').map((s) => { const [caseId, category] = s.split(':'); return { caseId: caseId!, category: category! }; });
const picked = (rows: { caseId: string; raw: number | null; normalized: number | null; rank: number | null; categoryRank: number | null }[]) =>
  rows.map((r) => [r.caseId, r.raw, r.normalized, r.rank, r.categoryRank]);

describe('normalized scores', () => {
  it('puts a harsh and a lenient reviewer on one scale: each best case ends level, the tie goes to the higher raw total', () => {
    // By each reviewer's own habit alone (k = 0; the shrinking towards everyone's is tested below).
    // Harsh H gives P 1,1, Q 2,2 and T 3,3 (mean 2, population SD √(2/3): z = −1.22474, 0, +1.22474);
    // lenient L gives R 3,3, U 4,4 and S 5,5 (mean 4, the same SD and z). Every score of a: 1,2,3,3,4,5,
    // mean 3, SD √(10/6) = 1.29099; b the same. z = +1.22474 → 3 + 1.58114 = 4.58114; 0 → 3; −1.22474 → 1.41886.
    // Totals (60·x/5 + 40·x/5 = 20x): 91.62, 60, 28.38. Raw totals: P 20, Q 40, T 60, R 60, U 80, S 100.
    const ranking = rankCases({
      scales: scales(60, 40), reviewsPerCase: 1, cases: cases('P:urban Q:urban T:rural R:rural U:urban S:urban'), habitPriorReviews: 0,
      reviews: [review('H', 'P', 1, 1), review('H', 'Q', 2, 2), review('H', 'T', 3, 3), review('L', 'R', 3, 3), review('L', 'U', 4, 4), review('L', 'S', 5, 5)],
    });
    expect(picked(ranking.rows)).toEqual([
      ['S', 100, 91.62, 1, 1], ['T', 60, 91.62, 2, 1], ['U', 80, 60, 3, 2], ['Q', 40, 60, 4, 3], ['R', 60, 28.38, 5, 2], ['P', 20, 28.38, 6, 4],
    ]);
    expect(ranking.criteria).toEqual([
      { criterion: 'a', weight: 60, min: 1, max: 5, mean: 3, sd: 1.29 },
      { criterion: 'b', weight: 40, min: 1, max: 5, mean: 3, sd: 1.29 },
    ]);
    expect(ranking.reviews.find((r) => r.reviewId === 'H-T')).toEqual({
      reviewId: 'H-T', reviewerId: 'H', caseId: 'T', raw: { a: 3, b: 3 }, normalized: { a: 4.58, b: 4.58 }, rawTotal: 60, normalizedTotal: 91.62,
    });
    expect(ranking.flags).toEqual([]);
  });

  it('draws the habit of a reviewer with few reviews towards everyone\'s, so two close scores are not stretched to z = ±1', () => {
    // K scored two cases 4,4 and 5,5 (by their own habit alone, z = −1 and +1 however close); M scored 1,1 2,2 3,3.
    // All of a (and of b): 4,5,1,2,3 → M = 3, S = √2. With k = 5:
    // K: n 2, m 4.5, s² 0.25 → m′ = (9 + 15)/7 = 3.42857, s′² = (0.5 + 10)/7 = 1.5;
    // M: n 3, m 2, s² 2/3 → m′ = (6 + 15)/8 = 2.625, s′² = (2 + 10)/8 = 1.5.
    // K-A: z = (4 − 3.42857)/1.22474 = 0.46657 → 3 + 0.46657·√2 = 3.65983 → total 20·x = 73.2; K-B: z 1.28307 → 4.81453 → 96.29.
    // M-C: z −1.32681 → 1.12361 → 22.47; M-D: −0.51031 → 2.27831 → 45.57; M-E: 0.30619 → 3.43301 → 68.66.
    const ranking = rankCases({
      scales: scales(60, 40), reviewsPerCase: 1, cases: cases('A:urban B:urban C:urban D:urban E:urban'),
      reviews: [review('K', 'A', 4, 4), review('K', 'B', 5, 5), review('M', 'C', 1, 1), review('M', 'D', 2, 2), review('M', 'E', 3, 3)],
    });
    expect(ranking.rows.map((r) => [r.caseId, r.raw, r.normalized])).toEqual([['B', 100, 96.29], ['A', 80, 73.2], ['E', 60, 68.66], ['D', 40, 45.57], ['C', 20, 22.47]]);
    expect(ranking.reviews.find((r) => r.reviewId === 'K-A')!.normalized).toEqual({ a: 3.66, b: 3.66 });
    // Both have fewer than 5 reviews: the rows of their cases carry the flag, with the share of their own habit.
    expect(ranking.rows.map((r) => [r.caseId, r.flags])).toEqual([
      ['B', ['few_reviews.K']], ['A', ['few_reviews.K']], ['E', ['few_reviews.M']], ['D', ['few_reviews.M']], ['C', ['few_reviews.M']],
    ]);
    expect(ranking.flags).toEqual([
      { id: 'few_reviews.K', kind: 'few_reviews', reviewerId: 'K', reviewIds: ['K-A', 'K-B'], count: 2, ownShare: 0.29 },
      { id: 'few_reviews.M', kind: 'few_reviews', reviewerId: 'M', reviewIds: ['M-C', 'M-D', 'M-E'], count: 3, ownShare: 0.38 },
    ]);
  });

  it('takes a lenient reviewer\'s leniency off step by step as they review more: no jump at any count', () => {
    // R scores ten cases 1…5 twice over; L is lenient (4s and 5s). L's first case is 4,4. Each further pair of L's
    // reviews (a 4,4 and a 5,5) moves that case down, each time by less than the time before: the habit is L's own more
    // and more, smoothly. (The cut-off this replaced kept L's scores as given up to two reviews, then jumped.)
    const totals = [1, 2, 3, 4, 5].map((pairs) => {
      const lenient = Array.from({ length: 2 * pairs }, (_, i) => review('L', `l${i}`, 4 + (i % 2), 4 + (i % 2)));
      const regular = Array.from({ length: 10 }, (_, i) => review('R', `r${i}`, (i % 5) + 1, (i % 5) + 1));
      const all = [...regular, ...lenient];
      const ranking = rankCases({ scales: scales(60, 40), reviewsPerCase: 1, cases: all.map((r) => ({ caseId: r.caseId, category: 'urban' })), reviews: all });
      return ranking.rows.find((r) => r.caseId === 'l0')!.normalized!;
    });
    expect(totals).toEqual([74.07, 71.01, 69.22, 68.1, 67.39]);
    const steps = totals.slice(1).map((t, i) => totals[i]! - t);
    expect(steps.every((d) => d > 0)).toBe(true);
    expect(steps.every((d, i) => i === 0 || d < steps[i - 1]!)).toBe(true);
  });

  it('normalizes each criterion apart, clamps to the scale, and counts a score without spread as the criterion mean', () => {
    // By each reviewer's own habit alone (k = 0): with k > 0 a reviewer without spread still has one to divide by.
    // A: X 5,1  Y 3,3  Z 1,5 → on a and on b mean 3, SD √(8/3) = 1.63299; z = ±1.22474 or 0.
    // B: X 4,4  Y 4,2  Z 4,3 → a never varies (z = 0: counts as the mean of a); b mean 3, SD √(2/3), z = +1.22474, −1.22474, 0.
    // All of a: 5,3,1,4,4,4 → mean 3.5, SD √(9.5/6) = 1.25831; all of b: 1,3,5,4,2,3 → mean 3, SD √(10/6) = 1.29099.
    // A-X: a 3.5 + 1.22474·1.25831 = 5.04 → clamped to 5; b 3 − 1.22474·1.29099 = 1.41886. Total 70·5/5 + 30·1.41886/5 = 78.51.
    // A-Y: 3.5, 3 → 67. A-Z: a 1.95889, b 4.58114 → 27.42 + 27.49 = 54.91. B-X: 3.5, 4.58114 → 76.49. B-Y: 3.5, 1.41886 → 57.51. B-Z: 3.5, 3 → 67.
    // Cases: X (78.51 + 76.49)/2 = 77.5, Y (67 + 57.51)/2 = 62.26, Z (54.91 + 67)/2 = 60.96; raw X 78, Y 64, Z 59.
    const ranking = rankCases({
      scales: scales(70, 30), reviewsPerCase: 2, cases: cases('Z:rural Y:urban X:urban'), habitPriorReviews: 0,
      reviews: [review('A', 'X', 5, 1), review('A', 'Y', 3, 3), review('A', 'Z', 1, 5), review('B', 'X', 4, 4), review('B', 'Y', 4, 2), review('B', 'Z', 4, 3)],
    });
    expect(picked(ranking.rows)).toEqual([['X', 78, 77.5, 1, 1], ['Y', 64, 62.26, 2, 2], ['Z', 59, 60.96, 3, 1]]);
    expect(ranking.reviews.map((r) => [r.reviewId, r.normalized, r.normalizedTotal])).toEqual([
      ['A-X', { a: 5, b: 1.42 }, 78.51], ['A-Y', { a: 3.5, b: 3 }, 67], ['A-Z', { a: 1.96, b: 4.58 }, 54.91],
      ['B-X', { a: 3.5, b: 4.58 }, 76.49], ['B-Y', { a: 3.5, b: 1.42 }, 57.51], ['B-Z', { a: 3.5, b: 3 }, 67],
    ]);
    expect(ranking.flags).toEqual([]);
  });

  it('leaves a lone review as given: one reviewer, one case (everyone\'s habit is theirs)', () => {
    const ranking = rankCases({ scales: scales(60, 40), reviewsPerCase: 3, cases: cases('P:urban'), reviews: [review('H', 'P', 4, 2)] });
    // 60·4/5 + 40·2/5 = 48 + 16
    expect(picked(ranking.rows)).toEqual([['P', 64, 64, 1, 1]]);
    expect(ranking.rows[0]!.flags).toEqual(['too_few_scores.P', 'few_reviews.H']);
    expect(ranking.flags).toEqual([
      { id: 'too_few_scores.P', kind: 'too_few_scores', caseId: 'P', reviewIds: ['H-P'], count: 1, required: 3 },
      { id: 'few_reviews.H', kind: 'few_reviews', reviewerId: 'H', reviewIds: ['H-P'], count: 1, ownShare: 0.17 },
    ]);
  });

  it('ranks nobody and flags every case when no one has scored', () => {
    const ranking = rankCases({ scales: scales(60, 40), reviewsPerCase: 2, cases: cases('Q:rural P:urban'), reviews: [] });
    expect(ranking.rows).toEqual([
      { caseId: 'P', category: 'urban', raw: null, normalized: null, scoreCount: 0, rank: null, categoryRank: null, flags: ['too_few_scores.P'] },
      { caseId: 'Q', category: 'rural', raw: null, normalized: null, scoreCount: 0, rank: null, categoryRank: null, flags: ['too_few_scores.Q'] },
    ]);
    expect(ranking.flags.map((f) => [f.id, f.reviewIds])).toEqual([['too_few_scores.P', []], ['too_few_scores.Q', []]]);
    expect(ranking.criteria.map((c) => [c.mean, c.sd])).toEqual([[0, 0], [0, 0]]);
  });

  it('breaks ties by raw total, then by more scores, then by case id; unscored cases come last', () => {
    // Everyone gives 4,4 everywhere: every normalized total is 80 and every raw total 80.
    const ranking = rankCases({
      scales: scales(60, 40), reviewsPerCase: 1, cases: cases('D:urban C:urban B:rural A:urban E:urban'),
      reviews: [review('F', 'D', 4, 4), review('F', 'C', 4, 4), review('G', 'C', 4, 4), review('F', 'B', 4, 4), review('F', 'A', 4, 4), review('G', 'A', 4, 4)],
    });
    expect(ranking.rows.map((r) => [r.caseId, r.normalized, r.scoreCount, r.rank, r.categoryRank])).toEqual([
      ['A', 80, 2, 1, 1], ['C', 80, 2, 2, 2], ['B', 80, 1, 3, 1], ['D', 80, 1, 4, 3], ['E', null, 0, null, null],
    ]);
  });

  it('counts only reviews that score every criterion, of cases in the ranking; other criteria are ignored', () => {
    const ranking = rankCases({
      scales: scales(60, 40), reviewsPerCase: 2, cases: cases('P:urban'),
      reviews: [
        { reviewId: 'short', reviewerId: 'H', caseId: 'P', scores: { a: 5 } },
        { reviewId: 'extra', reviewerId: 'L', caseId: 'P', scores: { a: 5, b: 5, style: 1 } },
        { reviewId: 'elsewhere', reviewerId: 'L', caseId: 'withdrawn', scores: { a: 1, b: 1 } },
      ],
    });
    expect(ranking.rows.map((r) => [r.caseId, r.raw, r.normalized, r.scoreCount])).toEqual([['P', 100, 100, 1]]);
    expect(ranking.reviews.map((r) => [r.reviewId, r.raw])).toEqual([['extra', { a: 5, b: 5 }]]);
    expect(ranking.flags.find((f) => f.kind === 'too_few_scores')).toEqual({
      id: 'too_few_scores.P', kind: 'too_few_scores', caseId: 'P', reviewIds: ['extra'], count: 1, required: 2,
    });
  });
});

describe('flags', () => {
  it('flags reviewers of one case who disagree after normalization', () => {
    // A: X 5,5  Y 1,1; B the opposite. Each reviewer's habit (mean 3, SD 2) is everyone's, so shrinking
    // changes nothing and normalized = raw: A-X 100, B-X 20, range 80. Both cases average 60.
    const ranking = rankCases({
      scales: scales(60, 40), reviewsPerCase: 2, cases: cases('X:urban Y:urban'),
      reviews: [review('A', 'X', 5, 5), review('A', 'Y', 1, 1), review('B', 'X', 1, 1), review('B', 'Y', 5, 5)],
    });
    expect(ranking.rows.map((r) => [r.caseId, r.normalized, r.flags])).toEqual([
      ['X', 60, ['disagreement.X', 'few_reviews.A', 'few_reviews.B']], ['Y', 60, ['disagreement.Y', 'few_reviews.A', 'few_reviews.B']],
    ]);
    expect(ranking.flags.filter((f) => f.kind === 'disagreement')).toEqual([
      { id: 'disagreement.X', kind: 'disagreement', caseId: 'X', reviewIds: ['A-X', 'B-X'], range: 80 },
      { id: 'disagreement.Y', kind: 'disagreement', caseId: 'Y', reviewIds: ['A-Y', 'B-Y'], range: 80 },
    ]);
  });

  const scored = (reviewId: string, reviewerId: string, caseId: string, rawTotal: number, normalizedTotal = rawTotal): ScoredReview =>
    ({ reviewId, reviewerId, caseId, raw: {}, normalized: {}, rawTotal, normalizedTotal });
  const row = (caseId: string) => ({ caseId, category: 'urban', raw: 0, normalized: 0, scoreCount: 0, rank: 1, categoryRank: 1, flags: [] });

  it('flags disagreement from a range of 20 points up', () => {
    const flags = rankingFlags({
      rows: [row('X'), row('Y')], reviewsPerCase: 2, habitPriorReviews: 0,
      reviews: [scored('x1', 'A', 'X', 0, 80), scored('x2', 'B', 'X', 0, 60), scored('y1', 'A', 'Y', 0, 80), scored('y2', 'B', 'Y', 0, 60.01)],
    });
    expect(flags).toEqual([{ id: 'disagreement.X', kind: 'disagreement', caseId: 'X', reviewIds: ['x1', 'x2'], range: 20 }]);
  });

  it('flags a reviewer whose totals vary by less than 3 points (SD) over 5 reviews or more', () => {
    // F: 80, 80, 80, 80, 74 → mean 78.8, SD √((4·1.44 + 23.04)/5) = √5.76 = 2.4. G: 80, 80, 80, 80, 72.5 → SD 3. H: four reviews of 80.
    const totals = { F: [80, 80, 80, 80, 74], G: [80, 80, 80, 80, 72.5], H: [80, 80, 80, 80] };
    const reviews = Object.entries(totals).flatMap(([who, list]) => list.map((t, i) => scored(`${who}${i}`, who, `c${i}`, t)));
    const flags = rankingFlags({ rows: [], reviews, reviewsPerCase: 1, habitPriorReviews: 0 });
    expect(flags).toEqual([{ id: 'flat_reviewer.F', kind: 'flat_reviewer', reviewerId: 'F', reviewIds: ['F0', 'F1', 'F2', 'F3', 'F4'], sd: 2.4 }]);
  });

  it('flags a reviewer with fewer reviews than the habit\'s prior weight, with the share of their own habit', () => {
    // k = 5: four reviews are flagged (own share 4/9), five are not.
    const reviews = [...Array.from({ length: 4 }, (_, i) => scored(`F${i}`, 'F', `c${i}`, 60 + 10 * i)), ...Array.from({ length: 5 }, (_, i) => scored(`G${i}`, 'G', `c${i}`, 50 + 10 * i))];
    const flags = rankingFlags({ rows: [], reviews, reviewsPerCase: 1, habitPriorReviews: 5 });
    expect(flags).toEqual([{ id: 'few_reviews.F', kind: 'few_reviews', reviewerId: 'F', reviewIds: ['F0', 'F1', 'F2', 'F3'], count: 4, ownShare: 0.44 }]);
  });
});
