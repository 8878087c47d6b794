import { describe, expect, it } from 'vitest';
import { matchLocale, negotiateLocale } from './locale.ts';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR,de;q=0.5', 'zh-CN'],
    ['en;q=0.2,zh;q=0.8', 'zh-CN'],
    ['en;q=0, zh;q=0.1', 'zh-CN'],
    ['*', 'zh-CN'],
  ] as const)('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('matchLocale', () => {
  it('accepts the languages we serve and nothing else', () => {
    expect(matchLocale('EN')).toBe('en');
    expect(matchLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLocale('fr')).toBeNull();
    expect(matchLocale('')).toBeNull();
  });
});
