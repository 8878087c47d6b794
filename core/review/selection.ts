// Which cases become best (最佳) and excellent (优秀): the quotas the campaign sets, the problems
// that make a set of quotas unusable, and the quotas a selection breaks. Bounds per category and
// the province cap count the selected cases of both tiers together: the notice speaks of the
// list as a whole, and the tier within the list follows the score (decision 0029). Tier counts
// are places to fill, at most: a small field or tight caps may leave some empty.

export const SELECTION_TIERS = ['best', 'excellent'] as const;
export type SelectionTier = (typeof SELECTION_TIERS)[number];

export const DEFAULT_PLACES: Readonly<Record<SelectionTier, number>> = { best: 30, excellent: 70 };

export interface SelectionCandidate {
  id: string;
  category: string;
  province: string | null;
  /** Normalized score: higher is better. */
  score: number;
  /**
   * Place in the ranking (1 is first). Among equal scores the better place wins, so the
   * suggestion breaks ties as the ranking does (raw total, then more scores, then id); without
   * places the smaller id wins.
   */
  place?: number;
}

/** The order ties are settled in: ranking place where both have one, then id. */
export function byPlaceThenId(a: SelectionCandidate, b: SelectionCandidate): number {
  if (a.place !== undefined && b.place !== undefined && a.place !== b.place) return a.place - b.place;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface CategoryBounds {
  min?: number;
  max?: number;
}

export interface SelectionQuotas {
  best: number;
  excellent: number;
  /** Bounds on the selected cases, best and excellent together, of each category named. */
  categories: Readonly<Record<string, CategoryBounds>>;
  /** At most this many selected cases from one province; cases without a province are not capped. */
  provinceCap: number | null;
}

export interface SelectionEntry {
  caseId: string;
  tier: SelectionTier;
}

/** One limit on a count of selected cases. */
export type Quota =
  | { kind: 'tier_places'; tier: SelectionTier; limit: number }
  | { kind: 'category_min'; category: string; limit: number }
  | { kind: 'category_max'; category: string; limit: number }
  | { kind: 'province_cap'; province: string; limit: number };

export type QuotaProblem =
  /** `field` is the quota's path in the campaign's selection block, such as `categories.law.min`. */
  | { code: 'quota_not_whole_number'; field: string; value: number; least: number }
  | { code: 'category_min_above_max'; category: string; min: number; max: number }
  | { code: 'category_mins_above_places'; sum: number; places: number }
  | { code: 'category_min_above_candidates'; category: string; min: number; candidates: number };

export type SelectionProblem =
  | { code: 'quota_broken'; quota: Quota; count: number }
  | { code: 'case_unknown'; caseId: string }
  | { code: 'case_twice'; caseId: string };

/** The problems of the quotas alone, before any candidate is known; empty when there is none. */
export function quotaSettingProblems(quotas: SelectionQuotas): QuotaProblem[] {
  const problems: QuotaProblem[] = [];
  const whole = (field: string, value: number | null | undefined, least: number) => {
    if (value !== null && value !== undefined && !(Number.isInteger(value) && value >= least)) {
      problems.push({ code: 'quota_not_whole_number', field, value, least });
    }
  };
  whole('best', quotas.best, 0);
  whole('excellent', quotas.excellent, 0);
  whole('provinceCap', quotas.provinceCap, 1);
  let sum = 0;
  for (const [category, { min, max }] of Object.entries(quotas.categories)) {
    whole(`categories.${category}.min`, min, 0);
    whole(`categories.${category}.max`, max, 0);
    if (min !== undefined && max !== undefined && min > max) problems.push({ code: 'category_min_above_max', category, min, max });
    sum += min ?? 0;
  }
  const places = quotas.best + quotas.excellent;
  if (sum > places) problems.push({ code: 'category_mins_above_places', sum, places });
  return problems;
}

/** Every reason the quotas cannot be used on these candidates; empty when a suggestion can be computed. */
export function quotaProblems(quotas: SelectionQuotas, candidates: readonly SelectionCandidate[]): QuotaProblem[] {
  const problems = quotaSettingProblems(quotas);
  const perCategory = countBy(candidates, (c) => c.category);
  for (const [category, { min }] of Object.entries(quotas.categories)) {
    const available = perCategory.get(category) ?? 0;
    if (min !== undefined && min > available) problems.push({ code: 'category_min_above_candidates', category, min, candidates: available });
  }
  return problems;
}

/** The quotas as limits, in a fixed order: tiers, categories by key, provinces by name. */
export function listQuotas(quotas: SelectionQuotas, candidates: readonly SelectionCandidate[]): Quota[] {
  const list: Quota[] = SELECTION_TIERS.map((tier) => ({ kind: 'tier_places', tier, limit: quotas[tier] }));
  for (const category of Object.keys(quotas.categories).sort()) {
    const { min, max } = quotas.categories[category]!;
    if (min !== undefined && min > 0) list.push({ kind: 'category_min', category, limit: min });
    if (max !== undefined) list.push({ kind: 'category_max', category, limit: max });
  }
  if (quotas.provinceCap !== null) {
    const provinces = new Set(candidates.flatMap((c) => (c.province === null ? [] : [c.province])));
    for (const province of [...provinces].sort()) list.push({ kind: 'province_cap', province, limit: quotas.provinceCap });
  }
  return list;
}

/** Whether a quota counts a candidate selected at a tier. */
export function quotaCounts(quota: Quota, candidate: SelectionCandidate, tier: SelectionTier): boolean {
  switch (quota.kind) {
    case 'tier_places': return quota.tier === tier;
    case 'category_min':
    case 'category_max': return quota.category === candidate.category;
    case 'province_cap': return quota.province === candidate.province;
  }
}

/** Whether a count breaks a quota: minimums from below, every other quota from above. */
export function breaksQuota(quota: Quota, count: number): boolean {
  return quota.kind === 'category_min' ? count < quota.limit : count > quota.limit;
}

/**
 * Every quota a selection breaks, with its count, and every entry naming an unknown case or a
 * case twice; empty when the selection may stand. For hand-edited selections: tier places are
 * maximums, so leaving a place empty breaks nothing.
 */
export function selectionProblems(quotas: SelectionQuotas, candidates: readonly SelectionCandidate[], selection: readonly SelectionEntry[]): SelectionProblem[] {
  const problems: SelectionProblem[] = [];
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const chosen: [SelectionCandidate, SelectionTier][] = [];
  for (const { caseId, tier } of selection) {
    const candidate = byId.get(caseId);
    if (!candidate) problems.push({ code: 'case_unknown', caseId });
    else if (seen.has(caseId)) problems.push({ code: 'case_twice', caseId });
    else chosen.push([candidate, tier]);
    seen.add(caseId);
  }
  for (const quota of listQuotas(quotas, candidates)) {
    const count = chosen.filter(([candidate, tier]) => quotaCounts(quota, candidate, tier)).length;
    if (breaksQuota(quota, count)) problems.push({ code: 'quota_broken', quota, count });
  }
  return problems;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
