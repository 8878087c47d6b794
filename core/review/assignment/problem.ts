// The reviewer-assignment model, free of any solver: who may review what, what an assignment
// costs, and the numeric form the greedy and the LP both work on. See
// docs/decisions/0017-reviewer-assignment.md for the formulation and why it is a min-cost flow.

export interface AssignmentCase {
  id: string;
  category: string;
  province: string;
  /** Finer expertise the case calls for; the category itself is a hard requirement. */
  tags: readonly string[];
}

export interface AssignmentReviewer {
  id: string;
  /** Categories the reviewer is qualified for: only these cases are eligible. */
  categories: readonly string[];
  tags: readonly string[];
  capacity: number;
  province: string;
}

export interface AssignmentPair {
  caseId: string;
  reviewerId: string;
}

/** Prices of the soft terms; coverage always comes first (see `shortfallPenalty`). */
export interface AssignmentWeights {
  /** Per assignment, times the share of the case's tags the reviewer lacks. */
  mismatch: number;
  /** Per reviewer beyond the first from one province on one case. */
  sameProvince: number;
  /** Per case a reviewer holds beyond their balanced target. */
  overload: number;
}

export const DEFAULT_WEIGHTS: AssignmentWeights = { mismatch: 1, sameProvince: 2, overload: 1.5 };

export interface AssignmentProblem {
  cases: readonly AssignmentCase[];
  reviewers: readonly AssignmentReviewer[];
  /** Forbidden case×reviewer pairs (found or declared conflicts not dismissed). */
  conflicts: readonly AssignmentPair[];
  reviewsPerCase: number;
  /** Released assignments: kept as they are by every run. */
  kept: readonly AssignmentPair[];
  weights?: Partial<AssignmentWeights>;
}

/**
 * The problem as arrays. Eligible pairs are grouped by case (CSR: case c owns pair slots
 * pairStart[c] .. pairStart[c+1]); only they ever become variables.
 */
export interface IndexedProblem {
  k: number;
  weights: AssignmentWeights;
  caseIds: readonly string[];
  reviewerIds: readonly string[];
  categories: readonly string[];
  provinces: readonly string[];
  caseCategory: Int32Array;
  caseProvince: Int32Array;
  reviewerProvince: Int32Array;
  /** Reviews each case needs: k, or more when more were released than k. */
  demand: Int32Array;
  /** Capacity, raised to the released load when a capacity was cut below it. */
  capacity: Int32Array;
  /** ceil(capacity × total demand / total capacity): the balanced load, free below, priced above. */
  target: Int32Array;
  pairStart: Int32Array;
  pairCase: Int32Array;
  pairReviewer: Int32Array;
  /** Share of the case's tags the reviewer covers (1 when the case asks none). */
  pairMatch: Float64Array;
  pairKept: Uint8Array;
  /** Released pairs that are now conflicts: dropped, their cases need a replacement. */
  droppedKept: readonly AssignmentPair[];
  /** Price of one missing review; large enough that coverage is never traded for soft terms. */
  shortfallPenalty: number;
}

function indexById<T extends { id: string }>(items: readonly T[], what: string): Map<string, number> {
  const byId = new Map<string, number>();
  items.forEach((item, i) => {
    if (byId.has(item.id)) throw new Error(`assignment: ${what} ${item.id} listed twice`);
    byId.set(item.id, i);
  });
  return byId;
}

function pairIndex(pair: AssignmentPair, cases: Map<string, number>, reviewers: Map<string, number>): [number, number] {
  const c = cases.get(pair.caseId);
  const r = reviewers.get(pair.reviewerId);
  if (c === undefined || r === undefined) throw new Error(`assignment: unknown pair ${pair.caseId}×${pair.reviewerId}`);
  return [c, r];
}

function intern(values: string[], index: Map<string, number>, value: string): number {
  let i = index.get(value);
  if (i === undefined) {
    i = values.length;
    values.push(value);
    index.set(value, i);
  }
  return i;
}

export function matchShare(caseTags: readonly string[], reviewerTags: ReadonlySet<string>): number {
  if (caseTags.length === 0) return 1;
  return caseTags.filter((t) => reviewerTags.has(t)).length / caseTags.length;
}

/** What one eligible pair costs in the objective. */
export function pairCost(p: IndexedProblem, slot: number): number {
  return p.weights.mismatch * (1 - p.pairMatch[slot]!);
}

export function indexProblem(problem: AssignmentProblem): IndexedProblem {
  const k = problem.reviewsPerCase;
  if (!Number.isInteger(k) || k < 1) throw new Error(`assignment: reviewsPerCase ${k} is not a positive integer`);
  const weights = { ...DEFAULT_WEIGHTS, ...problem.weights };
  const caseById = indexById(problem.cases, 'case');
  const reviewerById = indexById(problem.reviewers, 'reviewer');
  const nCases = problem.cases.length;
  const nReviewers = problem.reviewers.length;

  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  const provinces: string[] = [];
  const provinceIndex = new Map<string, number>();
  const caseCategory = Int32Array.from(problem.cases, (c) => intern(categories, categoryIndex, c.category));
  const caseProvince = Int32Array.from(problem.cases, (c) => intern(provinces, provinceIndex, c.province));
  const reviewerProvince = Int32Array.from(problem.reviewers, (r) => intern(provinces, provinceIndex, r.province));

  const conflicts = new Set<number>();
  for (const pair of problem.conflicts) {
    const [c, r] = pairIndex(pair, caseById, reviewerById);
    conflicts.add(c * nReviewers + r);
  }
  const kept = new Set<number>();
  const droppedKept: AssignmentPair[] = [];
  const demand = new Int32Array(nCases).fill(k);
  const keptLoad = new Int32Array(nReviewers);
  const keptPerCase = new Int32Array(nCases);
  for (const pair of problem.kept) {
    const [c, r] = pairIndex(pair, caseById, reviewerById);
    const key = c * nReviewers + r;
    if (kept.has(key)) continue;
    if (conflicts.has(key)) {
      droppedKept.push(pair);
      continue;
    }
    kept.add(key);
    keptLoad[r]! += 1;
    keptPerCase[c]! += 1;
    demand[c] = Math.max(k, keptPerCase[c]!);
  }

  const capacity = Int32Array.from(problem.reviewers, (r, i) => Math.max(Math.max(0, Math.floor(r.capacity)), keptLoad[i]!));
  const totalDemand = demand.reduce((a, b) => a + b, 0);
  const totalCapacity = capacity.reduce((a, b) => a + b, 0);
  const ratio = totalCapacity === 0 ? 1 : Math.min(1, totalDemand / totalCapacity);
  const target = capacity.map((cap) => Math.ceil(cap * ratio - 1e-9));

  const reviewerCategories = problem.reviewers.map((r) => new Set(r.categories));
  const reviewerTags = problem.reviewers.map((r) => new Set(r.tags));
  const pairStart = new Int32Array(nCases + 1);
  const casesOf: number[] = [];
  const reviewersOf: number[] = [];
  const matches: number[] = [];
  const keptFlags: number[] = [];
  problem.cases.forEach((theCase, c) => {
    pairStart[c] = reviewersOf.length;
    for (let r = 0; r < nReviewers; r++) {
      const key = c * nReviewers + r;
      const isKept = kept.has(key);
      if (!isKept && (conflicts.has(key) || !reviewerCategories[r]!.has(theCase.category))) continue;
      casesOf.push(c);
      reviewersOf.push(r);
      matches.push(matchShare(theCase.tags, reviewerTags[r]!));
      keptFlags.push(isKept ? 1 : 0);
    }
  });
  pairStart[nCases] = reviewersOf.length;

  return {
    k,
    weights,
    caseIds: problem.cases.map((c) => c.id),
    reviewerIds: problem.reviewers.map((r) => r.id),
    categories,
    provinces,
    caseCategory,
    caseProvince,
    reviewerProvince,
    demand,
    capacity,
    target,
    pairStart,
    pairCase: Int32Array.from(casesOf),
    pairReviewer: Int32Array.from(reviewersOf),
    pairMatch: Float64Array.from(matches),
    pairKept: Uint8Array.from(keptFlags),
    droppedKept,
    // Any exchange that adds one review walks each case at most once, paying at most
    // mismatch + sameProvince per case and one overload at its end (decision 0017).
    shortfallPenalty: nCases * (weights.mismatch + weights.sameProvince) + weights.overload + 1,
  };
}
