import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnosis.ts';
import { indexProblem } from './problem.ts';
import { aCase, aProblem, aReviewer } from './testing/builders.ts';

describe('diagnose', () => {
  it('names each category short of qualified, conflict-free capacity, by how many reviews', () => {
    const problem = aProblem({
      cases: [aCase('c1'), aCase('c2'), aCase('c3'), aCase('c4'), aCase('c5', { category: 'rural' })],
      reviewers: [
        aReviewer('r1', { capacity: 2 }),
        aReviewer('r2', { capacity: 2 }),
        aReviewer('r3', { capacity: 3 }),
        aReviewer('r4', { categories: ['rural'] }),
        aReviewer('r5', { categories: ['rural'] }),
        aReviewer('r6', { categories: ['urban'], capacity: 0 }),
      ],
      conflicts: [{ caseId: 'c1', reviewerId: 'r3' }],
    });
    expect(diagnose(indexProblem(problem))).toEqual({
      feasibleByCounts: false,
      // urban: 4 cases × 3 = 12 reviews; r1 and r2 give 2 each, r3 3 (it may take 3 of the 4), r6 none.
      // rural: 3 reviews; r4 and r5 may each take its one case once.
      categories: [
        { category: 'urban', demand: 12, supply: 7, shortfall: 5 },
        { category: 'rural', demand: 3, supply: 2, shortfall: 1 },
      ],
      // c1 keeps three eligible reviewers (r6 counts, though it has no capacity): only c5 is short alone.
      cases: [{ caseId: 'c5', eligible: 2, shortfall: 1 }],
      total: { demand: 15, supply: 9, shortfall: 6 },
      missingAtLeast: 6,
    });
  });

  it('finds nothing missing when every count suffices', () => {
    const problem = aProblem({ cases: [aCase('c1'), aCase('c2')], reviewers: [aReviewer('r1'), aReviewer('r2'), aReviewer('r3')] });
    expect(diagnose(indexProblem(problem))).toEqual({
      feasibleByCounts: true,
      categories: [],
      cases: [],
      total: { demand: 6, supply: 6, shortfall: 0 },
      missingAtLeast: 0,
    });
  });
});
