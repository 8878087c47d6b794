import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { xorshift32 } from '../../core/random/seeded.ts';
import {
  breaksQuota, listQuotas, quotaCounts, selectionProblems, type SelectionCandidate, type SelectionQuotas,
} from '../../core/review/selection.ts';
import { suggestSelection, type SelectionSuggestion } from './selection-lp.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const quotas = (change: Partial<SelectionQuotas> = {}): SelectionQuotas => ({ best: 1, excellent: 2, categories: {}, provinceCap: null, ...change });
const aCase = (id: string, score: number, province: string | null = null, category = 'law'): SelectionCandidate => ({ id, category, province, score });

function suggest(candidates: readonly SelectionCandidate[], q: SelectionQuotas): SelectionSuggestion {
  const outcome = suggestSelection(highs, candidates, q);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome.suggestion;
}

describe('the suggested selection', () => {
  it('without bounds is the ranking: the top scores best, the next excellent', () => {
    const s = suggest([aCase('a', 70), aCase('b', 95), aCase('c', 80), aCase('d', 60), aCase('e', 90)], quotas({ best: 2, excellent: 2 }));
    expect(s).toEqual({
      entries: [{ caseId: 'b', tier: 'best' }, { caseId: 'e', tier: 'best' }, { caseId: 'c', tier: 'excellent' }, { caseId: 'a', tier: 'excellent' }],
      filled: { best: 2, excellent: 2 },
      scores: { best: 185, excellent: 150 },
      binding: [],
    });
  });

  it('gives a tied place to the smaller id, whatever the order of the candidates', () => {
    const cases = [aCase('c', 80), aCase('b', 80), aCase('a', 80), aCase('d', 90)];
    const expected = [{ caseId: 'd', tier: 'best' }, { caseId: 'a', tier: 'excellent' }, { caseId: 'b', tier: 'excellent' }];
    expect(suggest(cases, quotas()).entries).toEqual(expected);
    expect(suggest([...cases].reverse(), quotas()).entries).toEqual(expected);
  });

  it('breaks a tie as the ranking does when the candidates carry their places: the better place wins, not the smaller id', () => {
    // c, b and a share 80 to the hundredth; the ranking put c before b before a (higher raw totals).
    const cases = [{ ...aCase('a', 80), place: 4 }, { ...aCase('b', 80), place: 3 }, { ...aCase('c', 80), place: 2 }, { ...aCase('d', 90), place: 1 }];
    const expected = [{ caseId: 'd', tier: 'best' }, { caseId: 'c', tier: 'excellent' }, { caseId: 'b', tier: 'excellent' }];
    expect(suggest(cases, quotas()).entries).toEqual(expected);
    expect(suggest([...cases].reverse(), quotas()).entries).toEqual(expected);
    // With the best place to give: of the three tied, c takes it over a and b.
    expect(suggest(cases.slice(0, 3), quotas()).entries).toEqual([{ caseId: 'c', tier: 'best' }, { caseId: 'b', tier: 'excellent' }, { caseId: 'a', tier: 'excellent' }]);
  });

  it('names a province cap that binds, the score it costs and the cases it moves', () => {
    const cases = [aCase('z1', 95, 'zhejiang'), aCase('z2', 90, 'zhejiang'), aCase('z3', 85, 'zhejiang'), aCase('j1', 80, 'jiangsu'), aCase('g1', 70, 'guangdong')];
    expect(suggest(cases, quotas({ provinceCap: 2 }))).toEqual({
      entries: [{ caseId: 'z1', tier: 'best' }, { caseId: 'z2', tier: 'excellent' }, { caseId: 'j1', tier: 'excellent' }],
      filled: { best: 1, excellent: 2 },
      scores: { best: 95, excellent: 170 },
      binding: [{
        quota: { kind: 'province_cap', province: 'zhejiang', limit: 2 },
        givenUp: { best: 0, excellent: 5, total: 5, places: 0 },
        changes: [{ caseId: 'j1', from: 'excellent', to: null }, { caseId: 'z3', from: null, to: 'excellent' }],
      }],
    });
  });

  it('names a category minimum that binds, and not a bound the selection meets for free', () => {
    const cases = [aCase('a', 95), aCase('b', 90), aCase('c', 85), aCase('e1', 60, null, 'economy'), aCase('e2', 50, null, 'economy')];
    const s = suggest(cases, quotas({ categories: { economy: { min: 1 }, law: { max: 3 } } }));
    expect(s.entries).toEqual([{ caseId: 'a', tier: 'best' }, { caseId: 'b', tier: 'excellent' }, { caseId: 'e1', tier: 'excellent' }]);
    expect(s.binding).toEqual([{
      quota: { kind: 'category_min', category: 'economy', limit: 1 },
      givenUp: { best: 0, excellent: 25, total: 25, places: 0 },
      changes: [{ caseId: 'c', from: null, to: 'excellent' }, { caseId: 'e1', from: 'excellent', to: null }],
    }]);
  });

  it('fills the best tier first, even when that costs the list as a whole', () => {
    // One case per province, at most one law case: {a, d} scores 150 with a best; {b, c} scores 185 with b best.
    const cases = [aCase('a', 100, 'p', 'law'), aCase('b', 95, 'p', 'economy'), aCase('c', 90, 'q', 'law'), aCase('d', 50, 'q', 'economy')];
    const s = suggest(cases, quotas({ excellent: 1, categories: { law: { max: 1 } }, provinceCap: 1 }));
    expect(s.entries).toEqual([{ caseId: 'a', tier: 'best' }, { caseId: 'd', tier: 'excellent' }]);
    expect(s.scores).toEqual({ best: 100, excellent: 50 });
  });

  it('leaves places empty when there are too few candidates, or the caps allow no more', () => {
    expect(suggest([aCase('a', 70), aCase('b', 80)], quotas({ best: 1, excellent: 3 })).filled).toEqual({ best: 1, excellent: 1 });
    const capped = suggest([aCase('a', 70, 'p'), aCase('b', 80, 'p'), aCase('c', 60, 'q')], quotas({ provinceCap: 1 }));
    expect(capped.entries).toEqual([{ caseId: 'b', tier: 'best' }, { caseId: 'c', tier: 'excellent' }]);
    expect(capped.binding.map((b) => [b.quota, b.givenUp])).toEqual([
      [{ kind: 'province_cap', province: 'p', limit: 1 }, { best: 0, excellent: 70, total: 70, places: 1 }],
    ]);
  });

  it('counts a place a cap keeps empty as binding, even when the case that would fill it scores below zero', () => {
    const s = suggest([aCase('a', -1, 'p'), aCase('b', -2, 'p')], quotas({ excellent: 1, provinceCap: 1 }));
    expect(s.entries).toEqual([{ caseId: 'a', tier: 'best' }]);
    expect(s.binding).toEqual([{
      quota: { kind: 'province_cap', province: 'p', limit: 1 },
      givenUp: { best: 0, excellent: -2, total: -2, places: 1 },
      changes: [{ caseId: 'b', from: null, to: 'excellent' }],
    }]);
  });

  it('suggests nothing for no candidates', () => {
    expect(suggest([], quotas())).toEqual({ entries: [], filled: { best: 0, excellent: 0 }, scores: { best: 0, excellent: 0 }, binding: [] });
  });
});

describe('quotas that cannot be met', () => {
  it('are refused with their problems before any solve', () => {
    expect(suggestSelection(highs, [aCase('a', 70)], quotas({ categories: { law: { min: 2, max: 1 } } }))).toEqual({
      ok: false,
      problems: [
        { code: 'category_min_above_max', category: 'law', min: 2, max: 1 },
        { code: 'category_min_above_candidates', category: 'law', min: 2, candidates: 1 },
      ],
    });
  });

  it('are infeasible when a minimum needs more cases than the province caps let through', () => {
    const cases = [aCase('a', 70, 'p'), aCase('b', 60, 'p'), aCase('c', 90, 'q', 'economy')];
    expect(suggestSelection(highs, cases, quotas({ categories: { law: { min: 2 } }, provinceCap: 1 }))).toEqual({ ok: false, problems: [{ code: 'quotas_infeasible' }] });
  });
});

describe('a national field: 3,000 cases, 6 categories, 31 provinces', () => {
  const random = xorshift32(2024);
  const categories = ['law', 'economy', 'culture', 'society', 'ecology', 'party'];
  const provinces = Array.from({ length: 31 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  // Provinces skewed (a few send most cases), scores on a 0.01 grid so that ties occur.
  const field = Array.from({ length: 3000 }, (_, i) => aCase(
    `case-${String(i).padStart(4, '0')}`,
    Math.round((60 + random() * 40) * 100) / 100,
    provinces[Math.floor(random() ** 2 * 31)]!,
    categories[Math.floor(random() * 6)]!,
  ));
  const national = quotas({ best: 30, excellent: 70, categories: { law: { min: 20 }, economy: { max: 10 }, culture: { min: 5, max: 15 } }, provinceCap: 6 });

  it('meets every quota, fills every place, and no single exchange of cases does better', () => {
    const s = suggest(field, national);
    expect(selectionProblems(national, field, s.entries)).toEqual([]);
    expect(s.filled).toEqual({ best: 30, excellent: 70 });
    const byId = new Map(field.map((c) => [c.id, c]));
    const chosen = s.entries.map((e) => [byId.get(e.caseId)!, e.tier] as const);
    expect(Math.min(...chosen.filter(([, t]) => t === 'best').map(([c]) => c.score))).toBeGreaterThanOrEqual(Math.max(...chosen.filter(([, t]) => t === 'excellent').map(([c]) => c.score)));
    const limits = listQuotas(national, field);
    const counts = limits.map((q) => chosen.filter(([c, t]) => quotaCounts(q, c, t)).length);
    const selected = new Set(s.entries.map((e) => e.caseId));
    const improving = chosen.flatMap(([out, tier]) => field
      .filter((c) => !selected.has(c.id) && c.score > out.score)
      .filter((c) => limits.every((q, k) => !breaksQuota(q, counts[k]! + Number(quotaCounts(q, c, tier)) - Number(quotaCounts(q, out, tier)))))
      .map((c) => `${c.id} for ${out.id}`));
    expect(improving).toEqual([]);
  });

  it('gives the same answer when recomputed from the candidates in another order', () => {
    const once = suggest(field, national);
    expect(suggest([...field].reverse(), national)).toEqual(once);
  });

  it('without bounds is the top 30 and the next 70', () => {
    const ranked = [...field].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    expect(suggest(field, quotas({ best: 30, excellent: 70 })).entries).toEqual(ranked.slice(0, 100).map((c, i) => ({ caseId: c.id, tier: i < 30 ? 'best' : 'excellent' })));
  });

  it('prices every binding quota as a gain over the suggestion, best tier first', () => {
    const s = suggest(field, national);
    expect(s.binding.length).toBeGreaterThan(0);
    for (const b of s.binding) {
      expect(b.givenUp.best > 1e-9 || (Math.abs(b.givenUp.best) <= 1e-9 && b.givenUp.excellent > 1e-9)).toBe(true);
      expect(b.changes.length).toBeGreaterThan(0);
    }
  });
});
