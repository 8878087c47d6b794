import type { IndexedProblem } from './problem.ts';

// Why a request cannot be met, before any solver runs. Each figure is a Hall-type count: a
// set of cases needs D reviews, and the reviewers who may take any of them can give at most
// S = Σ_r min(capacity_r, number of cases in the set r may review). D − S reviews are then
// missing whatever the assignment. It is checked for each case alone, for each category, and
// for all cases. It finds a category short of qualified, conflict-free capacity and a case
// with fewer eligible reviewers than it needs; it does not find shortages that only appear
// when categories compete for the same reviewers, or when conflicts pile up on some cases of a
// category. The LP's shortfall is exact (it maximizes coverage first); this explains it.

export interface CategoryShortfall {
  category: string;
  demand: number;
  supply: number;
  /** max(demand − supply, the sum of its cases' own shortfalls). */
  shortfall: number;
}

export interface CaseShortfall {
  caseId: string;
  eligible: number;
  shortfall: number;
}

export interface Diagnosis {
  feasibleByCounts: boolean;
  categories: CategoryShortfall[];
  cases: CaseShortfall[];
  total: { demand: number; supply: number; shortfall: number };
  /** Reviews that are certainly missing: the larger of the overall and the summed category counts. */
  missingAtLeast: number;
}

export function diagnose(p: IndexedProblem): Diagnosis {
  const nCases = p.caseIds.length;
  const nReviewers = p.reviewerIds.length;
  const nCategories = p.categories.length;
  // reach[r * nCategories + g]: cases of category g that reviewer r may take.
  const reach = new Int32Array(nReviewers * nCategories);
  const reachAll = new Int32Array(nReviewers);
  const demandOf = new Float64Array(nCategories);
  const caseDeficitOf = new Float64Array(nCategories);
  const cases: CaseShortfall[] = [];
  for (let c = 0; c < nCases; c++) {
    const g = p.caseCategory[c]!;
    const eligible = p.pairStart[c + 1]! - p.pairStart[c]!;
    demandOf[g]! += p.demand[c]!;
    if (eligible < p.demand[c]!) {
      cases.push({ caseId: p.caseIds[c]!, eligible, shortfall: p.demand[c]! - eligible });
      caseDeficitOf[g]! += p.demand[c]! - eligible;
    }
    for (let s = p.pairStart[c]!; s < p.pairStart[c + 1]!; s++) {
      const r = p.pairReviewer[s]!;
      reach[r * nCategories + g]! += 1;
      reachAll[r]! += 1;
    }
  }
  const categories = p.categories.map((category, g) => {
    let supply = 0;
    for (let r = 0; r < nReviewers; r++) supply += Math.min(p.capacity[r]!, reach[r * nCategories + g]!);
    const demand = demandOf[g]!;
    return { category, demand, supply, shortfall: Math.max(demand - supply, caseDeficitOf[g]!, 0) };
  });
  let supply = 0;
  for (let r = 0; r < nReviewers; r++) supply += Math.min(p.capacity[r]!, reachAll[r]!);
  const demand = p.demand.reduce((a, b) => a + b, 0);
  const total = { demand, supply, shortfall: Math.max(0, demand - supply) };
  const missingAtLeast = Math.max(total.shortfall, categories.reduce((a, g) => a + g.shortfall, 0));
  return {
    feasibleByCounts: missingAtLeast === 0,
    categories: categories.filter((g) => g.shortfall > 0),
    cases,
    total,
    missingAtLeast,
  };
}
