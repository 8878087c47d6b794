import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seeded.ts';
import vectors from './zi-count.vectors.json' with { type: 'json' };
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
    ['点赞👍很多', 5],
    ['👍👍 好', 2],
    ['第一段\n\n第二段', 6],
    ['（一）背景', 5],
    ['ひらがなカタカナ', 8],
    // A run of punctuation or symbols alone counts nothing; joined to letters or digits it is theirs.
    ['积分+清单', 4],
    ['党建-发展', 4],
    ['GDP(国内生产总值)', 7],
    ['a , b', 2],
    ['(一)背景', 3],
    ['% ★ +', 0],
    ['3.5%', 1],
    ['e-mail', 1],
    ['www.example.cn', 1],
    ['don’t', 1],
    ['“GDP”增长', 3],
    // Invisible characters count nothing and do not split a word.
    ['党\u200b建', 2],
    ['\ufeff党\u00ad建\u2060', 2],
    ['co\u00adoperation', 1],
    ['a\u200cb\u200dc', 1],
    ['\u200b\u00ad\ufeff\u2060\u180e\u200e\u202e\ufe0f', 0],
    ['👨\u200d👩\u200d👧', 1],
    // Enclosed, squared and other East Asian characters count one each, as Han does.
    ['㈠㈡㈢', 3],
    ['100㎡', 2],
    ['㎏', 1],
    ['ㄅㄆㄇ', 3],
    ['①②③', 3],
    ['m²', 2],
    ['︵︶', 2],
    ['兀丽', 2],
    ['𠮷野家', 3],
    ['\u{2ebf0}\u{3134a}', 2],
    ['\ue000', 1],
    // Korean is counted in words, as Word's 字数 counts 朝鲜语单词.
    ['한국어 단어', 2],
    ['a–b', 2],
  ] as const)('%j counts %i', (text, expected) => {
    expect(countZi(text)).toBe(expected);
  });

  it('counts a 5000-字 body of Chinese text exactly', () => {
    expect(countZi('党'.repeat(4999) + '。')).toBe(5000);
  });
});

// Where the platform deliberately counts otherwise than LibreOffice 7.4 (each string is in the
// vectors). The rest of the vectors, several hundred, must agree exactly.
const LONE_PUNCTUATION = 'a run of half-width punctuation or symbols alone counts nothing (issue 11, item 1); LibreOffice counts it as a word';
const CHINESE_MARKS = 'the 破折号 —— and 省略号 …… count one per character like the other Chinese marks; LibreOffice takes the em dash as a word break and the ellipsis as Latin punctuation';
const INVISIBLE = 'invisible characters count nothing (item 2); LibreOffice counts most as a word and joins the characters around a zero-width space';
const KOREAN = 'Korean counts in words (Word\'s 朝鲜语单词); LibreOffice counts each Hangul syllable';
const LIBREOFFICE_FAULT = 'LibreOffice 7.4 counts a character beyond the BMP twice when Han precedes it, even across a space';
const EXCEPTIONS: Record<string, { libreOffice: number; platform: number; reason: string }> = {
  '积分+清单': { libreOffice: 5, platform: 4, reason: LONE_PUNCTUATION },
  '党建-发展': { libreOffice: 5, platform: 4, reason: LONE_PUNCTUATION },
  'GDP(国内生产总值)': { libreOffice: 8, platform: 7, reason: LONE_PUNCTUATION },
  '(一)背景': { libreOffice: 5, platform: 3, reason: LONE_PUNCTUATION },
  '和/或': { libreOffice: 3, platform: 2, reason: LONE_PUNCTUATION },
  '“互联网+党建”': { libreOffice: 8, platform: 7, reason: LONE_PUNCTUATION },
  'a , b': { libreOffice: 3, platform: 2, reason: LONE_PUNCTUATION },
  '%': { libreOffice: 1, platform: 0, reason: LONE_PUNCTUATION },
  '★': { libreOffice: 1, platform: 0, reason: LONE_PUNCTUATION },
  '——': { libreOffice: 0, platform: 2, reason: CHINESE_MARKS },
  '……': { libreOffice: 1, platform: 2, reason: CHINESE_MARKS },
  '党建——发展': { libreOffice: 4, platform: 6, reason: CHINESE_MARKS },
  '党\u200b建': { libreOffice: 1, platform: 2, reason: INVISIBLE },
  '\ufeff党建': { libreOffice: 3, platform: 2, reason: INVISIBLE },
  '党\u00ad建': { libreOffice: 3, platform: 2, reason: INVISIBLE },
  '党\u2060建': { libreOffice: 3, platform: 2, reason: INVISIBLE },
  'a\u3164b': { libreOffice: 3, platform: 1, reason: INVISIBLE },
  '한국어 단어': { libreOffice: 5, platform: 2, reason: KOREAN },
  '党建𠮷': { libreOffice: 4, platform: 3, reason: LIBREOFFICE_FAULT },
  '党 𫚉': { libreOffice: 3, platform: 2, reason: LIBREOFFICE_FAULT },
};

describe('countZi against LibreOffice (zi-count.vectors.json, scripts/zi-count-vectors)', () => {
  it('has a few hundred vectors, each with its source', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(400);
    const sources = new Set(vectors.map((v) => v.source));
    expect([sources.size, [...sources][0]]).toEqual([1, expect.stringMatching(/^LibreOffice \d+\.\d+/)]);
  });

  it('agrees with every vector but the listed exceptions', () => {
    const disagreements = vectors
      .filter((v) => !(v.text in EXCEPTIONS) && countZi(v.text) !== v.count)
      .map((v) => ({ text: v.text, libreOffice: v.count, countZi: countZi(v.text) }));
    expect(disagreements).toEqual([]);
  });

  it('counts each exception as the platform decided, where LibreOffice still says otherwise', () => {
    const byText = new Map(vectors.map((v) => [v.text, v.count]));
    for (const [text, exception] of Object.entries(EXCEPTIONS)) {
      expect({ text, libreOffice: byText.get(text), platform: countZi(text) })
        .toEqual({ text, libreOffice: exception.libreOffice, platform: exception.platform });
    }
  });
});

// The rule written plainly, one code point at a time: the oracle for the table-driven countZi.
const SPACE = /[\p{White_Space}\u2013]/u;
const INVISIBLE_CHAR = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/u;
const MARK = /[\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u22ef\u00b7]/u;
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2e80-\u2fff\u3001-\u33ff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff01-\uffef\u{20000}-\u{3ffff}\p{No}\p{Co}]/u;
const WORD = /[\p{L}\p{Nd}\p{Nl}\p{M}\p{Extended_Pictographic}\p{Regional_Indicator}\u2460-\u24ff\p{Cs}\p{Cn}]/u;

function plainCount(text: string): number {
  // Split into East Asian characters and runs of everything else between them and spaces.
  const runs: string[][] = [[]];
  let eastAsian = 0;
  for (const ch of text) {
    if (SPACE.test(ch)) runs.push([]);
    else if (INVISIBLE_CHAR.test(ch)) continue;
    else if (!MARK.test(ch) && EAST_ASIAN.test(ch)) {
      eastAsian += 1;
      runs.push([]);
    } else runs.at(-1)!.push(ch);
  }
  const runCount = (run: string[]) => (run.some((ch) => !MARK.test(ch) && WORD.test(ch)) ? 1 : run.filter((ch) => MARK.test(ch)).length);
  return eastAsian + runs.reduce((sum, run) => sum + runCount(run), 0);
}

describe('countZi against the rule written plainly', () => {
  it('agrees on every character of the Basic Multilingual Plane, alone and between letters', () => {
    for (let code = 0; code < 0x10000; code += 1) {
      const ch = String.fromCharCode(code);
      if (countZi(ch) !== plainCount(ch) || countZi(`a${ch}b`) !== plainCount(`a${ch}b`) || countZi(`党${ch}`) !== plainCount(`党${ch}`)) {
        expect([code.toString(16), countZi(ch), countZi(`a${ch}b`), countZi(`党${ch}`)])
          .toEqual([code.toString(16), plainCount(ch), plainCount(`a${ch}b`), plainCount(`党${ch}`)]);
      }
    }
  });

  it('agrees on random mixed text, surrogate pairs and lone surrogates included', () => {
    const pieces = ['党', '建', '，', '。', '“', '”', '—', '…', '·', 'A', 'b', '3', '.', '%', '-', '+', '(', ' ', '\n', '\u3000', '\u00a0', '\u200b', '\u00ad',
      '👍', '𠀀', '\ud800', '\udc00', 'ｱ', 'カ', '（', '）', '㈠', '㎡', 'ㄅ', '²', '–', '한', '\ue000'];
    const random = seededRandom(7).next;
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
