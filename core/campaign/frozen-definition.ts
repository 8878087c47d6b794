import type { Campaign } from './campaign.schema.ts';

// What scores, assignments and decisions stand on: the categories cases are sorted into and the
// criteria they are scored on (by key and name), each criterion's weight and the scores of its
// scale, how many reviews a case gets, whether review is blind and at which level a shared
// division is a conflict. Once review starts none of these may change. Everything else still may:
// contacts, the call's texts, descriptions, and the wording of a rubric (a typo fixed in the middle
// of review changes no score).

type Keyed = { key: string; name: unknown };

/** The review settings assignments and the reviewers' view rest on. */
const FROZEN_SETTINGS = ['reviewsPerCase', 'blind', 'conflictLevel'] as const;

/** What would change under existing reviews, one line per difference; empty when nothing would. */
export function frozenDefinitionChanges(before: Campaign, after: Campaign): string[] {
  return [
    ...keyedChanges('categories', before.categories, after.categories),
    ...keyedChanges('criteria', before.criteria, after.criteria),
    ...scaleChanges(before, after),
    ...settingChanges(before, after),
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
    if (was && !same(was.name, item.name)) lines.push(`${list}: "${key}" renamed`);
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
    const scores = (levels: typeof scale.levels) => levels.map((l) => l.score).join(', ');
    if (scores(was.levels) !== scores(scale.levels)) lines.push(`review.criteria: scale of "${scale.criterion}" ${scores(was.levels)} → ${scores(scale.levels)}`);
  }
  return lines;
}

function settingChanges(before: Campaign, after: Campaign): string[] {
  if (!before.review) return [];
  return FROZEN_SETTINGS.filter((key) => before.review[key] !== after.review[key])
    .map((key) => `review.${key}: ${String(before.review[key])} → ${String(after.review[key])}`);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
