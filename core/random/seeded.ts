// Seeded pseudo-random numbers: the same seed gives the same numbers on every machine and in the
// browser (no Math.random), so demo text, test data, benchmarks and MinHash's hash functions are
// made again from their seed instead of kept. None of them is for secrets: node:crypto is.
// Changing any number here changes pinned demo text, stored MinHash signatures (decision 0018)
// and recorded benchmark figures (decision 0017); seeded.test.ts pins the first ones.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
}

/** Murmur3's finalizer: spreads every input bit over the 32 output bits. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** splitmix32: unsigned 32-bit values, each the golden-ratio step of the state mixed by mix32. */
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix32(state);
  };
}

/** sfc32 seeded through splitmix32 (a text seed hashed first): fast, 128 bits of state, good enough for text and test data. */
export function seededRandom(seed: number | string): Random {
  const split = splitmix32(typeof seed === 'number' ? seed : fnv1a(seed));
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    sample(items, count) {
      const copy = items.slice();
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i += 1) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, n);
    },
  };
}

/**
 * xorshift32 (Marsaglia), a float in [0, 1) per call; a zero seed counts as 1. Only for the random
 * assignment problems and the deadline benchmark's text: their pinned test counts and recorded
 * figures come from these numbers. New code takes seededRandom.
 */
export function xorshift32(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** FNV-1a over UTF-16 code units: a text seed as 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
