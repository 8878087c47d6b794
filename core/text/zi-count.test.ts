import { describe, expect, it } from 'vitest';
import { countZi, limitState } from './zi-count.ts';

describe('countZi (Word 字数 for Chinese text)', () => {
  it.each([
    ['', 0],
    ['   \n\t\u3000 ', 0],
    ['基层党建', 4],
    ['增强基层党组织政治功能和组织功能', 16],
    ['背景：党建引领，乡村振兴。', 13],
    ['“两个维护”', 6],
    ['《中国组织人事报》', 9],
    ['——', 2],
    ['……', 2],
    ['人民网·中国共产党新闻网', 12],
    ['GDP增长3.5%', 4],
    ['2024年1月15日', 6],
    ['共有 1,234 名党员', 6],
    ['增长了 35% ，达到 120 万元', 10],
    ['通过APP和e-mail报送', 7],
    ['Party building in SOEs', 4],
    ['CPC News Network，2024', 5],
    ['ＡＢＣ１２３', 6],
    ['a , b', 3],
    ['点赞👍很多', 5],
    ['👍👍 好', 2],
    ['第一段\n\n第二段', 6],
    ['（一）背景', 5],
    ['ひらがなカタカナ', 8],
  ] as const)('%j counts %i', (text, expected) => {
    expect(countZi(text)).toBe(expected);
  });

  it('counts a 5000-字 body of Chinese text exactly', () => {
    expect(countZi('党'.repeat(4999) + '。')).toBe(5000);
  });
});

describe('limitState', () => {
  it('warns from 90 % and errs past the limit', () => {
    expect([449, 450, 500, 501].map((n) => limitState(n, 500))).toEqual(['ok', 'near', 'near', 'over']);
  });
});
