// 字数 as Microsoft Word counts it for Chinese text (its "字数" = 中文字符 + 非中文单词), the
// rule the notice's 500/5000 字 limits are read by:
//   - each CJK character (Han, kana) counts one;
//   - each full-width character (punctuation such as ，。、；：？！（）《》, full-width letters
//     and digits) counts one, and so do the punctuation marks Chinese text takes from the
//     general block: “ ” ‘ ’ — … ·;
//   - each run of other characters between spaces and CJK characters ("GDP", "2024", "3.5%",
//     "e-mail", an emoji) counts one;
//   - spaces, tabs, line breaks and the ideographic space count nothing.

const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3001-\u303f\uff01-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7\u30fb\ufe30-\ufe4f]/u;
const SPACE = /\s/u;

/** The 字数 of `text`, as Word shows it for Chinese documents. */
export function countZi(text: string): number {
  let count = 0;
  let inRun = false;
  for (const ch of text) {
    // Fast paths for what a Chinese case is mostly made of (ASCII, CJK Unified Ideographs
    // U+4E00–U+9FFF, all Han); the regular expressions decide everything else.
    const code = ch.charCodeAt(0);
    const ascii = code < 0x80;
    const han = code >= 0x4e00 && code <= 0x9fff;
    if (ascii ? code === 32 || (code >= 9 && code <= 13) : !han && SPACE.test(ch)) {
      inRun = false;
    } else if (han || (!ascii && EAST_ASIAN.test(ch))) {
      count += 1;
      inRun = false;
    } else if (!inRun) {
      count += 1;
      inRun = true;
    }
  }
  return count;
}

export type LimitState = 'ok' | 'near' | 'over';

/** Where a count stands against a limit: 'near' from 90 % of it, 'over' past it. */
export function limitState(count: number, max: number): LimitState {
  if (count > max) return 'over';
  return count >= Math.ceil(max * 0.9) ? 'near' : 'ok';
}
