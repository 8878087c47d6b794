import { pairCost, type AssignmentPair, type IndexedProblem } from './problem.ts';

// Figures for one assignment, whoever made it. The objective here is the one the LP
// minimizes, computed from the assignment alone, so greedy and LP results compare exactly.

export interface ObjectiveTerms {
  /** Reviews missing, priced at the shortfall penalty. */
  shortfall: number;
  mismatch: number;
  sameProvince: number;
  overload: number;
  total: number;
}

export interface AssignmentFigures {
  cases: number;
  /** Cases holding all the reviews they need. */
  casesCovered: number;
  coverage: number;
  reviewsMissing: number;
  /** load / capacity over reviewers with capacity. */
  loadRatio: { min: number; max: number; mean: number; stdev: number };
  /** Mean share of a case's tags its reviewer covers. */
  expertiseMatch: number;
  /** Pairs of reviewers of one case from one province. */
  sameProvincePairs: number;
  objective: ObjectiveTerms;
}

/** Slots (indices of eligible pairs) chosen by a solver, as the case×reviewer pairs they stand for. */
export function slotsToPairs(p: IndexedProblem, slots: readonly number[]): AssignmentPair[] {
  return slots.map((s) => ({ caseId: p.caseIds[p.pairCase[s]!]!, reviewerId: p.reviewerIds[p.pairReviewer[s]!]! }));
}

export function scoreAssignment(p: IndexedProblem, slots: readonly number[]): AssignmentFigures {
  const nCases = p.caseIds.length;
  const assigned = new Int32Array(nCases);
  const load = new Int32Array(p.reviewerIds.length);
  const perCaseProvince = new Map<number, number>();
  const nProvinces = p.provinces.length;
  let mismatch = 0;
  let matchSum = 0;
  for (const s of slots) {
    const c = p.pairCase[s]!;
    const r = p.pairReviewer[s]!;
    assigned[c]! += 1;
    load[r]! += 1;
    mismatch += pairCost(p, s);
    matchSum += p.pairMatch[s]!;
    const key = c * nProvinces + p.reviewerProvince[r]!;
    perCaseProvince.set(key, (perCaseProvince.get(key) ?? 0) + 1);
  }
  let missing = 0;
  let covered = 0;
  for (let c = 0; c < nCases; c++) {
    missing += Math.max(0, p.demand[c]! - assigned[c]!);
    if (assigned[c]! >= p.demand[c]!) covered += 1;
  }
  let extraSameProvince = 0;
  let pairs = 0;
  for (const n of perCaseProvince.values()) {
    extraSameProvince += n - 1;
    pairs += (n * (n - 1)) / 2;
  }
  let overloadUnits = 0;
  const ratios: number[] = [];
  for (let r = 0; r < load.length; r++) {
    overloadUnits += Math.max(0, load[r]! - p.target[r]!);
    if (p.capacity[r]! > 0) ratios.push(load[r]! / p.capacity[r]!);
  }
  const objective = {
    shortfall: missing * p.shortfallPenalty,
    mismatch,
    sameProvince: extraSameProvince * p.weights.sameProvince,
    overload: overloadUnits * p.weights.overload,
    total: 0,
  };
  objective.total = objective.shortfall + objective.mismatch + objective.sameProvince + objective.overload;
  return {
    cases: nCases,
    casesCovered: covered,
    coverage: nCases === 0 ? 1 : covered / nCases,
    reviewsMissing: missing,
    loadRatio: spread(ratios),
    expertiseMatch: slots.length === 0 ? 0 : matchSum / slots.length,
    sameProvincePairs: pairs,
    objective,
  };
}

function spread(values: readonly number[]): AssignmentFigures['loadRatio'] {
  if (values.length === 0) return { min: 0, max: 0, mean: 0, stdev: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { min: values.reduce((a, b) => Math.min(a, b)), max: values.reduce((a, b) => Math.max(a, b)), mean, stdev: Math.sqrt(variance) };
}
