import { describe, expect, it } from 'vitest';
import { indexTokens, MAX_TOKENS_PER_TERM, termTokens } from './tokens.ts';

describe('indexTokens', () => {
  it('gives each character and each adjacent pair of every run of letters and digits, once', () => {
    const tokens = indexTokens('党建党，a1');
    expect(tokens.chars).toEqual(['党', '建', 'a', '1']);
    expect(tokens.pairs).toEqual(['党建', '建党', 'a1']);
  });

  it('keeps every pair in text order with a gap between runs, so no phrase spans two runs', () => {
    expect(indexTokens('党建党建，建党\n村').pairStream).toBe('党建 建党 党建 x 建党 x');
  });

  it('makes no pair across punctuation, white space or a line break', () => {
    expect(indexTokens('村\n党 建%委').pairs).toEqual([]);
  });

  it('takes a character outside the Basic Multilingual Plane as one character', () => {
    expect(indexTokens('𠀀村').pairs).toEqual(['𠀀村']);
  });
});

describe('termTokens', () => {
  it('finds one and two characters by their own token, whole', () => {
    expect(termTokens('村')).toEqual({ tokens: ['村'], runs: [['村']], whole: true });
    expect(termTokens('党建')).toEqual({ tokens: ['党建'], runs: [['党', '建']], whole: true });
  });

  it('finds a longer term as the run of its pairs: 党建 and 建党 apart are not 党建党', () => {
    expect(termTokens('党建党')).toEqual({ tokens: ['党建', '建党'], runs: [['党', '建', '党']], whole: true });
  });

  it('is not whole with characters the index does not hold', () => {
    expect(termTokens('a%')).toEqual({ tokens: ['a'], runs: [['a']], whole: false });
    expect(termTokens('%')).toEqual({ tokens: [], runs: [], whole: false });
    expect(termTokens('5g，智慧').whole).toBe(false);
  });

  it(`asks for at most ${MAX_TOKENS_PER_TERM} presence tokens, spread over a long term`, () => {
    const { tokens } = termTokens('一二三四五六七八九十百千万亿');
    expect(tokens).toHaveLength(MAX_TOKENS_PER_TERM);
    expect(tokens[0]).toBe('一二');
    expect(tokens.at(-1)).toBe('万亿');
  });
});
