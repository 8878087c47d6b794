import { describe, expect, it } from 'vitest';
import { normalizeForSimilarity, originalRange } from './normalize.ts';

describe('normalizeForSimilarity', () => {
  it('folds full-width letters and digits to half-width lowercase and drops punctuation and spaces', () => {
    expect(normalizeForSimilarity('ＧＤＰ增长１２．５％，“党建＋”　模式。\n第２条').text).toBe('gdp增长125党建模式第2条');
  });

  it('drops zero-width spaces and keeps what NFKC spells out of compatibility forms', () => {
    expect(normalizeForSimilarity('党\u200b建①引领㎡').text).toBe('党建1引领m2');
  });

  it('maps each kept character back to where it was in the original', () => {
    const original = '一、 党建，\n引领ＡＢ';
    const normalized = normalizeForSimilarity(original);
    expect(normalized.text).toBe('一党建引领ab');
    expect([...normalized.origin]).toEqual([0, 3, 4, 7, 8, 9, 10]);
    // 党建引领 in normalized positions 1–5 is 党建，\n引领 in the original.
    expect(originalRange(normalized, 1, 5, original)).toEqual({ start: 3, end: 9 });
    expect(original.slice(3, 9)).toBe('党建，\n引领');
  });

  it('keeps characters beyond the Basic Multilingual Plane whole in the map', () => {
    const original = '𠀀党，建';
    const normalized = normalizeForSimilarity(original);
    expect(normalized.text).toBe('𠀀党建');
    expect([...normalized.origin]).toEqual([0, 0, 2, 4]);
    expect(originalRange(normalized, 0, 2, original)).toEqual({ start: 0, end: 2 });
  });
});
