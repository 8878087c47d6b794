import { rankCases, type SubmittedScores } from '../core/review/ranking.ts';
import { seededRandom } from '../core/random/seeded.ts';

// How far from its place by quality a case scored by a replacement reviewer lands (decision 0028).
// 3,000 cases × 3 reviews on a 1–10 scale; each case's quality ~ N(5.5, 1.5), 60 regular reviewers
// with a habit ~ N(0, 0.7) and noise N(0, 1) per score; one replacement reviewer scores the first
// n cases, lenient by +3 (`lenient`) or fair (`fair`). For each n and rule, the mean distance
// (in places) between those cases' rank and their rank by quality, over 8 seeded draws; a case of
// a regular reviewer is about 265 places off whatever the rule. Rules: `given` (raw average: what
// counting a sparse reviewer as given does), `own` (z by the reviewer's own habit alone, k = 0),
// `shrunk` (k = HABIT_PRIOR_REVIEWS, the rule in use). Not a speed figure: a check of the rule.

const N = 3000;
const SEEDS = 8;
const COUNTS = [1, 2, 3, 4, 6, 10, 20];
const levels = Array.from({ length: 10 }, (_, i) => ({ score: i + 1 }));
const scales = [{ criterion: 'a', weight: 100, levels }];
const clamp = (x: number) => Math.max(1, Math.min(10, Math.round(x)));
const mean = (v: number[]) => Math.round(v.reduce((a, b) => a + b, 0) / v.length);

function world(seed: number, n: number, lenience: number) {
  const random = seededRandom(`ranking-fairness-${seed}`);
  const gauss = () => { let u = 0; for (let i = 0; i < 12; i++) u += random.int(0, 1_000_000) / 1_000_000; return u - 6; };
  const quality = Array.from({ length: N }, () => 5.5 + 1.5 * gauss());
  const habit = Array.from({ length: 60 }, () => 0.7 * gauss());
  const reviews: SubmittedScores[] = [];
  for (let c = 0; c < N; c++) for (let j = 0; j < 3; j++) {
    const replacement = c < n && j === 0;
    const regular = (c * 3 + j) % 60;
    reviews.push({ reviewId: `${c}-${j}`, reviewerId: replacement ? 'replacement' : `r${regular}`, caseId: `c${c}`, scores: { a: clamp(quality[c]! + (replacement ? lenience : habit[regular]!) + gauss()) } });
  }
  const byQuality = new Map([...quality.keys()].sort((x, y) => quality[y]! - quality[x]!).map((c, i) => [`c${c}`, i + 1] as const));
  return { reviews, byQuality };
}

function distances(n: number, lenience: number): Record<string, number> {
  const off: Record<string, number[]> = { given: [], own: [], shrunk: [] };
  const cases = Array.from({ length: N }, (_, c) => ({ caseId: `c${c}`, category: 'x' }));
  for (let seed = 0; seed < SEEDS; seed++) {
    const { reviews, byQuality } = world(seed, n, lenience);
    const own = rankCases({ scales, reviewsPerCase: 3, cases, reviews, habitPriorReviews: 0 }).rows;
    const shrunk = rankCases({ scales, reviewsPerCase: 3, cases, reviews }).rows;
    const given = [...own].sort((x, y) => y.raw! - x.raw! || (x.caseId < y.caseId ? -1 : 1)).map((r, i) => ({ caseId: r.caseId, rank: i + 1 }));
    for (const [rule, rows] of [['given', given], ['own', own], ['shrunk', shrunk]] as const) {
      const rankOf = new Map(rows.map((r) => [r.caseId, r.rank!]));
      for (let c = 0; c < n; c++) off[rule]!.push(Math.abs(rankOf.get(`c${c}`)! - byQuality.get(`c${c}`)!));
    }
  }
  return Object.fromEntries(Object.entries(off).map(([rule, v]) => [rule, mean(v)]));
}

export async function run(): Promise<Record<string, unknown>> {
  const rows = COUNTS.map((n) => ({ reviews: n, lenient: distances(n, 3), fair: distances(n, 0) }));
  return { bench: 'ranking-fairness', cases: N, seeds: SEEDS, placesOff: rows };
}
