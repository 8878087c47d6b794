import { describe, expect, it } from 'vitest';
import { seventhCampaignData } from '../../server/testing/campaign-files.ts';
import { campaignSchema, describeCampaignIssues } from './campaign.schema.ts';

/** The problems the schema finds after `change` edits the seventh collection's file. */
function problemsAfter(change: (data: Record<string, any>) => void): string[] {
  const data = seventhCampaignData();
  change(data);
  const result = campaignSchema.safeParse(data);
  return result.success ? [] : describeCampaignIssues(result.error);
}

describe('review settings in the campaign file', () => {
  it('reads the seventh collection: three blind reviews, four weighted criteria on a 1–5 scale', () => {
    const { review } = campaignSchema.parse(seventhCampaignData());
    expect({ ...review, criteria: review.criteria.map((c) => [c.criterion, c.weight, c.levels.map((l) => l.score).join('')]) }).toEqual({
      reviewsPerCase: 3,
      blind: true,
      conflictLevel: 'city',
      dueAt: '2024-08-31T23:59:59',
      reminderDaysBefore: [7, 3, 1],
      criteria: [['authenticity', 25, '12345'], ['innovation', 25, '12345'], ['effectiveness', 30, '12345'], ['typicality', 20, '12345']],
    });
    expect(review.criteria[0]!.levels[4]!.rubric['zh-CN']).toBe('完全来源于真实实践，细节翔实，佐证充分，上级党组织意见明确认可。');
  });

  it('takes three reviews per case when the file does not say', () => {
    const data = seventhCampaignData();
    delete data.review.reviewsPerCase;
    expect(campaignSchema.parse(data).review.reviewsPerCase).toBe(3);
  });

  it('refuses a campaign without review settings', () => {
    expect(problemsAfter((d) => delete d.review)).toEqual(['review: Invalid input: expected object, received undefined']);
  });

  it('refuses weights that do not add up to 100, naming the sum in both languages', () => {
    expect(problemsAfter((d) => { d.review.criteria[3].weight = 10; })).toEqual([
      'review.criteria: 权重之和必须为 100（现为 90） / weights must add up to 100 (they add up to 90)',
    ]);
  });

  it('refuses a zero or negative weight', () => {
    expect(problemsAfter((d) => { d.review.criteria[0].weight = 0; d.review.criteria[1].weight = 50; })).toEqual([
      'review.criteria.0.weight: 权重必须大于 0 / a weight must be greater than 0',
    ]);
  });

  it('refuses a criterion without a scale and a scale for no criterion', () => {
    expect(problemsAfter((d) => { d.review.criteria[3].criterion = 'typical'; })).toEqual([
      'review.criteria.3.criterion: 没有名为“typical”的评审标准（现有：authenticity、innovation、effectiveness、typicality） / names no criterion "typical" (have: authenticity, innovation, effectiveness, typicality)',
      'review.criteria: 缺少评审标准的分值档次：typicality / no scale for criterion typicality',
    ]);
  });

  it('refuses two scales for one criterion', () => {
    expect(problemsAfter((d) => { d.review.criteria[3].criterion = 'authenticity'; })).toEqual([
      'review.criteria.3.criterion: 评审标准“authenticity”重复设置了分值档次 / criterion "authenticity" has two scales',
      'review.criteria: 缺少评审标准的分值档次：typicality / no scale for criterion typicality',
    ]);
  });

  it('refuses levels with a gap, out of order, or with a single level', () => {
    expect(problemsAfter((d) => { d.review.criteria[1].levels.splice(2, 1); })).toEqual([
      'review.criteria.1.levels: 分值档次须从低到高逐一递增，2 之后是 4 / levels must go up one by one from the lowest, but 4 follows 2',
    ]);
    expect(problemsAfter((d) => { d.review.criteria[1].levels.reverse(); })).toEqual([
      'review.criteria.1.levels: 分值档次须从低到高逐一递增，5 之后是 4 / levels must go up one by one from the lowest, but 4 follows 5',
    ]);
    expect(problemsAfter((d) => { d.review.criteria[1].levels.splice(1); })).toEqual([
      'review.criteria.1.levels: 至少需要两个分值档次 / a scale needs at least two levels',
    ]);
  });

  it('refuses a level without rubric text in either language', () => {
    expect(problemsAfter((d) => { d.review.criteria[2].levels[0].rubric.en = ' '; delete d.review.criteria[2].levels[1].rubric['zh-CN']; })).toEqual([
      'review.criteria.2.levels.0.rubric.en: 缺少英文评分说明 / English rubric text is required',
      'review.criteria.2.levels.1.rubric.zh-CN: Invalid input: expected string, received undefined',
    ]);
  });

  it('refuses a due date on or before the collection closes', () => {
    expect(problemsAfter((d) => { d.review.dueAt = '2024-06-30T23:59:59'; })).toEqual([
      'review.dueAt: 评审截止时间必须晚于征集截止时间 window.closesAt / must be after window.closesAt',
    ]);
    expect(problemsAfter((d) => { d.review.dueAt = '2024-02-30T23:59:59'; })).toEqual([
      'review.dueAt: 请写成 YYYY-MM-DDTHH:mm:ss 的真实时间 / use a real local time as YYYY-MM-DDTHH:mm:ss',
    ]);
  });

  it('refuses reminder days that are zero, negative, fractional or repeated', () => {
    expect(problemsAfter((d) => { d.review.reminderDaysBefore = [0, -2, 1.5]; })).toEqual([
      'review.reminderDaysBefore.0: 提醒天数必须大于 0 / reminder days must be greater than 0',
      'review.reminderDaysBefore.1: 提醒天数必须大于 0 / reminder days must be greater than 0',
      'review.reminderDaysBefore.2: 提醒天数必须是整数 / reminder days must be whole numbers',
    ]);
    expect(problemsAfter((d) => { d.review.reminderDaysBefore = [3, 1, 3]; })).toEqual([
      'review.reminderDaysBefore.2: 提醒天数 3 重复 / reminder day 3 is listed twice',
    ]);
  });

  it('refuses a conflict level that is no division level, and a review count out of range', () => {
    expect(problemsAfter((d) => { d.review.conflictLevel = 'town'; d.review.reviewsPerCase = 0; })).toEqual([
      'review.reviewsPerCase: 每个案例至少需要 1 位评审专家 / each case needs at least 1 review',
      'review.conflictLevel: 请写 province、city 或 county / use province, city or county',
    ]);
  });
});
