import { describe, expect, it } from 'vitest';
import { keptCandidates, preferSmallerIds } from './selection-ties.ts';
import { listQuotas, type SelectionCandidate, type SelectionQuotas } from './selection.ts';

const quotas = (change: Partial<SelectionQuotas> = {}): SelectionQuotas => ({ best: 1, excellent: 2, categories: {}, provinceCap: null, ...change });
const aCase = (id: string, score: number, province: string | null, category = 'law'): SelectionCandidate => ({ id, category, province, score });

describe('the candidates a selection may need', () => {
  // Sorted by id, as the solver sorts them.
  const field = [aCase('a', 50, 'p'), aCase('b', 90, 'p'), aCase('c', 80, 'p'), aCase('d', 70, 'q'), aCase('e', 60, null), aCase('f', 85, 'p', 'economy')];

  it('are the places’ worth of each category when no province is capped', () => {
    expect(keptCandidates(field, listQuotas(quotas(), field))).toEqual([1, 2, 3, 5]);
  });

  it('are each capped province’s cap in each category, and the uncapped cases together', () => {
    expect(keptCandidates(field, listQuotas(quotas({ provinceCap: 1 }), field))).toEqual([1, 3, 4, 5]);
  });

  it('are no more than a category’s maximum', () => {
    expect(keptCandidates(field, listQuotas(quotas({ categories: { law: { max: 1 } } }), field))).toEqual([1, 5]);
  });
});

describe('ties', () => {
  it('go to the smaller id when no quota breaks, and stay when one would', () => {
    const field = [aCase('a', 80, 'p'), aCase('b', 80, 'q'), aCase('c', 80, 'q'), aCase('d', 90, 'p')];
    const capped = listQuotas(quotas({ best: 1, excellent: 1, provinceCap: 1 }), field);
    expect(preferSmallerIds(field, capped, new Map([[3, 'best'], [2, 'excellent']]))).toEqual(new Map([[3, 'best'], [1, 'excellent']]));
    const free = listQuotas(quotas({ best: 1, excellent: 1 }), field);
    expect(preferSmallerIds(field, free, new Map([[3, 'best'], [2, 'excellent']]))).toEqual(new Map([[3, 'best'], [0, 'excellent']]));
  });

  it('put the higher score, then the smaller id, in the best tier', () => {
    const field = [aCase('a', 80, null), aCase('b', 80, null), aCase('c', 70, null)];
    expect(preferSmallerIds(field, listQuotas(quotas({ best: 1, excellent: 2 }), field), new Map([[2, 'best'], [1, 'excellent'], [0, 'excellent']])))
      .toEqual(new Map([[0, 'best'], [1, 'excellent'], [2, 'excellent']]));
  });
});
