// Case text as near-duplicate detection compares it: what a copier changes without changing the
// words is folded away. NFKC makes full-width letters and digits half-width (ＡＢＣ１２ → abc12)
// and spells out compatibility forms (① → 1, ㎡ → m2); punctuation, spaces, line breaks and
// invisible characters are dropped (a copy re-punctuated or with zero-width spaces inserted is
// still a copy); Latin letters are lowercased. The caller turns HTML into text first
// (core/case/html-text.ts).

export interface NormalizedText {
  /** The folded text: what shingles are cut from. */
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the original of the character it came from. */
  origin: Int32Array;
}

// Punctuation (P), symbols (S: ￥ + ★), separators (Z), controls and invisibles (C): as in the
// ASCII range, where only letters and digits are kept.
const DROPPED = /^[\p{P}\p{S}\p{Z}\p{C}]$/u;

// The fold of a code point that is neither plain ASCII nor common Han, worked out once: NFKC can
// give several characters (① → "1", ㈠ → "(一)"), of which punctuation is dropped again.
const folds = new Map<number, string>();

function foldOf(codePoint: number): string {
  let fold = folds.get(codePoint);
  if (fold === undefined) {
    fold = '';
    for (const ch of String.fromCodePoint(codePoint).normalize('NFKC').toLowerCase()) {
      if (!DROPPED.test(ch)) fold += ch;
    }
    folds.set(codePoint, fold);
  }
  return fold;
}

/** Folds `original` for comparison, remembering where each kept character came from. */
export function normalizeForSimilarity(original: string): NormalizedText {
  const units: number[] = [];
  const origin: number[] = [];
  for (let i = 0; i < original.length; i += 1) {
    const code = original.charCodeAt(i);
    // The common cases without a lookup: CJK Unified Ideographs pass, ASCII is folded by hand.
    if (code >= 0x4e00 && code <= 0x9fff) {
      units.push(code);
      origin.push(i);
    } else if (code < 0x80) {
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) {
        units.push(code);
        origin.push(i);
      } else if (code >= 0x41 && code <= 0x5a) {
        units.push(code + 0x20);
        origin.push(i);
      }
    } else {
      const codePoint = original.codePointAt(i)!;
      const fold = foldOf(codePoint);
      for (let j = 0; j < fold.length; j += 1) {
        units.push(fold.charCodeAt(j));
        origin.push(i);
      }
      if (codePoint > 0xffff) i += 1;
    }
  }
  let text = '';
  // String.fromCharCode takes its arguments on the stack: in slices, for long texts.
  for (let start = 0; start < units.length; start += 8192) text += String.fromCharCode(...units.slice(start, start + 8192));
  return { text, origin: Int32Array.from(origin) };
}

/** The original's range [start, end) that the normalized range [start, end) came from. */
export function originalRange(normalized: NormalizedText, start: number, end: number, original: string): { start: number; end: number } {
  if (end <= start) return { start: normalized.origin[start] ?? original.length, end: normalized.origin[start] ?? original.length };
  const last = normalized.origin[end - 1]!;
  const lastCode = original.codePointAt(last)!;
  return { start: normalized.origin[start]!, end: last + (lastCode > 0xffff ? 2 : 1) };
}
