import { describe, expect, it } from 'vitest';
import { mix32, seededRandom } from '../random/seeded.ts';
import { containmentFromJaccard, countSampledIn, estimateJaccard, estimateShareIn, exactSimilarity, intersectionSize, minhashSignature, sampledShingles, shingleLookup, shingleSet } from './minhash.ts';
import { signatureFromBase64, signatureFromBytes, signatureToBase64, signatureToBytes } from './signature-codec.ts';

/** Two sets of 4,000 random values sharing `common` of them. */
function pairSharing(common: number, seed: number): [Uint32Array, Uint32Array] {
  const random = seededRandom(seed);
  const value = () => mix32(random.int(0, 2 ** 31));
  const shared = Array.from({ length: common }, value);
  const own = () => Array.from({ length: 4000 - common }, value);
  const sorted = (values: number[]) => Uint32Array.from(new Set(values)).sort();
  return [sorted([...shared, ...own()]), sorted([...shared, ...own()])];
}

describe('shingle sets', () => {
  it('hold each distinct 5-character window once, sorted', () => {
    const set = shingleSet('党建引领发展党建引领发展');
    // 8 windows, of which 党建引领发 and 建引领发展 come again at positions 6 and 7: 6 distinct.
    expect(set.length).toBe(6);
    expect([...set]).toEqual([...set].sort((a, b) => a - b));
  });

  it('make a text shorter than a shingle one shingle, and an empty text none', () => {
    expect(shingleSet('党建').length).toBe(1);
    expect(shingleSet('').length).toBe(0);
  });
});

describe('exact similarity', () => {
  it('counts Jaccard similarity and containment of the shorter set', () => {
    const a = Uint32Array.of(1, 2, 3, 4);
    const b = Uint32Array.of(3, 4, 5, 6, 7, 8, 9, 10);
    expect(exactSimilarity(a, b)).toEqual({ jaccard: 2 / 10, containment: 2 / 4 });
    expect(exactSimilarity(a, new Uint32Array(0))).toEqual({ jaccard: 0, containment: 0 });
  });
});

describe('MinHash', () => {
  // Three standard errors of a 128-position estimate: √(J(1−J)/128) ≤ 0.044.
  it.each([0.1, 0.33, 0.5, 0.8])('estimates Jaccard %s within 0.13 on several pairs', (target) => {
    for (let seed = 1; seed <= 5; seed += 1) {
      const common = Math.round((8000 * target) / (1 + target));
      const [a, b] = pairSharing(common, seed * 1000 + target * 100);
      const exact = exactSimilarity(a, b).jaccard;
      expect(exact).toBeCloseTo(target, 2);
      expect(Math.abs(estimateJaccard(minhashSignature(a), minhashSignature(b)) - exact)).toBeLessThan(0.13);
    }
  });

  it('is unbiased over many pairs: the mean error at Jaccard 0.33 is under 0.02', () => {
    let error = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const [a, b] = pairSharing(2000, seed);
      error += estimateJaccard(minhashSignature(a), minhashSignature(b)) - exactSimilarity(a, b).jaccard;
    }
    expect(Math.abs(error / 40)).toBeLessThan(0.02);
  });

  it('gives identical sets identical signatures and an empty set the all-ones one', () => {
    const [a] = pairSharing(100, 7);
    expect(estimateJaccard(minhashSignature(a), minhashSignature(a.slice()))).toBe(1);
    expect([...minhashSignature(new Uint32Array(0))].every((v) => v === 0xffffffff)).toBe(true);
  });

  it('turns a Jaccard estimate and two set sizes into containment of the smaller', () => {
    // |A| = 1000, |B| = 3000, |A ∩ B| = 500: J = 500/3500.
    expect(containmentFromJaccard(500 / 3500, 1000, 3000)).toBeCloseTo(0.5, 10);
  });
});

describe('signature storage', () => {
  const signature = minhashSignature(shingleSet('坚持党建引领，推动资源下沉，服务群众“最后一公里”。'));

  it('round-trips through 512 little-endian bytes', () => {
    const bytes = signatureToBytes(signature);
    expect(bytes.length).toBe(512);
    expect(bytes[0]).toBe(signature[0]! & 0xff);
    expect([...signatureFromBytes(bytes)]).toEqual([...signature]);
  });

  it('round-trips through base64 of 684 characters', () => {
    const text = signatureToBase64(signature);
    expect(text).toHaveLength(684);
    expect([...signatureFromBase64(text)]).toEqual([...signature]);
  });

  it('refuses bytes of another length', () => {
    expect(() => signatureFromBytes(new Uint8Array(100))).toThrow('a signature has 512 bytes, not 100');
  });
});

describe('sampled shingles', () => {
  it('are the shingles the signature took its values from', () => {
    const set = shingleSet('坚持党建引领，推动资源下沉，服务群众“最后一公里”。');
    const sampled = sampledShingles(minhashSignature(set));
    expect([...sampled].every((s) => set.includes(s))).toBe(true);
  });

  it('are counted from both signatures as estimateShareIn counts them, or -1 below the count asked for', () => {
    for (const common of [0, 300, 1500, 3000, 4000]) {
      const [a, b] = pairSharing(common, common + 11);
      const lookup = shingleLookup(a);
      const signatureB = minhashSignature(b);
      // B's signature inside a larger array, as the index keeps it.
      const stored = new Uint32Array(3 * 128);
      stored.set(signatureB, 128);
      const count = Math.round(estimateShareIn(lookup, signatureB) * 128);
      expect(countSampledIn(lookup, minhashSignature(a), stored, 128, 0)).toBe(count);
      expect(countSampledIn(lookup, minhashSignature(a), stored, 128, count)).toBe(count);
      expect(countSampledIn(lookup, minhashSignature(a), stored, 128, count + 1)).toBe(-1);
    }
  });

  it('estimate the share of a set held by another within 0.13, whatever their sizes', () => {
    for (let seed = 1; seed <= 5; seed += 1) {
      const random = seededRandom(seed);
      const value = () => mix32(random.int(0, 2 ** 31));
      const small = Uint32Array.from(new Set(Array.from({ length: 1500 }, value))).sort();
      // The large set holds 40 % of the small one and 4,000 values of its own.
      const large = Uint32Array.from(new Set([...small.slice(0, 600), ...Array.from({ length: 4000 }, value)])).sort();
      const exact = intersectionSize(large, small) / small.length;
      expect(exact).toBeCloseTo(0.4, 2);
      expect(Math.abs(estimateShareIn(shingleLookup(large), minhashSignature(small)) - exact)).toBeLessThan(0.13);
    }
  });
});
