import { SHINGLE_SIZE, shingleHashes } from './minhash.ts';
import { normalizeForSimilarity, originalRange } from './normalize.ts';

// Where two texts overlap, for showing them side by side: runs of shingles that follow each other
// in both texts, merged when only a few reworded characters separate them, as ranges of the
// original texts (what the caller highlights).

export interface TextRange {
  start: number;
  end: number;
}

export interface Passage {
  /** The range in the first text, in its original characters (end exclusive). */
  a: TextRange;
  /** The same passage in the second text. */
  b: TextRange;
  /** Normalized characters the two ranges share. */
  shared: number;
}

export interface PassageOptions {
  /** Runs closer than this many normalized characters in both texts become one passage. */
  gap?: number;
  /** Passages sharing fewer normalized characters are dropped: stock phrases, not copying. */
  minShared?: number;
}

interface Run {
  a: number;
  b: number;
  /** Shingles in the run. */
  length: number;
}

// A shingle occurring this often in the second text is a stock phrase: it starts no run.
const MAX_OCCURRENCES = 32;

/** The maximal runs of consecutive shingles that match in order in both texts. */
function commonRuns(a: Uint32Array, b: Uint32Array): Run[] {
  const where = new Map<number, number[]>();
  b.forEach((hash, j) => {
    const list = where.get(hash);
    if (!list) where.set(hash, [j]);
    else if (list.length <= MAX_OCCURRENCES) list.push(j);
  });
  const runs: Run[] = [];
  // Open runs by diagonal (b − a): a run goes on while the next shingles match too.
  let open = new Map<number, Run>();
  for (let i = 0; i < a.length; i += 1) {
    const next = new Map<number, Run>();
    const list = where.get(a[i]!);
    if (list && list.length <= MAX_OCCURRENCES) {
      for (const j of list) {
        const run = open.get(j - i) ?? { a: i, b: j, length: 0 };
        run.length += 1;
        next.set(j - i, run);
      }
    }
    for (const [diagonal, run] of open) if (!next.has(diagonal)) runs.push(run);
    open = next;
  }
  runs.push(...open.values());
  return runs;
}

/** Overlapping passages of two texts, in the order of the first. */
export function overlappingPassages(textA: string, textB: string, options: PassageOptions = {}): Passage[] {
  const gap = options.gap ?? 8;
  const minShared = options.minShared ?? 12;
  const normalA = normalizeForSimilarity(textA);
  const normalB = normalizeForSimilarity(textB);
  const runs = commonRuns(shingleHashes(normalA.text), shingleHashes(normalB.text)).sort((x, y) => x.a - y.a || x.b - y.b);

  // Merged passages in normalized positions: [aStart, aEnd) and [bStart, bEnd).
  const merged: { aStart: number; aEnd: number; bStart: number; bEnd: number; shared: number }[] = [];
  for (const run of runs) {
    const span = run.length + SHINGLE_SIZE - 1;
    const last = merged[merged.length - 1];
    const close = last && run.a - last.aEnd <= gap && run.b >= last.bStart && run.b - last.bEnd <= gap;
    if (last && close) {
      last.shared += Math.max(0, run.a + span - Math.max(last.aEnd, run.a));
      last.aEnd = Math.max(last.aEnd, run.a + span);
      last.bEnd = Math.max(last.bEnd, run.b + span);
    } else {
      merged.push({ aStart: run.a, aEnd: run.a + span, bStart: run.b, bEnd: run.b + span, shared: span });
    }
  }
  return merged
    .filter((p) => p.shared >= minShared)
    .map((p) => ({
      a: withClosingPunctuation(textA, originalRange(normalA, p.aStart, p.aEnd, textA)),
      b: withClosingPunctuation(textB, originalRange(normalB, p.bStart, p.bEnd, textB)),
      shared: p.shared,
    }));
}

// Normalization drops punctuation, so a range ends at its last word; the 。 or ” closing it is
// part of what was copied.
const CLOSING = /[\p{Pe}\p{Pf}\p{Po}]/u;

function withClosingPunctuation(text: string, range: TextRange): TextRange {
  let end = range.end;
  while (end < text.length && CLOSING.test(text[end]!)) end += 1;
  return { start: range.start, end };
}
