// 字数 as the notice's 500/5000 字 limits are read: Microsoft Word's "字数" for Chinese text
// (中文字符 + 非中文单词), checked against LibreOffice's word count on a few hundred strings
// (zi-count.vectors.json; the deliberate differences are listed in zi-count.test.ts):
//   - each East Asian character counts one: Han (Ext. A–G, the compatibility ideographs and all
//     of planes 2 and 3 included), kana, Bopomofo, CJK radicals, the CJK symbols, punctuation,
//     enclosed and squared characters of U+2E80–U+33FF (、。《》㈠㎡ㄅ), the full-width and
//     half-width forms (，：（１Ａ), the CJK vertical, compatibility and small forms, the "other
//     number" characters (① ⑴ ² ₂ ½) and private-use characters (where fonts put rare Han);
//   - the marks Chinese text takes from the general punctuation block (“ ” ‘ ’ — ― … ⋯ ·) count
//     one each, unless they touch a word, of which they are then part ("don’t", "“GDP”");
//   - each run of other characters between spaces and the characters above counts one if it has
//     a letter, a digit, an enclosed letter (Ⓐ) or an emoji in it, symbols that can show as one
//     included (© ™ ↔) ("GDP", "3.5%", "e-mail", "한국어", "👍"); a run of punctuation and
//     symbols alone ("+", "-", "(", "%", "★") counts nothing;
//   - spaces, line breaks and the en dash "–" (a word break in Word and LibreOffice) count
//     nothing and end a run;
//   - invisible characters (zero-width space and joiners, soft hyphen, word joiner, BOM,
//     variation selectors, direction marks, control characters: Default_Ignorable_Code_Point,
//     Cf, Cc) count nothing and do not end a run.

const SPACE_RE = /[\p{White_Space}\u2013]/u;
const INVISIBLE_RE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/u;
const MARK_RE = /[\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u22ef\u00b7]/u;
const EAST_ASIAN_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2e80-\u2fff\u3001-\u33ff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff01-\uffef\u{20000}-\u{3ffff}\p{No}\p{Co}]/u;
const WORD_RE = /[\p{L}\p{Nd}\p{Nl}\p{M}\p{Extended_Pictographic}\p{Regional_Indicator}\u2460-\u24ff\p{Cs}\p{Cn}]/u;

// What a character is to the count.
/** Punctuation, symbols, invisible characters: part of a run, never counted by themselves. */
const QUIET = 0;
/** A space: ends a run. */
const SPACE = 1;
/** An East Asian character: counts one and ends a run. */
const ONE = 2;
/** A letter, digit or emoji: its run counts one. */
const WORD = 3;
/** “ ” — …: counts one unless its run has a WORD character. */
const MARK = 4;

/** The kind of one character (a code point, as `for…of` yields it). */
function kindOf(ch: string): number {
  if (SPACE_RE.test(ch)) return SPACE;
  if (INVISIBLE_RE.test(ch)) return QUIET;
  if (MARK_RE.test(ch)) return MARK;
  if (EAST_ASIAN_RE.test(ch)) return ONE;
  return WORD_RE.test(ch) ? WORD : QUIET;
}

// The kind of each character of the Basic Multilingual Plane, worked out from the rules above the
// first time the character is met and kept, so counting a 5,000-字 body is a table lookup per
// character (a submit counts every section). Filling the whole plane at once (65,536 characters
// through the expressions above) held up the case editor's first draw, for characters no case holds.
// Characters beyond it (surrogate pairs: rare Han, emoji) go through kindOf.
const UNKNOWN = 255;
const bmpKinds = new Uint8Array(0x10000).fill(UNKNOWN);

function bmpKind(code: number): number {
  const known = bmpKinds[code]!;
  if (known !== UNKNOWN) return known;
  const kind = kindOf(String.fromCharCode(code));
  bmpKinds[code] = kind;
  return kind;
}

/** The 字数 of `text`, as Word shows it for Chinese documents. */
export function countZi(text: string): number {
  let count = 0;
  // The run being read (characters between spaces and East Asian characters): whether it has a
  // letter, digit or emoji, and how many marks it holds.
  let runHasWord = false;
  let runMarks = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let kind: number;
    if (code < 0xd800 || code > 0xdfff) {
      kind = bmpKind(code);
    } else {
      // A surrogate pair is one character; a lone surrogate is taken as it is, as `for…of` does.
      const low = text.charCodeAt(i + 1);
      const pair = code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
      kind = pair ? kindOf(text.slice(i, i + 2)) : WORD;
      if (pair) i += 1;
    }
    if (kind === WORD) {
      runHasWord = true;
    } else if (kind === MARK) {
      runMarks += 1;
    } else if (kind !== QUIET) {
      count += (runHasWord ? 1 : runMarks) + (kind === ONE ? 1 : 0);
      runHasWord = false;
      runMarks = 0;
    }
  }
  return count + (runHasWord ? 1 : runMarks);
}

export type LimitState = 'ok' | 'near' | 'over';

/** Where a count stands against a limit: 'near' from 90 % of it, 'over' past it. */
export function limitState(count: number, max: number): LimitState {
  if (count > max) return 'over';
  return count >= Math.ceil(max * 0.9) ? 'near' : 'ok';
}
