import { describe, expect, it } from 'vitest';
import { selectionProblems, type SelectionCandidate } from '../../../core/review/selection.ts';
import { newlyBroken, quotasAround } from './selection-quotas.ts';

const candidates: SelectionCandidate[] = [
  { id: 'a', category: 'law', province: '11', score: 90 },
  { id: 'b', category: 'law', province: '11', score: 80 },
  { id: 'c', category: 'economy', province: '31', score: 70 },
];
const quotas = { best: 1, excellent: 2, categories: { law: { min: 1, max: 2 }, economy: { min: 1 } }, provinceCap: 1 };

describe('solving around changed decisions', () => {
  it('takes the held cases out of the tier places and their categories’ bounds, never below zero, and leaves the cap whole', () => {
    expect(quotasAround(quotas, candidates, [{ caseId: 'a', tier: 'best' }, { caseId: 'b', tier: 'excellent' }])).toEqual({
      best: 0, excellent: 1, categories: { law: { min: 0, max: 0 }, economy: { min: 1, max: undefined } }, provinceCap: 1,
    });
  });

  it('counts as caused by a change only a quota it breaks anew or further', () => {
    const before = selectionProblems(quotas, candidates, []);
    // Nothing selected breaks both minimums; selecting a law case breaks the economy minimum no further.
    expect(newlyBroken(before, selectionProblems(quotas, candidates, [{ caseId: 'a', tier: 'best' }]))).toEqual([]);
    const both = selectionProblems(quotas, candidates, [{ caseId: 'a', tier: 'best' }, { caseId: 'b', tier: 'excellent' }]);
    expect(newlyBroken(before, both)).toEqual([{ code: 'quota_broken', quota: { kind: 'province_cap', province: '11', limit: 1 }, count: 2 }]);
  });
});
