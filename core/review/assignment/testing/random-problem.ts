import { xorshift32 } from '../../../random/seeded.ts';
import type { AssignmentPair, AssignmentProblem, AssignmentReviewer } from '../problem.ts';

// Seeded random assignment problems for the tests and the benchmark: six categories, provinces,
// topic tags, capacities and conflicts (a few at random, more within a province, as the
// division rule finds them).

export interface RandomProblemSizes {
  cases: number;
  reviewers: number;
  reviewsPerCase?: number;
  categories?: number;
  provinces?: number;
  /** Capacities are drawn uniformly from this range. */
  capacity?: [number, number];
  /** Random conflicts per case, besides those within the case's province. */
  conflictsPerCase?: number;
  /** Chance that a reviewer of the case's own province is in conflict with it. */
  sameProvinceConflict?: number;
}

const TOPICS = 20;

export function randomProblem(seed: number, sizes: RandomProblemSizes): AssignmentProblem {
  const random = xorshift32(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const nCategories = sizes.categories ?? 6;
  const nProvinces = sizes.provinces ?? 31;
  const [capLow, capHigh] = sizes.capacity ?? [20, 50];
  const cases = Array.from({ length: sizes.cases }, (_, i) => ({
    id: `c${i}`,
    category: `g${pick(nCategories)}`,
    province: `p${pick(nProvinces)}`,
    tags: [...new Set([`t${pick(TOPICS)}`, `t${pick(TOPICS)}`])],
  }));
  const reviewers: AssignmentReviewer[] = Array.from({ length: sizes.reviewers }, (_, i) => {
    const categories = new Set([`g${pick(nCategories)}`]);
    while (random() < 0.5) categories.add(`g${pick(nCategories)}`);
    return {
      id: `r${i}`,
      categories: [...categories],
      tags: [...new Set(Array.from({ length: 4 }, () => `t${pick(TOPICS)}`))],
      capacity: capLow + pick(capHigh - capLow + 1),
      province: `p${pick(nProvinces)}`,
    };
  });
  const byProvince = new Map<string, string[]>();
  for (const r of reviewers) byProvince.set(r.province, [...(byProvince.get(r.province) ?? []), r.id]);
  const conflicts: AssignmentPair[] = [];
  for (const c of cases) {
    const ids = new Set<string>();
    for (let j = 0; j < (sizes.conflictsPerCase ?? 2); j++) ids.add(`r${pick(sizes.reviewers)}`);
    for (const id of byProvince.get(c.province) ?? []) if (random() < (sizes.sameProvinceConflict ?? 0.2)) ids.add(id);
    for (const reviewerId of ids) conflicts.push({ caseId: c.id, reviewerId });
  }
  return { cases, reviewers, conflicts, reviewsPerCase: sizes.reviewsPerCase ?? 3, kept: [] };
}
