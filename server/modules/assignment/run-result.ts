import type { AssignmentPair } from '../../../core/review/assignment/problem.ts';
import type { AssignmentFigures } from '../../../core/review/assignment/score.ts';
import type { AssignmentSolution } from '../../review/assignment-solver.ts';
import type { PassedCase } from './assignment-problem.ts';

// What a finished run records and shows: the figures of its proposal beside the greedy's, the
// reviews still missing per category (exact, from the proposal) and the diagnosis's lower bounds.

export interface CategoryShortfall {
  category: string;
  /** Cases with fewer reviewers than the campaign asks. */
  cases: number;
  /** Reviews missing over those cases. */
  missing: number;
}

/** Reviews missing per category for an assignment, categories in `order` (the campaign's). */
export function shortfallByCategory(cases: readonly PassedCase[], pairs: readonly AssignmentPair[], k: number, order: readonly string[]): CategoryShortfall[] {
  const count = new Map<string, number>();
  for (const p of pairs) count.set(p.caseId, (count.get(p.caseId) ?? 0) + 1);
  const byCategory = new Map<string, CategoryShortfall>();
  for (const c of cases) {
    const missing = Math.max(0, k - (count.get(c.id) ?? 0));
    if (missing === 0) continue;
    const entry = byCategory.get(c.category) ?? { category: c.category, cases: 0, missing: 0 };
    entry.cases += 1;
    entry.missing += missing;
    byCategory.set(c.category, entry);
  }
  const rank = (g: string) => (order.includes(g) ? order.indexOf(g) : order.length);
  return [...byCategory.values()].sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category));
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

function figuresOf(f: AssignmentFigures) {
  return {
    coverage: round(f.coverage), casesCovered: f.casesCovered, reviewsMissing: f.reviewsMissing,
    maxLoadRatio: round(f.loadRatio.max), loadRatioStdev: round(f.loadRatio.stdev),
    expertiseMatch: round(f.expertiseMatch), sameProvincePairs: f.sameProvincePairs, objective: round(f.objective.total, 2),
  };
}

export type RunFigures = ReturnType<typeof figuresOf>;

export function runResult(solution: AssignmentSolution, cases: readonly PassedCase[], k: number, order: readonly string[]) {
  const d = solution.diagnosis;
  return {
    cases: solution.figures.cases,
    pairs: solution.pairs.length,
    optimal: solution.optimal,
    stoppedBy: solution.stoppedBy,
    seconds: round(solution.seconds, 2),
    figures: figuresOf(solution.figures),
    greedy: figuresOf(solution.greedy),
    /** The proposal's objective over the greedy's: below 1 is better. */
    vsGreedy: solution.greedy.objective.total === 0 ? 1 : round(solution.figures.objective.total / solution.greedy.objective.total),
    shortfall: shortfallByCategory(cases, solution.pairs, k, order),
    diagnosis: {
      missingAtLeast: d.missingAtLeast,
      categories: d.categories,
      total: d.total,
      casesShort: d.cases.length,
    },
    droppedKept: solution.droppedKept.length,
  };
}

export type RunResult = ReturnType<typeof runResult>;
