// Index tokens for Chinese without a word segmenter: every character and every pair of adjacent
// characters of each run of letters and digits (any script). A one-character term is found by
// its character, a two-character term by its pair, both exactly; a longer term by all its pairs,
// a superset that the exact substring check then narrows (decision 0038).
//
// Tokens are written in base 36, four digits per character (36^4 > U+10FFFF), so both engines'
// index sees plain ASCII words whatever the script, and no tokenizer or locale can split or
// fold them: a one-character token has 4 digits, a pair 8.

const RUN = /[\p{L}\p{N}\p{M}]+/gu;
/** A term's index tokens past this many add little to narrowing and cost index lookups. */
export const MAX_TOKENS_PER_TERM = 12;

function encodeChar(char: string): string {
  return char.codePointAt(0)!.toString(36).padStart(4, '0');
}

/** The distinct tokens of a normalized text (core/search/normalize.ts), space-separated. */
export function indexTokens(normalText: string): string {
  const tokens = new Set<string>();
  for (const match of normalText.matchAll(RUN)) {
    const codes = [...match[0]].map(encodeChar);
    for (let i = 0; i < codes.length; i++) {
      tokens.add(codes[i]!);
      if (i + 1 < codes.length) tokens.add(codes[i]! + codes[i + 1]!);
    }
  }
  return [...tokens].join(' ');
}

export interface TermTokens {
  /** Tokens every document containing the term has (all of them: AND). */
  tokens: string[];
  /** Whether having the tokens proves the term is there, with no substring check. */
  exact: boolean;
}

/** What the index must hold for a document to contain the normalized term. */
export function termTokens(term: string): TermTokens {
  const runs = [...term.matchAll(RUN)].map((m) => [...m[0]].map(encodeChar));
  const tokens = new Set<string>();
  for (const codes of runs) {
    if (codes.length === 1) tokens.add(codes[0]!);
    for (let i = 0; i + 1 < codes.length; i++) tokens.add(codes[i]! + codes[i + 1]!);
  }
  const exact = runs.length === 1 && runs[0]!.length === [...term].length && runs[0]!.length <= 2;
  return { tokens: spread([...tokens], MAX_TOKENS_PER_TERM), exact };
}

/** At most `max` of the tokens, taken evenly across the term so every part of it narrows. */
function spread(tokens: string[], max: number): string[] {
  if (tokens.length <= max) return tokens;
  return Array.from({ length: max }, (_, i) => tokens[Math.floor((i * (tokens.length - 1)) / (max - 1))]!);
}
