import type { Campaign } from './campaign.schema.ts';

// What scores, assignments and decisions stand on: the categories cases are sorted into, the
// criteria they are scored on, and each criterion's weight and scale with its rubric. Once review
// starts none of these may change; everything else (contacts, texts of the call) still may.

type Keyed = { key: string };

/** What would change under existing reviews, one line per difference; empty when nothing would. */
export function frozenDefinitionChanges(before: Campaign, after: Campaign): string[] {
  return [
    ...keyedChanges('categories', before.categories, after.categories),
    ...keyedChanges('criteria', before.criteria, after.criteria),
    ...scaleChanges(before, after),
  ];
}

function keyedChanges(list: string, before: readonly Keyed[], after: readonly Keyed[]): string[] {
  const old = new Map(before.map((item) => [item.key, item]));
  const now = new Map(after.map((item) => [item.key, item]));
  const lines: string[] = [];
  for (const key of old.keys()) if (!now.has(key)) lines.push(`${list}: "${key}" removed`);
  for (const key of now.keys()) if (!old.has(key)) lines.push(`${list}: "${key}" added`);
  for (const [key, item] of now) {
    const was = old.get(key);
    if (was && !same(was, item)) lines.push(`${list}: "${key}" changed`);
  }
  return lines;
}

function scaleChanges(before: Campaign, after: Campaign): string[] {
  // A definition stored before review settings existed has no scales to protect.
  const old = new Map((before.review?.criteria ?? []).map((s) => [s.criterion, s]));
  if (old.size === 0) return [];
  const lines: string[] = [];
  for (const scale of after.review.criteria) {
    const was = old.get(scale.criterion);
    if (!was) continue; // a new criterion is already reported above
    if (was.weight !== scale.weight) lines.push(`review.criteria: weight of "${scale.criterion}" ${was.weight} → ${scale.weight}`);
    if (!same(was.levels, scale.levels)) lines.push(`review.criteria: scale of "${scale.criterion}" changed`);
  }
  return lines;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
