import { mix32 } from '../random/seeded.ts';
import { containmentFromJaccard, estimateShareIn, shingleLookup, SIGNATURE_LENGTH } from './minhash.ts';

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
// their ratio), and many unrelated candidates would need counting exactly. The Jaccard estimate
// only skips candidates far below the floor (PREFILTER: three of its standard errors at equal
// lengths), so the sampled estimate is computed for a few hundred candidates, not thousands.

export const BANDS = 64;
export const ROWS = 2;
const PREFILTER = 0.12;

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
  private sizes = new Uint32Array(1024);
  private next = new Int32Array(BANDS * 1024);
  private keys = new Uint32Array(1 << 12);
  private heads = new Int32Array(1 << 12).fill(-1);
  private used = 0;
  private seen = new Uint32Array(1024);
  private epoch = 0;

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
  }

  /** Ids of the documents sharing at least one band with `signature`. */
  candidates(signature: Uint32Array): string[] {
    return this.candidateSlots(signature).map((slot) => this.ids[slot]!);
  }

  /**
   * The candidates whose estimated containment (of the shorter in the longer) is at least
   * `floor`, with it and their estimated Jaccard similarity, highest first.
   */
  screen(query: IndexQuery, floor: number): Estimate[] {
    const { signature, shingles } = query;
    const found: Estimate[] = [];
    let lookup: ReturnType<typeof shingleLookup> | undefined;
    const signatures = this.signatures;
    for (const slot of this.candidateSlots(signature)) {
      // The Jaccard estimate in place (estimateJaccard on a view would make a view per candidate,
      // and at 100,000 cases there are ten thousand candidates per check).
      const base = slot * SIGNATURE_LENGTH;
      let same = 0;
      for (let i = 0; i < SIGNATURE_LENGTH; i += 1) if (signature[i] === signatures[base + i]) same += 1;
      const jaccard = same / SIGNATURE_LENGTH;
      const size = this.sizes[slot]!;
      if (containmentFromJaccard(jaccard, shingles.length, size) < floor - PREFILTER) continue;
      lookup ??= shingleLookup(shingles);
      const common = estimateShareIn(lookup, signatures.subarray(base, base + SIGNATURE_LENGTH)) * size;
      const containment = Math.min(1, common / Math.max(1, Math.min(size, shingles.length)));
      if (containment >= floor) found.push({ id: this.ids[slot]!, jaccard, containment });
    }
    return found.sort((a, b) => b.containment - a.containment);
  }

  private candidateSlots(signature: Uint32Array): number[] {
    this.epoch += 1;
    if (this.epoch === 0xffffffff) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const slots: number[] = [];
    for (let band = 0; band < BANDS; band += 1) {
      const key = bandKey(signature, band);
      const at = this.probe(key);
      for (let slot = this.heads[at]!; slot !== -1; slot = this.next[slot * BANDS + band]!) {
        if (this.seen[slot] === this.epoch || this.ids[slot] === null) continue;
        this.seen[slot] = this.epoch;
        slots.push(slot);
      }
    }
    return slots;
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
    const grow = <T extends Uint32Array | Int32Array>(from: T, make: (n: number) => T, per: number): T => {
      const to = make(capacity * per);
      to.set(from);
      return to;
    };
    this.signatures = grow(this.signatures, (n) => new Uint32Array(n), SIGNATURE_LENGTH);
    this.sizes = grow(this.sizes, (n) => new Uint32Array(n), 1);
    this.next = grow(this.next, (n) => new Int32Array(n), BANDS);
    this.seen = grow(this.seen, (n) => new Uint32Array(n), 1);
  }
}

function bandKey(signature: Uint32Array, band: number): number {
  let h = mix32(band + 0x6a09e667);
  for (let row = band * ROWS; row < (band + 1) * ROWS; row += 1) h = mix32(h ^ signature[row]!);
  return h;
}
