import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS, normalizeText, parseQuery } from './normalize.ts';

describe('normalizeText', () => {
  it('folds full-width forms, case and white space', () => {
    expect(normalizeText('ＡＢＣ１２３　党建\t\n Ｅｘｃｅｌ')).toBe('abc123 党建 excel');
  });

  it('leaves Chinese punctuation outside the full-width ASCII block as it is', () => {
    expect(normalizeText('“党建”、《方案》。')).toBe('“党建”、《方案》。');
  });

  it('replaces a lone surrogate instead of passing it on', () => {
    expect(normalizeText('a\uD800b')).toBe('a\uFFFDb');
  });
});

describe('parseQuery', () => {
  it('splits at white space into distinct normalized terms, in order', () => {
    expect(parseQuery('  党建　Ｅｘｃｅｌ 党建  村 ')).toEqual({ ok: true, terms: ['党建', 'excel', '村'] });
  });

  it('keeps %, _, quotes and markup as plain characters of a term', () => {
    expect(parseQuery('100% a_b <script>alert("x")</script>')).toEqual({ ok: true, terms: ['100%', 'a_b', '<script>alert("x")</script>'] });
  });

  it('gives no terms for an empty or blank query', () => {
    expect(parseQuery('')).toEqual({ ok: true, terms: [] });
    expect(parseQuery(' \u3000 ')).toEqual({ ok: true, terms: [] });
  });

  it(`refuses a query over ${MAX_QUERY_CHARS} characters, the 10,000-character one too`, () => {
    expect(parseQuery('村'.repeat(MAX_QUERY_CHARS)).ok).toBe(true);
    expect(parseQuery('村'.repeat(MAX_QUERY_CHARS + 1))).toEqual({ ok: false, problem: 'too_long', max: MAX_QUERY_CHARS });
    expect(parseQuery('村'.repeat(10_000))).toEqual({ ok: false, problem: 'too_long', max: MAX_QUERY_CHARS });
  });

  it(`refuses more than ${MAX_QUERY_TERMS} terms`, () => {
    expect(parseQuery('一 二 三 四 五 六 七 八').ok).toBe(true);
    expect(parseQuery('一 二 三 四 五 六 七 八 九')).toEqual({ ok: false, problem: 'too_many_terms', max: MAX_QUERY_TERMS });
  });
});
