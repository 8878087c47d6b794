import { z } from 'zod';
import { DEFAULT_PLACES, quotaSettingProblems, type SelectionQuotas } from '../review/selection.ts';
import { bilingual } from './review-settings.schema.ts';

// The quotas of the selection (decision 0029): how many best and excellent cases, bounds per
// category on the selected cases of both tiers together, and an optional cap per province. A
// campaign file without the block gets the earlier editions' 30 best and 70 excellent cases.

const count = (least: number) => z.number()
  .int(bilingual('名额必须是整数', 'a quota must be a whole number'))
  .min(least, least === 0 ? bilingual('名额不能为负', 'a quota cannot be negative') : bilingual(`名额至少为 ${least}`, `a quota must be at least ${least}`));

export const selectionSettingsSchema = z.strictObject({
  best: count(0).default(DEFAULT_PLACES.best),
  excellent: count(0).default(DEFAULT_PLACES.excellent),
  /** By category key: the fewest and the most selected cases of the category. */
  categories: z.record(z.string(), z.strictObject({ min: count(0).optional(), max: count(0).optional() })).default({}),
  /** The most selected cases from one province; null for no cap. */
  provinceCap: count(1).nullable().default(null),
});
export type SelectionSettings = z.infer<typeof selectionSettingsSchema>;

/**
 * The rules that span fields: bounds name the campaign's categories, a minimum is not above its
 * maximum, the minimums fit in the places, and a tier's quota, when the tier list gives one, says
 * the same as this block. `path` is where the block sits.
 */
export function reportSelectionIssues(
  selection: SelectionQuotas,
  categoryKeys: readonly string[],
  tiers: readonly { key: string; quota: number | null }[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  for (const key of Object.keys(selection.categories)) {
    if (!categoryKeys.includes(key)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'categories', key], message: bilingual(`没有名为“${key}”的类别（现有：${categoryKeys.join('、')}）`, `names no category "${key}" (have: ${categoryKeys.join(', ')})`) });
    }
  }
  for (const problem of quotaSettingProblems(selection)) {
    if (problem.code === 'category_min_above_max') {
      ctx.addIssue({ code: 'custom', path: [...path, 'categories', problem.category, 'min'], message: bilingual(`最少入选 ${problem.min} 个，多于最多入选的 ${problem.max} 个`, `the minimum ${problem.min} is above the maximum ${problem.max}`) });
    } else if (problem.code === 'category_mins_above_places') {
      ctx.addIssue({ code: 'custom', path: [...path, 'categories'], message: bilingual(`各类别最少入选数之和为 ${problem.sum}，超过最佳与优秀名额之和 ${problem.places}`, `the category minimums add up to ${problem.sum}, more than the ${problem.places} best and excellent places`) });
    }
  }
  tiers.forEach((tier, i) => {
    const places = tier.key === 'best' || tier.key === 'excellent' ? selection[tier.key] : null;
    if (places !== null && tier.quota !== null && tier.quota !== places) {
      ctx.addIssue({ code: 'custom', path: ['tiers', i, 'quota'], message: bilingual(`与评选名额 ${[...path, tier.key].join('.')} = ${places} 不一致`, `differs from ${[...path, tier.key].join('.')} = ${places}`) });
    }
  });
}
