import { z } from 'zod';
import { DIVISION_LEVELS } from '../org/divisions.ts';
import { parseLocalDateTime } from '../time/zoned-time.ts';

// How a campaign's experts review: the notice names the criteria and leaves the rest (how many
// reviews, the scale, the weights, blind or not, when a shared division is a conflict, the due
// date) to the organizers, so the campaign file says it. Messages name the rule in both
// languages: the person fixing the file may read either.

/** One message in both languages, Chinese first. */
export const bilingual = (zh: string, en: string): string => `${zh} / ${en}`;

const rubric = z.strictObject({
  'zh-CN': z.string().trim().min(1, bilingual('缺少中文评分说明', 'Chinese rubric text is required')),
  en: z.string().trim().min(1, bilingual('缺少英文评分说明', 'English rubric text is required')),
});

const level = z.strictObject({
  score: z.number().int(bilingual('分值必须是整数', 'a score must be a whole number')).min(0, bilingual('分值不能为负', 'a score cannot be negative')),
  rubric,
});

const criterionScale = z.strictObject({
  criterion: z.string().min(1),
  weight: z.number().positive(bilingual('权重必须大于 0', 'a weight must be greater than 0')),
  levels: z.array(level).min(2, bilingual('至少需要两个分值档次', 'a scale needs at least two levels')),
});
export type CriterionScale = z.infer<typeof criterionScale>;

const localDateTime = z
  .string()
  .refine((text) => parseLocalDateTime(text) !== null, bilingual('请写成 YYYY-MM-DDTHH:mm:ss 的真实时间', 'use a real local time as YYYY-MM-DDTHH:mm:ss'));

/** Weights are percentages of the total score: they add up to exactly 100. */
export const WEIGHT_TOTAL = 100;

export const reviewSettingsSchema = z.strictObject({
  reviewsPerCase: z.number()
    .int(bilingual('每个案例的评审人数必须是整数', 'reviews per case must be a whole number'))
    .min(1, bilingual('每个案例至少需要 1 位评审专家', 'each case needs at least 1 review'))
    .max(15, bilingual('每个案例最多 15 位评审专家', 'each case takes at most 15 reviews'))
    .default(3),
  /** Reviewers do not see the submitting unit's name, division, people or seal. */
  blind: z.boolean(),
  /** A reviewer and a unit in the same division at this level are in conflict. */
  conflictLevel: z.enum(DIVISION_LEVELS, { error: bilingual('请写 province、city 或 county', 'use province, city or county') }),
  /** The last second to submit scores, on the clock of `window.timeZone`, like the window's dates. */
  dueAt: localDateTime,
  /** Days before `dueAt` on which reviewers with unfinished cases get a reminder. */
  reminderDaysBefore: z.array(
    z.number().int(bilingual('提醒天数必须是整数', 'reminder days must be whole numbers')).positive(bilingual('提醒天数必须大于 0', 'reminder days must be greater than 0')),
  ),
  /** One scale per criterion of the campaign, in any order. */
  criteria: z.array(criterionScale).min(1),
});
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

/**
 * The rules that span fields: every criterion of the campaign has exactly one scale, scales run
 * without gaps, weights add up to 100, reminders are distinct. `path` is where the block sits.
 */
export function reportReviewIssues(review: ReviewSettings, criterionKeys: readonly string[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  const known = new Set(criterionKeys);
  const seen = new Set<string>();
  review.criteria.forEach((scale, i) => {
    if (!known.has(scale.criterion)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'criteria', i, 'criterion'], message: bilingual(`没有名为“${scale.criterion}”的评审标准（现有：${criterionKeys.join('、')}）`, `names no criterion "${scale.criterion}" (have: ${criterionKeys.join(', ')})`) });
    } else if (seen.has(scale.criterion)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'criteria', i, 'criterion'], message: bilingual(`评审标准“${scale.criterion}”重复设置了分值档次`, `criterion "${scale.criterion}" has two scales`) });
    }
    seen.add(scale.criterion);
    const gap = levelGap(scale.levels.map((l) => l.score));
    if (gap) ctx.addIssue({ code: 'custom', path: [...path, 'criteria', i, 'levels'], message: bilingual(`分值档次须从低到高逐一递增，${gap.zh}`, `levels must go up one by one from the lowest, ${gap.en}`) });
  });
  const missing = criterionKeys.filter((k) => !seen.has(k));
  if (missing.length > 0) {
    ctx.addIssue({ code: 'custom', path: [...path, 'criteria'], message: bilingual(`缺少评审标准的分值档次：${missing.join('、')}`, `no scale for criterion ${missing.join(', ')}`) });
  }
  const total = review.criteria.reduce((sum, s) => sum + s.weight, 0);
  if (Math.abs(total - WEIGHT_TOTAL) > 1e-9) {
    ctx.addIssue({ code: 'custom', path: [...path, 'criteria'], message: bilingual(`权重之和必须为 ${WEIGHT_TOTAL}（现为 ${total}）`, `weights must add up to ${WEIGHT_TOTAL} (they add up to ${total})`) });
  }
  const days = review.reminderDaysBefore;
  days.forEach((d, i) => {
    if (days.indexOf(d) !== i) ctx.addIssue({ code: 'custom', path: [...path, 'reminderDaysBefore', i], message: bilingual(`提醒天数 ${d} 重复`, `reminder day ${d} is listed twice`) });
  });
}

/** Where a list of scores stops counting up by one, in both languages; null when it never does. */
function levelGap(scores: readonly number[]): { zh: string; en: string } | null {
  for (let i = 1; i < scores.length; i += 1) {
    if (scores[i] !== scores[i - 1]! + 1) {
      return { zh: `${scores[i - 1]} 之后是 ${scores[i]}`, en: `but ${scores[i]} follows ${scores[i - 1]}` };
    }
  }
  return null;
}
