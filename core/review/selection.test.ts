import { describe, expect, it } from 'vitest';
import { listQuotas, quotaProblems, selectionProblems, type SelectionCandidate, type SelectionQuotas } from './selection.ts';

const quotas = (change: Partial<SelectionQuotas> = {}): SelectionQuotas => ({ best: 1, excellent: 2, categories: {}, provinceCap: null, ...change });

const candidates: SelectionCandidate[] = [
  { id: 'a', category: 'law', province: 'zhejiang', score: 90 },
  { id: 'b', category: 'law', province: 'zhejiang', score: 80 },
  { id: 'c', category: 'economy', province: 'jiangsu', score: 70 },
  { id: 'd', category: 'economy', province: null, score: 60 },
];

describe('quota problems', () => {
  it('accepts whole numbers that fit together', () => {
    expect(quotaProblems(quotas({ categories: { law: { min: 1, max: 2 }, economy: { max: 1 } }, provinceCap: 2 }), candidates)).toEqual([]);
  });

  it('names each negative or fractional number by its field, and a cap below one', () => {
    expect(quotaProblems(quotas({ best: -1, excellent: 2.5, categories: { law: { min: -2 } }, provinceCap: 0 }), candidates)).toEqual([
      { code: 'quota_not_whole_number', field: 'best', value: -1, least: 0 },
      { code: 'quota_not_whole_number', field: 'excellent', value: 2.5, least: 0 },
      { code: 'quota_not_whole_number', field: 'provinceCap', value: 0, least: 1 },
      { code: 'quota_not_whole_number', field: 'categories.law.min', value: -2, least: 0 },
    ]);
  });

  it('refuses a minimum above its maximum, minimums above the places, and a minimum above the category’s candidates', () => {
    expect(quotaProblems(quotas({ categories: { law: { min: 3, max: 1 }, economy: { min: 1 } } }), candidates)).toEqual([
      { code: 'category_min_above_max', category: 'law', min: 3, max: 1 },
      { code: 'category_mins_above_places', sum: 4, places: 3 },
      { code: 'category_min_above_candidates', category: 'law', min: 3, candidates: 2 },
    ]);
  });

  it('leaves more places than candidates to the solver, which fills what it can', () => {
    expect(quotaProblems(quotas({ best: 30, excellent: 70 }), candidates)).toEqual([]);
  });
});

describe('quotas as limits', () => {
  it('lists tier places, then category bounds by key, then a cap for each province named, never for cases without one', () => {
    expect(listQuotas(quotas({ categories: { law: { min: 1, max: 2 }, economy: { min: 0, max: 1 } }, provinceCap: 1 }), candidates)).toEqual([
      { kind: 'tier_places', tier: 'best', limit: 1 },
      { kind: 'tier_places', tier: 'excellent', limit: 2 },
      { kind: 'category_max', category: 'economy', limit: 1 },
      { kind: 'category_min', category: 'law', limit: 1 },
      { kind: 'category_max', category: 'law', limit: 2 },
      { kind: 'province_cap', province: 'jiangsu', limit: 1 },
      { kind: 'province_cap', province: 'zhejiang', limit: 1 },
    ]);
  });
});

describe('a hand-edited selection', () => {
  const edited = quotas({ categories: { economy: { min: 1 } }, provinceCap: 1 });

  it('stands when it breaks nothing, even with a place left empty', () => {
    expect(selectionProblems(edited, candidates, [{ caseId: 'a', tier: 'best' }, { caseId: 'c', tier: 'excellent' }])).toEqual([]);
  });

  it('names every broken quota with its count', () => {
    expect(selectionProblems(quotas({ categories: { economy: { min: 2 } }, provinceCap: 1 }), candidates, [
      { caseId: 'a', tier: 'best' },
      { caseId: 'b', tier: 'best' },
      { caseId: 'c', tier: 'excellent' },
    ])).toEqual([
      { code: 'quota_broken', quota: { kind: 'tier_places', tier: 'best', limit: 1 }, count: 2 },
      { code: 'quota_broken', quota: { kind: 'category_min', category: 'economy', limit: 2 }, count: 1 },
      { code: 'quota_broken', quota: { kind: 'province_cap', province: 'zhejiang', limit: 1 }, count: 2 },
    ]);
  });

  it('names a case it does not know and a case listed twice', () => {
    expect(selectionProblems(quotas(), candidates, [
      { caseId: 'a', tier: 'best' },
      { caseId: 'x', tier: 'excellent' },
      { caseId: 'a', tier: 'excellent' },
    ])).toEqual([{ code: 'case_unknown', caseId: 'x' }, { code: 'case_twice', caseId: 'a' }]);
  });
});
