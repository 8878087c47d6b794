import { describe, expect, it } from 'vitest';
import { scoreHistogram } from './score-histogram.ts';

describe('score distribution per category', () => {
  it('counts scores in ten-point bands from the lowest band used to 100, 100 itself in the top band', () => {
    expect(scoreHistogram(['urban', 'rural'], [
      { category: 'urban', score: 88.46 }, { category: 'urban', score: 68 }, { category: 'urban', score: 37.09 },
      { category: 'rural', score: 77.8 }, { category: 'rural', score: 100 }, { category: 'rural', score: 70 },
      { category: 'urban', score: null }, { category: 'other', score: 50 },
    ])).toEqual([
      { from: 30, to: 40, counts: [1, 0] },
      { from: 40, to: 50, counts: [0, 0] },
      { from: 50, to: 60, counts: [0, 0] },
      { from: 60, to: 70, counts: [1, 0] },
      { from: 70, to: 80, counts: [0, 2] },
      { from: 80, to: 90, counts: [1, 0] },
      { from: 90, to: 100, counts: [0, 1] },
    ]);
  });

  it('gives all ten empty bands when nothing is scored', () => {
    const bands = scoreHistogram(['urban'], [{ category: 'urban', score: null }]);
    expect(bands.map((b) => [b.from, b.to, b.counts])).toEqual(Array.from({ length: 10 }, (_, i) => [i * 10, i * 10 + 10, [0]]));
  });
});
