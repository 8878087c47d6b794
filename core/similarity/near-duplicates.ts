import type { Estimate, LshIndex } from './lsh-index.ts';
import { exactSimilarity, minhashSignature, shingleSet, type ExactSimilarity } from './minhash.ts';
import { normalizeForSimilarity } from './normalize.ts';

// Which stored cases a case resembles: LSH candidates (lsh-index.ts), kept when their estimated
// containment is within SCREEN_MARGIN of the threshold, then counted exactly on the two shingle
// sets (at most MAX_COUNTED of them, MAX_COUNTED_BELOW under the threshold). The estimate only chooses what to count: every match
// reported has its exact figures at or above the threshold.
//
// The measure is containment, |A ∩ B| / min(|A|, |B|): how much of the shorter case's text is in
// the other. Jaccard similarity would miss a short case made of half a long one, and a copy with
// its own paragraphs added. A pair is a near-duplicate from 0.4: a 20 % reworded copy keeps about
// two thirds of its 5-character shingles, a case copying half of another one half, while
// unrelated generated cases of one category share at most a quarter (decision 0018).

export const CONTAINMENT_THRESHOLD = 0.4;
/** Two standard errors of an estimated containment near the threshold. */
export const SCREEN_MARGIN = 0.1;
/**
 * At most this many candidates, highest estimate first, are counted exactly per check: a short
 * case against many long ones can put hundreds of unrelated ones just over the floor (their
 * estimate's error grows with the length ratio), while a copy's estimate ranks it near the top.
 */
export const MAX_COUNTED = 16;
/**
 * Of those, at most this many estimated below the threshold (within the margin): a tenth of the
 * checks at 100,000 cases have more than ten unrelated candidates there, each an exact count
 * (a text read and its shingles made), while a copy estimated below the threshold ranked first
 * or second among them in every labelled pair of the benchmark (decision 0018).
 */
export const MAX_COUNTED_BELOW = 4;

export interface SimilarityDocument {
  /** The sorted set of shingle hashes: needed for exact figures and passages. */
  shingles: Uint32Array;
  /** The MinHash signature: what the index and the database keep. */
  signature: Uint32Array;
}

/** Shingles and signature of a case's plain text (HTML already turned into text). */
export function similarityDocument(text: string): SimilarityDocument {
  const shingles = shingleSet(normalizeForSimilarity(text).text);
  return { shingles, signature: minhashSignature(shingles) };
}

/**
 * The candidates a check counts exactly, best estimate first: estimated within SCREEN_MARGIN of
 * the threshold (among those whose signatures agree as often as a pair at the threshold might),
 * at most MAX_COUNTED of them and MAX_COUNTED_BELOW of those estimated under the threshold.
 */
export function candidatesToCount(index: LshIndex, query: SimilarityDocument, threshold = CONTAINMENT_THRESHOLD, exclude?: string): Estimate[] {
  const chosen: Estimate[] = [];
  let below = 0;
  for (const estimate of index.screen(query, threshold - SCREEN_MARGIN, threshold)) {
    if (chosen.length === MAX_COUNTED) break;
    if (estimate.id === exclude) continue;
    if (estimate.containment < threshold) {
      if (below === MAX_COUNTED_BELOW) break;
      below += 1;
    }
    chosen.push(estimate);
  }
  return chosen;
}

export interface SimilarityMatch {
  id: string;
  estimated: ExactSimilarity;
  exact: ExactSimilarity;
}

export interface FindOptions {
  threshold?: number;
  /** The query's own id when it is in the index, so it does not match itself. */
  exclude?: string;
}

/**
 * The indexed documents whose exact containment with `query` reaches the threshold, most similar
 * first. `shinglesOf` gives a candidate's shingle set (from its text, however the caller keeps
 * it); a candidate it no longer knows is skipped.
 */
export function findNearDuplicates(
  index: LshIndex,
  query: SimilarityDocument,
  shinglesOf: (id: string) => Uint32Array | undefined,
  options: FindOptions = {},
): SimilarityMatch[] {
  const threshold = options.threshold ?? CONTAINMENT_THRESHOLD;
  const matches: SimilarityMatch[] = [];
  for (const estimate of candidatesToCount(index, query, threshold, options.exclude)) {
    const shingles = shinglesOf(estimate.id);
    if (!shingles) continue;
    const exact = exactSimilarity(query.shingles, shingles);
    if (exact.containment >= threshold) {
      matches.push({ id: estimate.id, estimated: { jaccard: estimate.jaccard, containment: estimate.containment }, exact });
    }
  }
  return matches.sort((a, b) => b.exact.containment - a.exact.containment);
}
