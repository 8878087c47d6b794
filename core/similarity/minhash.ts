// MinHash over character shingles of normalized case text (normalize.ts), and the exact measures
// it estimates. A shingle is K consecutive characters hashed to 32 bits; a document is the sorted
// set of its shingle hashes; its signature keeps, for each of SIGNATURE_LENGTH hash functions, the
// least value over the set. Two signatures agree at a position with probability equal to the
// Jaccard similarity of the two sets (Broder 1997), so the share of agreeing positions estimates
// it, with a standard error of √(J(1−J)/128) ≤ 0.044.
//
// K = 5: Chinese words are one to four characters, so a 5-character shingle spans a word and the
// start of the next. Shorter shingles are shared by unrelated cases through the vocabulary every
// Party-building text uses (基层党组织, 党员群众); longer ones are broken by more of a copier's
// edits (an edit of n characters breaks n + K − 1 shingles). bench/similarity.ts measured the
// choice: decision 0018.

import { mix32, splitmix32 } from '../random/seeded.ts';

export const SHINGLE_SIZE = 5;
export const SIGNATURE_LENGTH = 128;

/** The hash of each K-character window of `text`, in text order (one per start position). */
export function shingleHashes(text: string, k = SHINGLE_SIZE): Uint32Array {
  if (text.length === 0) return new Uint32Array(0);
  const width = Math.min(k, text.length);
  const hashes = new Uint32Array(text.length - width + 1);
  for (let start = 0; start < hashes.length; start += 1) {
    let h = 0x811c9dc5;
    for (let j = start; j < start + width; j += 1) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    hashes[start] = mix32(h);
  }
  return hashes;
}

/** A document's shingle set: its distinct shingle hashes, sorted (so sets merge in linear time). */
export function shingleSet(text: string, k = SHINGLE_SIZE): Uint32Array {
  return uniqueSorted(shingleHashes(text, k));
}

export function uniqueSorted(values: Uint32Array): Uint32Array {
  const sorted = values.slice().sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i += 1) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

// The hash functions h_i(x) = a_i·x + b_i mod 2³², a_i odd: each a permutation of 32-bit values.
// Applied to shingle hashes that mix32 already spread, they are independent enough that the
// estimate's error matches the binomial one (minhash.test.ts); two multiplications less than a
// full mix per shingle and function, which is most of the indexing time. Fixed seeds: signatures
// stored today must compare with signatures computed next year.
function seededFamily(length: number, seed: number): { a: Uint32Array; b: Uint32Array } {
  const a = new Uint32Array(length);
  const b = new Uint32Array(length);
  const next = splitmix32(seed);
  for (let i = 0; i < length; i += 1) {
    a[i] = (next() | 1) >>> 0;
    b[i] = next();
  }
  return { a, b };
}

const FAMILY = seededFamily(SIGNATURE_LENGTH, 0x5a4a2024);
// a_i⁻¹ mod 2³² by Newton's iteration (each step doubles the correct low bits; 5 steps ≥ 32 bits).
const INVERSES = FAMILY.a.map((a) => {
  let x = a;
  for (let step = 0; step < 5; step += 1) x = Math.imul(x, 2 - Math.imul(a, x));
  return x >>> 0;
});
const EMPTY = 0xffffffff;

/** The MinHash signature of a shingle set. An empty set has all positions at 2³² − 1. */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(EMPTY);
  const { a, b } = FAMILY;
  for (let i = 0; i < SIGNATURE_LENGTH; i += 1) {
    const ai = a[i]!;
    const bi = b[i]!;
    let least = EMPTY;
    for (let j = 0; j < shingles.length; j += 1) {
      const h = (Math.imul(ai, shingles[j]!) + bi) >>> 0;
      if (h < least) least = h;
    }
    signature[i] = least;
  }
  return signature;
}

/**
 * The shingles a signature was taken from: position i holds h_i of the shingle least under h_i,
 * and h_i is a permutation, so that shingle is h_i⁻¹(value). They are 128 draws, uniform and
 * independent enough, from the document's shingle set (none for an empty set's positions, which
 * give values no document is likely to hold).
 */
export function sampledShingles(signature: Uint32Array): Uint32Array {
  return signature.map(sampledShingle);
}

const sampledShingle = (value: number, i: number) => Math.imul((value - FAMILY.b[i]!) >>> 0, INVERSES[i]!) >>> 0;

/**
 * A set of shingle hashes to test many values against: open addressing, zero marks an empty place;
 * `filter` has one bit set per value, indexed by its high bits (shingle hashes are mixed already),
 * so most values not in the set are turned away without probing the table.
 */
export interface ShingleLookup {
  table: Uint32Array;
  holdsZero: boolean;
  filter: Uint32Array;
  filterShift: number;
}

export function shingleLookup(set: Uint32Array): ShingleLookup {
  let size = 16;
  while (size < set.length * 2) size *= 2;
  const table = new Uint32Array(size);
  // 32 bits per value: about one value in 32 not in the set passes the filter.
  let filterBits = 1 << 10;
  while (filterBits < set.length * 32 && filterBits < 1 << 24) filterBits *= 2;
  const filter = new Uint32Array(filterBits >>> 5);
  const filterShift = 32 - Math.log2(filterBits);
  for (const value of set) {
    const bit = value >>> filterShift;
    filter[bit >>> 5]! |= 1 << (bit & 31);
    if (value === 0) continue;
    let at = mix32(value) & (size - 1);
    while (table[at] !== 0 && table[at] !== value) at = (at + 1) & (size - 1);
    table[at] = value;
  }
  return { table, holdsZero: set.includes(0), filter, filterShift };
}

function holds(lookup: ShingleLookup, value: number): boolean {
  const bit = value >>> lookup.filterShift;
  if ((lookup.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  if (value === 0) return lookup.holdsZero;
  const { table } = lookup;
  const mask = table.length - 1;
  for (let at = mix32(value) & mask; table[at] !== 0; at = (at + 1) & mask) if (table[at] === value) return true;
  return false;
}

/**
 * The share of document B's shingles that set A holds, |A ∩ B| / |B|, estimated from B's
 * signature and A's full set: the share of B's sampled shingles found in A. Its standard error,
 * √(c(1−c)/128), does not grow with the difference in size as an estimate through Jaccard does.
 */
export function estimateShareIn(a: ShingleLookup, signatureB: Uint32Array): number {
  let inA = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i += 1) if (holds(a, sampledShingle(signatureB[i]!, i))) inA += 1;
  return inA / SIGNATURE_LENGTH;
}

/**
 * estimateShareIn's count of B's sampled shingles found in A (`signatures` holds B's signature
 * from `base`), with A's signature to skip most lookups: where B's value equals A's, both took the
 * same shingle; where it is lower, B's shingle cannot be in A (A's least value would be at most
 * it). Returns -1 as soon as fewer than `atLeast` can be found: screening asks this of ten
 * thousand candidates a check, most of them far below what it looks for.
 */
export function countSampledIn(a: ShingleLookup, signatureA: Uint32Array, signatures: Uint32Array, base: number, atLeast: number): number {
  const { b } = FAMILY;
  let found = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i += 1) {
    if (found + SIGNATURE_LENGTH - i < atLeast) return -1;
    const value = signatures[base + i]!;
    const own = signatureA[i]!;
    if (value === own) found += 1;
    else if (value > own && holds(a, Math.imul((value - b[i]!) >>> 0, INVERSES[i]!) >>> 0)) found += 1;
  }
  return found >= atLeast ? found : -1;
}

/** The share of positions where the signatures agree: an estimate of the sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i += 1) if (a[i] === b[i]) same += 1;
  return same / SIGNATURE_LENGTH;
}

/**
 * The overlap of two sets of sizes `sizeA` and `sizeB` whose Jaccard similarity is `jaccard`,
 * as a share of the smaller: |A ∩ B| = J·(|A| + |B|)/(1 + J).
 */
export function containmentFromJaccard(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / (1 + jaccard) / smaller);
}

/** |A ∩ B| of two sorted sets. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i += 1;
    else if (a[i]! > b[j]!) j += 1;
    else {
      common += 1;
      i += 1;
      j += 1;
    }
  }
  return common;
}

export interface ExactSimilarity {
  /** |A ∩ B| / |A ∪ B|. */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|): how much of the shorter text is in the longer one. */
  containment: number;
}

/** Jaccard similarity and containment of two sorted shingle sets, counted exactly. */
export function exactSimilarity(a: Uint32Array, b: Uint32Array): ExactSimilarity {
  const common = intersectionSize(a, b);
  const union = a.length + b.length - common;
  const smaller = Math.min(a.length, b.length);
  return { jaccard: union === 0 ? 0 : common / union, containment: smaller === 0 ? 0 : common / smaller };
}
