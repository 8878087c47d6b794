import { describe, expect, it } from 'vitest';
import { mix32, seededRandom, splitmix32, xorshift32 } from './seeded.ts';

// The first numbers of each generator, checked against a separate Python implementation of the
// published algorithms. If one changes, demo text, stored MinHash signatures and recorded
// benchmark figures change with it.
const uint32s = (next: () => number, n: number) => Array.from({ length: n }, () => next() * 2 ** 32);

describe('seededRandom (sfc32 seeded through splitmix32)', () => {
  it('gives the same first numbers for a seed on every run', () => {
    expect(uint32s(seededRandom(2024).next, 4)).toEqual([3919288472, 192506188, 4261047628, 3534739966]);
  });

  it('hashes a text seed (FNV-1a) before seeding', () => {
    expect(uint32s(seededRandom('unit:7').next, 3)).toEqual([2357183456, 205349518, 729863769]);
  });

  it('draws integers, picks, chances and samples from that stream', () => {
    const random = seededRandom(2024);
    expect([random.int(1, 6), random.int(1, 6), random.pick(['甲', '乙', '丙', '丁']), random.chance(0.5)]).toEqual([6, 1, '丁', false]);
    expect(random.sample(['a', 'b', 'c', 'd', 'e'], 3)).toEqual(['b', 'd', 'e']);
    expect(random.sample([1, 2], 5)).toEqual([1, 2]);
  });

  it('reads a number seed as 32 bits', () => {
    expect(seededRandom(2024 + 2 ** 32).next()).toBe(seededRandom(2024).next());
  });
});

describe('splitmix32', () => {
  it('gives the stream MinHash takes its hash functions from', () => {
    const next = splitmix32(0x5a4a2024);
    expect([next(), next(), next()]).toEqual([633166051, 1105403788, 2377770338]);
  });

  it('mixes with Murmur3’s finalizer, which keeps zero at zero', () => {
    expect([mix32(0), mix32(1), mix32(0xffffffff)]).toEqual([0, 1364076727, 2180083513]);
  });
});

describe('xorshift32', () => {
  it('gives the same first numbers for a seed, and treats a zero seed as 1', () => {
    expect(uint32s(xorshift32(2026), 3)).toEqual([525710612, 2535152655, 1875020290]);
    expect(xorshift32(0)()).toBe(xorshift32(1)());
  });
});
