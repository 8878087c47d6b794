import { describe, expect, it } from 'vitest';
import { greedyAssignment } from './greedy.ts';
import { indexProblem } from './problem.ts';
import { scoreAssignment, slotsToPairs } from './score.ts';
import { aCase, aProblem, aReviewer } from './testing/builders.ts';

describe('greedyAssignment and scoreAssignment', () => {
  it('takes the best-matching reviewers from different provinces, and scores what it took', () => {
    const p = indexProblem(
      aProblem({
        reviewsPerCase: 2,
        cases: [aCase('c1', { tags: ['治理', '服务'] })],
        reviewers: [
          aReviewer('r1', { tags: ['治理', '服务'], province: '上海' }),
          aReviewer('r2', { tags: ['治理', '服务'], province: '上海' }),
          aReviewer('r3', { tags: ['治理'], province: '江苏' }),
        ],
      }),
    );
    const slots = greedyAssignment(p);
    expect(slotsToPairs(p, slots)).toEqual([
      { caseId: 'c1', reviewerId: 'r1' },
      { caseId: 'c1', reviewerId: 'r3' },
    ]);
    const { loadRatio, ...figures } = scoreAssignment(p, slots);
    // Loads 1, 0, 1 of capacities 10.
    expect(loadRatio.max).toBe(0.1);
    expect(loadRatio.min).toBe(0);
    expect(loadRatio.stdev).toBeCloseTo(Math.sqrt(2) / 30, 12);
    expect(figures).toEqual({
      cases: 1,
      casesCovered: 1,
      coverage: 1,
      reviewsMissing: 0,
      expertiseMatch: 0.75,
      sameProvincePairs: 0,
      objective: { shortfall: 0, mismatch: 0.5, sameProvince: 0, overload: 0, total: 0.5 },
    });
  });

  it('can block a later case that an exchange would have served: the reason the LP exists', () => {
    // c1 and c2 both have two eligible reviewers; c1 comes first and takes r1, the better match,
    // leaving c2 only r0, who has no capacity. c1 → r2, c2 → r1 serves both.
    const p = indexProblem(
      aProblem({
        reviewsPerCase: 1,
        cases: [aCase('c1', { tags: ['治理'] }), aCase('c2')],
        reviewers: [aReviewer('r0', { capacity: 0 }), aReviewer('r1', { tags: ['治理'], capacity: 1 }), aReviewer('r2')],
        conflicts: [
          { caseId: 'c1', reviewerId: 'r0' },
          { caseId: 'c2', reviewerId: 'r2' },
        ],
      }),
    );
    const slots = greedyAssignment(p);
    expect(slotsToPairs(p, slots)).toEqual([{ caseId: 'c1', reviewerId: 'r1' }]);
    expect(scoreAssignment(p, slots).reviewsMissing).toBe(1);
  });
});
