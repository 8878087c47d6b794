import { performance } from 'node:perf_hooks';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { xorshift32 } from '../../core/random/seeded.ts';
import { diagnose } from '../../core/review/assignment/diagnosis.ts';
import { greedyAssignment } from '../../core/review/assignment/greedy.ts';
import { indexProblem, type AssignmentProblem, type IndexedProblem } from '../../core/review/assignment/problem.ts';
import { scoreAssignment, slotsToPairs } from '../../core/review/assignment/score.ts';
import { aCase, aProblem, aReviewer } from '../../core/review/assignment/testing/builders.ts';
import { randomProblem } from '../../core/review/assignment/testing/random-problem.ts';
import { solveAssignmentLp } from './assignment-lp.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

function solve(problem: AssignmentProblem, options: { initialPerCase?: number; seedless?: boolean } = {}) {
  const p = indexProblem(problem);
  const greedy = greedyAssignment(p);
  const now = () => performance.now();
  const seed = options.seedless ? [] : greedy;
  const lp = solveAssignmentLp(highs, p, { startedAt: now(), deadlineAt: now() + 30_000, now, onProgress: () => {}, seed, initialPerCase: options.initialPerCase });
  return { p, greedy, lp };
}

/** The least objective over every assignment, by enumeration: each case takes any subset of at most its demand. */
function bruteForceOptimum(p: IndexedProblem): number {
  const options = p.caseIds.map((_, c) => {
    const slots = Array.from({ length: p.pairStart[c + 1]! - p.pairStart[c]! }, (_, i) => p.pairStart[c]! + i);
    const subsets: number[][] = [[]];
    for (const s of slots) for (const subset of [...subsets]) if (subset.length < p.demand[c]!) subsets.push([...subset, s]);
    return subsets.filter((subset) => slots.filter((s) => p.pairKept[s]).every((s) => subset.includes(s)));
  });
  let best = Infinity;
  const walk = (c: number, chosen: number[], load: Int32Array) => {
    if (c === options.length) {
      best = Math.min(best, scoreAssignment(p, chosen).objective.total);
      return;
    }
    for (const subset of options[c]!) {
      if (subset.some((s) => load[p.pairReviewer[s]!]! + 1 > p.capacity[p.pairReviewer[s]!]!)) continue;
      for (const s of subset) load[p.pairReviewer[s]!]! += 1;
      walk(c + 1, [...chosen, ...subset], load);
      for (const s of subset) load[p.pairReviewer[s]!]! -= 1;
    }
  };
  walk(0, [], new Int32Array(p.reviewerIds.length));
  return best;
}

/** Most reviews any assignment can give, by augmenting paths on the raw problem (no LP, no index). */
function maxReviews(problem: AssignmentProblem): number {
  const conflict = new Set(problem.conflicts.map((x) => `${x.caseId}|${x.reviewerId}`));
  const may = problem.cases.map((c) => problem.reviewers.map((r) => r.categories.includes(c.category) && !conflict.has(`${c.id}|${r.id}`)));
  const holder = problem.cases.map(() => problem.reviewers.map(() => false));
  const load = problem.reviewers.map(() => 0);
  const augment = (c: number, seen: Set<number>): boolean => {
    for (let r = 0; r < problem.reviewers.length; r++) {
      if (!may[c]![r] || holder[c]![r] || seen.has(r)) continue;
      seen.add(r);
      const take = () => ((holder[c]![r] = true), true);
      if (load[r]! < problem.reviewers[r]!.capacity) return (load[r]! += 1), take();
      for (let other = 0; other < problem.cases.length; other++) {
        if (holder[other]![r] && augment(other, seen)) return (holder[other]![r] = false), take();
      }
    }
    return false;
  };
  // Ford–Fulkerson: grow through any case still short until no augmenting path is left.
  const held = problem.cases.map(() => 0);
  let total = 0;
  for (let grown = true; grown; ) {
    grown = false;
    for (let c = 0; c < problem.cases.length; c++) {
      while (held[c]! < problem.reviewsPerCase && augment(c, new Set())) {
        held[c]! += 1;
        total += 1;
        grown = true;
      }
    }
  }
  return total;
}

describe('solveAssignmentLp', () => {
  it('finds the one best assignment of a small instance and proves it optimal', () => {
    const { p, lp } = solve(
      aProblem({
        reviewsPerCase: 2,
        cases: [aCase('c1', { tags: ['A'] }), aCase('c2', { tags: ['B'] })],
        reviewers: [
          aReviewer('r1', { tags: ['A'], province: '上海', capacity: 1 }),
          aReviewer('r2', { tags: ['B'], province: '上海', capacity: 1 }),
          aReviewer('r3', { tags: ['A'], province: '江苏', capacity: 1 }),
          aReviewer('r4', { province: '浙江', capacity: 1 }),
        ],
      }),
    );
    // c1 takes both A reviewers (from two provinces); c2 its B reviewer and r4, who matches nothing.
    expect(lp.optimal).toBe(true);
    expect(slotsToPairs(p, lp.slots).map((x) => `${x.caseId}-${x.reviewerId}`).sort()).toEqual(['c1-r1', 'c1-r3', 'c2-r2', 'c2-r4']);
    expect(scoreAssignment(p, lp.slots).objective).toEqual({ shortfall: 0, mismatch: 1, sameProvince: 0, overload: 0, total: 1 });
  });

  it('reaches the enumerated optimum on tiny random instances, also when most pairs must be priced in', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const problem = randomProblem(seed, { cases: 4, reviewers: 6, reviewsPerCase: 2, categories: 2, provinces: 2, capacity: [1, 3], conflictsPerCase: 1 });
      const { p, lp } = solve(problem, { initialPerCase: 1, seedless: true });
      expect(lp.optimal).toBe(true);
      expect(lp.rounds).toBeGreaterThan(1);
      expect(scoreAssignment(p, lp.slots).objective.total).toBeCloseTo(bruteForceOptimum(p), 9);
    }
  });

  it('agrees with the greedy on feasibility, never does worse, and covers exactly the most reviews possible', () => {
    const random = xorshift32(2026);
    const seen = { bothFeasible: 0, lpOnly: 0, neither: 0 };
    for (let seed = 1; seed <= 40; seed++) {
      const problem = randomProblem(seed, {
        cases: 5 + Math.floor(random() * 20),
        reviewers: 3 + Math.floor(random() * 8),
        reviewsPerCase: 1 + Math.floor(random() * 3),
        categories: 2,
        provinces: 3,
        capacity: [1, 4],
        conflictsPerCase: 1,
      });
      const { p, greedy, lp } = solve(problem);
      const lpFigures = scoreAssignment(p, lp.slots);
      const greedyFigures = scoreAssignment(p, greedy);
      expect(lp.optimal).toBe(true);
      expect(lpFigures.reviewsMissing).toBe(problem.cases.length * problem.reviewsPerCase - maxReviews(problem));
      expect(greedyFigures.reviewsMissing).toBeGreaterThanOrEqual(lpFigures.reviewsMissing);
      expect(lpFigures.objective.total).toBeLessThanOrEqual(greedyFigures.objective.total + 1e-9);
      if (greedyFigures.reviewsMissing === 0) seen.bothFeasible += 1;
      else if (lpFigures.reviewsMissing === 0) seen.lpOnly += 1;
      else seen.neither += 1;
    }
    // On these seeds the two agree every time, on feasible and on short instances alike (the
    // greedy's tests show an instance where only the LP covers everything).
    expect(seen).toEqual({ bothFeasible: 13, lpOnly: 0, neither: 27 });
  });

  it('finds the shortage of categories that compete for the same reviewers, which the counts cannot see', () => {
    const problem = aProblem({
      reviewsPerCase: 1,
      cases: [aCase('a1', { category: 'A' }), aCase('b1', { category: 'B' }), ...['c1', 'c2', 'c3'].map((id) => aCase(id, { category: 'C' }))],
      reviewers: [
        aReviewer('shared', { categories: ['A', 'B'], capacity: 1 }),
        aReviewer('x', { categories: ['C'], capacity: 3 }),
        aReviewer('y', { categories: ['C'], capacity: 3 }),
      ],
    });
    const { p, lp } = solve(problem);
    expect(diagnose(p).feasibleByCounts).toBe(true);
    expect(scoreAssignment(p, lp.slots).reviewsMissing).toBe(1);
    expect(lp.optimal).toBe(true);
  });
});
