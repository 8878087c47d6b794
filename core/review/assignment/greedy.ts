import { pairCost, type IndexedProblem } from './problem.ts';

/**
 * A plain greedy assignment: released pairs first, then the cases with the fewest eligible
 * reviewers, each taking, one review at a time, the reviewer whose addition costs least now
 * (mismatch, a second reviewer from a province, a load past the balanced target), the least
 * loaded relative to capacity on ties. It respects every hard rule (eligibility, conflicts,
 * capacity) but may leave reviews missing that an exchange would have covered. The LP is
 * measured against it, and it seeds the LP's first columns.
 */
export function greedyAssignment(p: IndexedProblem): number[] {
  const nCases = p.caseIds.length;
  const load = new Int32Array(p.reviewerIds.length);
  const chosen: number[] = [];
  const assigned = new Int32Array(nCases);
  for (let s = 0; s < p.pairKept.length; s++) {
    if (!p.pairKept[s]) continue;
    chosen.push(s);
    load[p.pairReviewer[s]!]! += 1;
    assigned[p.pairCase[s]!]! += 1;
  }
  const order = Array.from({ length: nCases }, (_, c) => c);
  const eligible = (c: number) => p.pairStart[c + 1]! - p.pairStart[c]!;
  order.sort((a, b) => eligible(a) - eligible(b) || a - b);

  for (const c of order) {
    const provincesUsed = new Set<number>();
    const taken = new Set<number>();
    for (let s = p.pairStart[c]!; s < p.pairStart[c + 1]!; s++) {
      if (!p.pairKept[s]) continue;
      provincesUsed.add(p.reviewerProvince[p.pairReviewer[s]!]!);
      taken.add(s);
    }
    while (assigned[c]! < p.demand[c]!) {
      let best = -1;
      let bestCost = Infinity;
      let bestRatio = Infinity;
      for (let s = p.pairStart[c]!; s < p.pairStart[c + 1]!; s++) {
        const r = p.pairReviewer[s]!;
        if (taken.has(s) || load[r]! >= p.capacity[r]!) continue;
        const cost =
          pairCost(p, s) +
          (provincesUsed.has(p.reviewerProvince[r]!) ? p.weights.sameProvince : 0) +
          (load[r]! >= p.target[r]! ? p.weights.overload : 0);
        const ratio = load[r]! / p.capacity[r]!;
        if (cost < bestCost - 1e-12 || (Math.abs(cost - bestCost) <= 1e-12 && ratio < bestRatio)) {
          best = s;
          bestCost = cost;
          bestRatio = ratio;
        }
      }
      if (best < 0) break;
      const r = p.pairReviewer[best]!;
      chosen.push(best);
      taken.add(best);
      provincesUsed.add(p.reviewerProvince[r]!);
      load[r]! += 1;
      assigned[c]! += 1;
    }
  }
  return chosen;
}
