import { describe, expect, it } from 'vitest';
import { indexProblem, matchShare, type IndexedProblem } from './problem.ts';
import { aCase, aProblem, aReviewer } from './testing/builders.ts';

const eligibleByCase = (p: IndexedProblem) =>
  Object.fromEntries(p.caseIds.map((id, c) => [id, Array.from(p.pairReviewer.subarray(p.pairStart[c], p.pairStart[c + 1]), (r) => p.reviewerIds[r])]));

describe('indexProblem', () => {
  it('makes only qualified, conflict-free pairs eligible, and drops a released pair that is now a conflict', () => {
    const p = indexProblem(
      aProblem({
        cases: [aCase('c1'), aCase('c2', { category: 'rural' })],
        reviewers: [aReviewer('r1'), aReviewer('r2', { categories: ['urban', 'rural'] }), aReviewer('r3', { categories: ['rural'] })],
        conflicts: [{ caseId: 'c1', reviewerId: 'r2' }],
        kept: [
          { caseId: 'c2', reviewerId: 'r3' },
          { caseId: 'c1', reviewerId: 'r2' },
        ],
      }),
    );
    expect(eligibleByCase(p)).toEqual({ c1: ['r1'], c2: ['r2', 'r3'] });
    expect(Array.from(p.pairKept)).toEqual([0, 0, 1]);
    expect(p.droppedKept).toEqual([{ caseId: 'c1', reviewerId: 'r2' }]);
  });

  it('sets each reviewer a balanced target: capacity × demand / total capacity, rounded up', () => {
    const p = indexProblem(aProblem({ cases: [aCase('c1'), aCase('c2')], reviewers: [aReviewer('r1', { capacity: 5 }), aReviewer('r2', { capacity: 7 })] }));
    // 6 reviews over 12 places: half of each capacity.
    expect(Array.from(p.target)).toEqual([3, 4]);
  });

  it('raises a capacity cut below the released load to that load, and the demand of a case holding more than k', () => {
    const p = indexProblem(
      aProblem({
        reviewsPerCase: 1,
        cases: [aCase('c1'), aCase('c2')],
        reviewers: [aReviewer('r1', { capacity: 1 }), aReviewer('r2', { capacity: 3 })],
        kept: [
          { caseId: 'c1', reviewerId: 'r1' },
          { caseId: 'c2', reviewerId: 'r1' },
          { caseId: 'c1', reviewerId: 'r2' },
        ],
      }),
    );
    expect(Array.from(p.capacity)).toEqual([2, 3]);
    expect(Array.from(p.demand)).toEqual([2, 1]);
  });

  it('refuses a pair naming an unknown case', () => {
    expect(() => indexProblem(aProblem({ reviewers: [aReviewer('r1')], conflicts: [{ caseId: 'nope', reviewerId: 'r1' }] }))).toThrow(
      'assignment: unknown pair nope×r1',
    );
  });
});

describe('matchShare', () => {
  it('is the share of the case tags the reviewer covers, 1 when the case asks none', () => {
    expect(matchShare(['治理', '服务'], new Set(['治理', '党建']))).toBe(0.5);
    expect(matchShare([], new Set(['治理']))).toBe(1);
  });
});
