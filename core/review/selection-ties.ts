import { breaksQuota, quotaCounts, type Quota, type SelectionCandidate, type SelectionTier } from './selection.ts';

// Two exchange arguments about a selection (decision 0029). Swapping two cases of one category and
// one province (or two provinces no quota caps) changes no quota's count, so: a case with enough
// better cases beside it is never needed, and among equal scores the better-placed (or smaller id) may take the place.

/** The tier of each selected candidate, by its index in the candidates. */
export type TierOf = Map<number, SelectionTier>;

/**
 * The indices of the candidates an optimal selection may need: in each group of one category and
 * one capped province (or the uncapped ones), the first k by score then id, where k is the most
 * that group can hold under the places, the category's maximum and the province's cap.
 */
export function keptCandidates(candidates: readonly SelectionCandidate[], quotas: readonly Quota[]): number[] {
  const places = quotas.reduce((sum, q) => sum + (q.kind === 'tier_places' ? q.limit : 0), 0);
  const capped = new Set(quotas.flatMap((q) => (q.kind === 'province_cap' ? [q.province] : [])));
  const limitOf = (c: SelectionCandidate) => quotas.reduce((k, q) =>
    (q.kind === 'category_max' && q.category === c.category) || (q.kind === 'province_cap' && q.province === c.province) ? Math.min(k, q.limit) : k, places);
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const key = JSON.stringify([c.category, c.province !== null && capped.has(c.province) ? c.province : null]);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const kept: number[] = [];
  for (const members of groups.values()) {
    const ranked = members.sort((a, b) => candidates[b]!.score - candidates[a]!.score || a - b);
    kept.push(...ranked.slice(0, limitOf(candidates[ranked[0]!]!)));
  }
  return kept.sort((a, b) => a - b);
}

/**
 * The same selection with ties settled by id: a selected case gives its place to an unselected one
 * of equal score and smaller index when no quota breaks; then within the selection the higher
 * score, and among equals the smaller index, is best. Candidates are sorted by ranking place, then id (`byPlaceThenId`).
 */
export function preferSmallerIds(candidates: readonly SelectionCandidate[], quotas: readonly Quota[], chosen: TierOf): TierOf {
  const tiers = new Map(chosen);
  const counts = quotas.map((quota) => [...tiers].filter(([i, tier]) => quotaCounts(quota, candidates[i]!, tier)).length);
  const delta = (quota: Quota, entering: number, leaving: number, tier: SelectionTier) =>
    Number(quotaCounts(quota, candidates[entering]!, tier)) - Number(quotaCounts(quota, candidates[leaving]!, tier));
  const byScore = new Map<number, number[]>();
  candidates.forEach((c, i) => byScore.set(c.score, [...(byScore.get(c.score) ?? []), i]));
  for (const group of byScore.values()) {
    if (!group.some((i) => tiers.has(i))) continue;
    for (const j of group) {
      if (tiers.has(j)) continue;
      // The selected case of this score with the largest index that j may replace.
      const i = group.filter((k) => k > j && tiers.has(k) && quotas.every((quota, q) => !breaksQuota(quota, counts[q]! + delta(quota, j, k, tiers.get(k)!)))).pop();
      if (i === undefined) continue;
      const tier = tiers.get(i)!;
      quotas.forEach((quota, q) => { counts[q]! += delta(quota, j, i, tier); });
      tiers.delete(i);
      tiers.set(j, tier);
    }
  }
  const bestPlaces = [...tiers.values()].filter((t) => t === 'best').length;
  const ranked = [...tiers.keys()].sort((a, b) => candidates[b]!.score - candidates[a]!.score || a - b);
  return new Map(ranked.map((i, rank) => [i, rank < bestPlaces ? 'best' : 'excellent']));
}
