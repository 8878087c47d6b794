// Index tokens for Chinese without a word segmenter (decision 0038). Text is cut into runs of
// letters, digits and marks (any script); punctuation, symbols and white space end a run. A
// document is indexed by the characters of its runs and by the pairs of adjacent characters, the
// pairs in text order with a gap between runs, so that a term is found as the phrase of its pairs.
// Tokens are the characters themselves: the index is told to split at ASCII spaces only.

const RUN = /[\p{L}\p{N}\p{M}]+/gu;
/** Stands between the pairs of two runs: one character, so never a pair, and a phrase cannot span it. */
export const RUN_GAP = 'x';
/** A term's tokens past this many add little to narrowing and cost index lookups (PostgreSQL). */
export const MAX_TOKENS_PER_TERM = 12;

/** The runs of a text, each as its characters. */
export function runsOf(text: string): string[][] {
  return [...text.matchAll(RUN)].map((m) => [...m[0]]);
}

export function pairsOf(run: string[]): string[] {
  return run.slice(1).map((char, i) => run[i]! + char);
}

export interface IndexTokens {
  /** The distinct characters. */
  chars: string[];
  /** The distinct pairs. */
  pairs: string[];
  /** Every pair in text order, space-separated, RUN_GAP between runs. */
  pairStream: string;
}

/** The tokens of a normalized text (core/search/normalize.ts). */
export function indexTokens(normalText: string): IndexTokens {
  const chars = new Set<string>();
  const pairs = new Set<string>();
  const stream: string[] = [];
  for (const run of runsOf(normalText)) {
    for (const char of run) chars.add(char);
    const runPairs = pairsOf(run);
    for (const pair of runPairs) pairs.add(pair);
    if (runPairs.length > 0) stream.push(...runPairs, RUN_GAP);
  }
  return { chars: [...chars], pairs: [...pairs], pairStream: stream.join(' ') };
}

/**
 * The distinct characters and pairs of a normalized text, for an index of presence: the tokens
 * of a title or a unit name (search_heads, decision 0045).
 */
export function presenceTokens(normalText: string): string[] {
  const { chars, pairs } = indexTokens(normalText);
  return [...chars, ...pairs];
}

export interface TermTokens {
  /** Tokens every document containing the term has (all of them: AND), for an index of presence. */
  tokens: string[];
  /** The term's runs: each must stand whole in the text (a phrase of its pairs). */
  runs: string[][];
  /** Whether the term is one run: finding that run is finding the term, with no substring check. */
  whole: boolean;
}

/** What the index must hold for a document to contain the normalized term. */
export function termTokens(term: string): TermTokens {
  const runs = runsOf(term);
  const tokens = new Set<string>();
  for (const run of runs) {
    if (run.length === 1) tokens.add(run[0]!);
    for (const pair of pairsOf(run)) tokens.add(pair);
  }
  const whole = runs.length === 1 && runs[0]!.length === [...term].length;
  return { tokens: spread([...tokens], MAX_TOKENS_PER_TERM), runs, whole };
}

/** At most `max` of the tokens, taken evenly across the term so every part of it narrows. */
function spread(tokens: string[], max: number): string[] {
  if (tokens.length <= max) return tokens;
  return Array.from({ length: max }, (_, i) => tokens[Math.floor((i * (tokens.length - 1)) / (max - 1))]!);
}
