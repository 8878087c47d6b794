import { describe, expect, it } from 'vitest';
import { recommendationState } from './recommendation.ts';

describe('recommendationState', () => {
  it('stands only on the text it was given on', () => {
    expect(recommendationState('recommended', 'aa', 'aa')).toBe('recommended');
    expect(recommendationState('recommended', 'aa', 'bb')).toBe('void');
    expect(recommendationState('recommended', null, 'aa')).toBe('void');
  });

  it('leaves every other state as stored', () => {
    expect(['none', 'pending', 'declined'].map((s) => recommendationState(s as 'none', 'aa', 'bb'))).toEqual(['none', 'pending', 'declined']);
  });
});
