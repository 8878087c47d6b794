import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { chineseNumeral, editionLabel, sectionNumber, translate } from './messages.ts';
import { zhCN } from './zh-CN.ts';

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translate('zh-CN', 'error.campaign_not_found', { slug: 'x' })).toBe('未找到征集活动“x”。');
    expect(translate('en', 'error.campaign_not_found', { slug: 'x' })).toBe('There is no collection “x”.');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(translate('en', 'home.edition')).toBe('Edition {edition}');
  });

  it('has the same placeholders in both catalogues', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect([key, names(en[key])]).toEqual([key, names(zhCN[key])]);
    }
  });
});

describe('sectionNumber', () => {
  it('numbers sections the Chinese way and the English way', () => {
    expect([1, 7, 10, 12].map((n) => sectionNumber('zh-CN', n))).toEqual(['一、', '七、', '十、', '十二、']);
    expect(sectionNumber('en', 3)).toBe('3.');
  });
});

describe('chineseNumeral and editionLabel', () => {
  it('writes numbers as an official notice does', () => {
    expect([1, 7, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '七', '十', '十一', '二十', '二十一', '九十九']);
    expect(chineseNumeral(100)).toBe('100');
    expect(editionLabel('zh-CN', 7)).toBe('第七届');
    expect(editionLabel('en', 7)).toBe('Edition 7');
  });
});
