import { describe, expect, it } from 'vitest';
import type { CriterionScale } from '../campaign/review-settings.schema.ts';
import { reviewProblems, weightedTotal } from './scoring.ts';

const level = (score: number) => ({ score, rubric: { 'zh-CN': `${score} 分`, en: `${score} points` } });
const scale = (criterion: string, weight: number, from = 1, to = 5): CriterionScale => ({
  criterion, weight, levels: Array.from({ length: to - from + 1 }, (_, i) => level(from + i)),
});
const SCALES = [scale('authenticity', 25), scale('innovation', 25), scale('effectiveness', 30), scale('typicality', 20, 0, 10)];
const FULL = { authenticity: 5, innovation: 4, effectiveness: 3, typicality: 10 };

describe('review scores', () => {
  it('accepts a complete review and a partial draft', () => {
    expect(reviewProblems(SCALES, { scores: FULL, comment: '事实清楚', tier: 'best' }, true)).toEqual([]);
    expect(reviewProblems(SCALES, { scores: { innovation: 2 }, comment: '', tier: null }, false)).toEqual([]);
  });

  it('asks a submission for every criterion and a tier', () => {
    expect(reviewProblems(SCALES, { scores: { innovation: 2 }, comment: '', tier: null }, true)).toEqual([
      { code: 'score_missing', criterion: 'authenticity' },
      { code: 'score_missing', criterion: 'effectiveness' },
      { code: 'score_missing', criterion: 'typicality' },
      { code: 'tier_missing' },
    ]);
  });

  it('refuses scores off the scale, fractions, unknown criteria and tiers, and long comments, even in a draft', () => {
    const problems = reviewProblems(SCALES, {
      scores: { authenticity: 6, innovation: 0, effectiveness: 2.5, typicality: -1, style: 3 }, comment: '很'.repeat(2001), tier: 'gold',
    }, false);
    expect(problems).toEqual([
      { code: 'criterion_unknown', criterion: 'style' },
      { code: 'score_out_of_range', criterion: 'authenticity', min: 1, max: 5 },
      { code: 'score_out_of_range', criterion: 'innovation', min: 1, max: 5 },
      { code: 'score_out_of_range', criterion: 'effectiveness', min: 1, max: 5 },
      { code: 'score_out_of_range', criterion: 'typicality', min: 0, max: 10 },
      { code: 'tier_unknown' },
      { code: 'comment_too_long', max: 2000 },
    ]);
    // Characters, not UTF-16 units: 2,000 characters outside the BMP are within the limit.
    expect(reviewProblems(SCALES, { scores: {}, comment: '𠀀'.repeat(2000), tier: null }, false)).toEqual([]);
  });

  it('weighs each criterion as its share of 100', () => {
    expect(weightedTotal(SCALES, { authenticity: 5, innovation: 5, effectiveness: 5, typicality: 10 })).toBe(100);
    // 25·5/5 + 25·4/5 + 30·3/5 + 20·10/10 = 25 + 20 + 18 + 20
    expect(weightedTotal(SCALES, FULL)).toBe(83);
    expect(weightedTotal(SCALES, { authenticity: 1, innovation: 2, effectiveness: 2, typicality: 3 })).toBe(33);
    expect(weightedTotal(SCALES, { authenticity: 5 })).toBeNull();
  });
});
