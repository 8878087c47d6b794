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

// The rule written plainly, one code point at a time: the oracle for the table-driven countZi.
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3001-\u303f\uff01-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7\u30fb\ufe30-\ufe4f]/u;
function plainCount(text: string): number {
  let count = 0;
  let inRun = false;
  for (const ch of text) {
    if (/\s/u.test(ch)) inRun = false;
    else if (EAST_ASIAN.test(ch)) {
      count += 1;
      inRun = false;
    } else if (!inRun) {
      count += 1;
      inRun = true;
    }
  }
  return count;
}

describe('countZi against the rule written plainly', () => {
  it('agrees on every character of the Basic Multilingual Plane, alone and between letters', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const ch = String.fromCharCode(code);
      if (countZi(ch) !== plainCount(ch) || countZi(`a${ch}b`) !== plainCount(`a${ch}b`)) {
        expect([code.toString(16), countZi(`a${ch}b`)]).toEqual([code.toString(16), plainCount(`a${ch}b`)]);
      }
    }
  });

  it('agrees on random mixed text, surrogate pairs and lone surrogates included', () => {
    const pieces = ['党', '建', '，', '。', '“', '”', '—', '…', '·', 'A', 'b', '3', '.', '%', '-', ' ', '\n', '\u3000', '\u00a0', '👍', '𠀀', '\ud800', '\udc00', 'ｱ', 'カ', '（', '）'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 2000; n += 1) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(countZi(text), JSON.stringify(text)).toBe(plainCount(text));
    }
  });
});

describe('limitState', () => {
  it('warns from 90 % and errs past the limit', () => {
    expect([449, 450, 500, 501].map((n) => limitState(n, 500))).toEqual(['ok', 'near', 'near', 'over']);
  });
});
