import { mix32 } from '../random/seeded.ts';
import { countSampledIn, shingleLookup, SIGNATURE_LENGTH, type ShingleLookup } from './minhash.ts';

// An in-memory LSH index of MinHash signatures: which stored documents may resemble a query,
// without comparing it with all of them.
//
// Banding: the 128 positions are cut into BANDS bands of ROWS rows; a stored document is a
// candidate when one band of its signature equals the query's. For Jaccard J that happens with
// probability 1 − (1 − J^ROWS)^BANDS, an S-curve whose steepest point is near (1/BANDS)^(1/ROWS).
// We flag containment (how much of the shorter case is in the longer) of 0.4 or more
// (similarity.ts), which for two cases of equal length is Jaccard 0.25, and lower when a short
// case copies from a long one (0.15 at a length ratio of 2). 64 bands of 2 rows put the curve's
// middle at J ≈ 0.125: P = 0.98 at J = 0.25, 0.93 at 0.2, 0.77 at 0.15, while unrelated cases
// (J ≈ 0.05) come back 15 % of the time and are dropped by their estimate, 128 comparisons each.
// Fewer, wider bands (32 × 4: P = 0.12 at J = 0.25) would lose most partial copies.
//
// A candidate's containment is estimated from the query's full shingle set and the candidate's
// sampled shingles (estimateShareIn), whose error does not grow with the difference in length;
// through the Jaccard estimate it would (a short case against a long one multiplies the error by
// their ratio), and many unrelated candidates would need counting exactly.
//
// At 100,000 generated cases a check has 12,000 candidates at the median and 25,000 for long,
// generic ones, so screening is most of a check (decision 0018). Each candidate goes through
// steps that cost more and drop fewer: the low bytes of its values against the query's (128
// bytes read, four at a time), its full signature (the Jaccard test: PREFILTER_Z binomial
// standard deviations below what a pair at the caller's target, its threshold, would show for
// these sizes), then the sampled estimate, which skips the positions where the signatures alone
// decide and stops once the floor is out of reach. Candidates are read in slot order.

export const BANDS = 64;
export const ROWS = 2;
/** How far below a pair at the target the Jaccard prefilter reaches, in binomial standard deviations. */
export const PREFILTER_Z = 3;
// A local constant: an imported binding read in the hot loops costs a module-record lookup each time.
const LENGTH = SIGNATURE_LENGTH;
const WORDS = LENGTH / 4;

/** What screening needs of the query: its signature and its full, sorted shingle set. */
export interface IndexQuery {
  signature: Uint32Array;
  shingles: Uint32Array;
}

export interface Estimate {
  id: string;
  jaccard: number;
  containment: number;
}

// One open-addressing table for all bands: key = hash of (band, its rows), value = the last
// document added with that key; `next` chains earlier documents with the same key. Typed arrays
// rather than a Map of arrays: 100,000 documents are 6.4 million band entries.
export class LshIndex {
  private ids: (string | null)[] = [];
  private slots = new Map<string, number>();
  private signatures = new Uint32Array(SIGNATURE_LENGTH * 1024);
  // The low byte of each signature value, read four at a time: see screen.
  private lowBytes = new Uint8Array(SIGNATURE_LENGTH * 1024);
  private lowWords = new Uint32Array(this.lowBytes.buffer);
  private sizes = new Uint32Array(1024);
  private next = new Int32Array(BANDS * 1024);
  private keys = new Uint32Array(1 << 12);
  private heads = new Int32Array(1 << 12).fill(-1);
  private used = 0;
  private alive = new Uint8Array(1024);
  private seen = new Uint32Array(1024);
  private epoch = 0;
  // The slots of one query's candidates, reused from check to check.
  private found = new Int32Array(1024);

  /** Documents in the index. */
  get size(): number {
    return this.slots.size;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** Adds a document, replacing an earlier signature of the same id (a new version of a case). */
  add(id: string, signature: Uint32Array, shingleCount: number): void {
    this.remove(id);
    const slot = this.ids.length;
    this.ensureCapacity(slot + 1);
    this.ids.push(id);
    this.slots.set(id, slot);
    this.signatures.set(signature.subarray(0, SIGNATURE_LENGTH), slot * SIGNATURE_LENGTH);
    this.sizes[slot] = shingleCount;
    this.alive[slot] = 1;
    for (let i = 0; i < LENGTH; i += 1) this.lowBytes[slot * LENGTH + i] = signature[i]! & 0xff;
    if ((this.used + BANDS) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    for (let band = 0; band < BANDS; band += 1) {
      const key = bandKey(signature, band);
      const at = this.probe(key);
      if (this.heads[at] === -1) {
        this.keys[at] = key;
        this.used += 1;
      }
      this.next[slot * BANDS + band] = this.heads[at]!;
      this.heads[at] = slot;
    }
  }

  /** Forgets a document; its slot stays in the chains, marked empty, and is skipped. */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.slots.delete(id);
    this.ids[slot] = null;
    this.alive[slot] = 0;
  }

  /** Ids of the documents sharing at least one band with `signature`. */
  candidates(signature: Uint32Array): string[] {
    const count = this.collectCandidates(signature);
    return Array.from(this.found.subarray(0, count), (slot) => this.ids[slot]!);
  }

  /**
   * The candidates whose estimated containment (of the shorter in the longer) is at least
   * `floor`, with it and their estimated Jaccard similarity, highest first. Candidates whose
   * signature agrees with the query's in too few positions for a pair of containment `target`
   * (PREFILTER_Z standard deviations below what such a pair shows, given both sizes) are skipped
   * before their containment is estimated: a check passes its threshold, which is above its floor.
   */
  screen(query: IndexQuery, floor: number, target = floor): Estimate[] {
    const { signature, shingles } = query;
    const querySize = shingles.length;
    const estimates: Estimate[] = [];
    let lookup: ShingleLookup | undefined;
    const count = this.collectCandidates(signature);
    const { signatures, sizes, found, lowWords } = this;
    const queryLow = new Uint32Array(Uint8Array.from(signature.subarray(0, LENGTH), (v) => v & 0xff).buffer);
    for (let k = 0; k < count; k += 1) {
      const slot = found[k]!;
      const size = sizes[slot]!;
      const smaller = Math.min(size, querySize);
      const agreeing = leastAgreeing(target, querySize, size);
      // Most candidates are dropped on the low bytes of their values first (a quarter of the
      // memory to read): equal values have equal low bytes, so that count is never below the
      // count of equal values.
      if (agreeing > 0) {
        let lowSame = 0;
        const word = slot * WORDS;
        for (let w = 0; w < WORDS; w += 1) lowSame += zeroBytes(queryLow[w]! ^ lowWords[word + w]!);
        if (lowSame < agreeing) continue;
      }
      // The Jaccard estimate in place, over slot-major signatures (no view per candidate).
      const base = slot * LENGTH;
      let same = 0;
      for (let i = 0; i < LENGTH; i += 1) if (signature[i] === signatures[base + i]) same += 1;
      if (same < agreeing) continue;
      lookup ??= shingleLookup(shingles);
      const counted = Math.max(1, smaller);
      // The fewest sampled shingles in the query that can reach the floor, rounded down.
      const atLeast = size === 0 ? 0 : Math.floor((floor * LENGTH * counted) / size);
      const inQuery = countSampledIn(lookup, signature, signatures, base, atLeast);
      if (inQuery < 0) continue;
      const containment = Math.min(1, ((inQuery / LENGTH) * size) / counted);
      if (containment >= floor) estimates.push({ id: this.ids[slot]!, jaccard: same / LENGTH, containment });
    }
    return estimates.sort((a, b) => b.containment - a.containment);
  }

  /**
   * Puts the slots of the live documents sharing a band with `signature` in `found`, in slot
   * order, and returns their count. Marking them first and reading the marks in order makes the
   * reads of their signatures that follow run forward through memory, not jump along the chains.
   */
  private collectCandidates(signature: Uint32Array): number {
    this.epoch += 1;
    if (this.epoch === 0xffffffff) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const { seen, alive, next, heads, epoch } = this;
    let marked = 0;
    for (let band = 0; band < BANDS; band += 1) {
      const at = this.probe(bandKey(signature, band));
      for (let slot = heads[at]!; slot !== -1; slot = next[slot * BANDS + band]!) {
        if (seen[slot] === epoch || alive[slot] === 0) continue;
        seen[slot] = epoch;
        marked += 1;
      }
    }
    if (marked > this.found.length) this.found = new Int32Array(Math.max(marked, this.found.length * 2));
    const found = this.found;
    let count = 0;
    for (let slot = 0; count < marked; slot += 1) if (seen[slot] === epoch) found[count++] = slot;
    return count;
  }

  /** The table position holding `key`, or the empty one where it would go (linear probing). */
  private probe(key: number): number {
    const mask = this.keys.length - 1;
    let at = key & mask;
    while (this.heads[at] !== -1 && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  private rehash(capacity: number): void {
    const { keys, heads } = this;
    this.keys = new Uint32Array(capacity);
    this.heads = new Int32Array(capacity).fill(-1);
    for (let i = 0; i < keys.length; i += 1) {
      if (heads[i] === -1) continue;
      const at = this.probe(keys[i]!);
      this.keys[at] = keys[i]!;
      this.heads[at] = heads[i]!;
    }
  }

  private ensureCapacity(count: number): void {
    if (count <= this.sizes.length) return;
    const capacity = Math.max(count, this.sizes.length * 2);
    const grow = <T extends Uint32Array | Int32Array | Uint8Array>(from: T, make: (n: number) => T, per: number): T => {
      const to = make(capacity * per);
      to.set(from);
      return to;
    };
    this.signatures = grow(this.signatures, (n) => new Uint32Array(n), SIGNATURE_LENGTH);
    this.sizes = grow(this.sizes, (n) => new Uint32Array(n), 1);
    this.next = grow(this.next, (n) => new Int32Array(n), BANDS);
    this.seen = grow(this.seen, (n) => new Uint32Array(n), 1);
    this.alive = grow(this.alive, (n) => new Uint8Array(n), 1);
    this.lowBytes = grow(this.lowBytes, (n) => new Uint8Array(n), SIGNATURE_LENGTH);
    this.lowWords = new Uint32Array(this.lowBytes.buffer);
  }
}

/**
 * The fewest positions a candidate's signature must share with the query's: PREFILTER_Z standard
 * deviations below the mean for a pair of containment `target` with these sizes, whose Jaccard
 * similarity is target·min / (|A| + |B| − target·min).
 */
function leastAgreeing(target: number, sizeA: number, sizeB: number): number {
  const common = target * Math.min(sizeA, sizeB);
  const union = sizeA + sizeB - common;
  if (union <= 0) return 0;
  const jaccard = common / union;
  const mean = LENGTH * jaccard;
  return Math.ceil(mean - PREFILTER_Z * Math.sqrt(mean * (1 - jaccard)));
}

/** How many of the four bytes of `x` are zero. */
function zeroBytes(x: number): number {
  // Per byte: its high bit, or its low seven bits added to 0x7f (no carry leaves the byte).
  const nonZero = (((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080;
  return 4 - (Math.imul(nonZero >>> 7, 0x01010101) >>> 24);
}

function bandKey(signature: Uint32Array, band: number): number {
  let h = mix32(band + 0x6a09e667);
  for (let row = band * ROWS; row < (band + 1) * ROWS; row += 1) h = mix32(h ^ signature[row]!);
  return h;
}
