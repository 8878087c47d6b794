import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS, generateCase } from '../demo/case-text.ts';
import { mix32, seededRandom } from '../random/seeded.ts';
import { similarityText } from './content-text.ts';
import { LshIndex } from './lsh-index.ts';
import { minhashSignature } from './minhash.ts';
import { candidatesToCount, CONTAINMENT_THRESHOLD, findNearDuplicates, MAX_COUNTED_BELOW, similarityDocument, type SimilarityDocument } from './near-duplicates.ts';

const division = {
  code: '440305',
  name: '南山区',
  level: 'county' as const,
  path: [{ code: '440000', name: '广东省' }, { code: '440300', name: '深圳市' }, { code: '440305', name: '南山区' }],
};
const caseText = (seed: number) =>
  similarityText(generateCase(seed, { category: CATEGORY_KEYS[seed % 6]!, unitName: `南山区第${seed}党支部`, division }));

/** Rewords `share` of the characters in runs of one to three, with characters of another case. */
function reword(text: string, share: number, seed: number): string {
  const random = seededRandom(seed);
  const pool = [...caseText(9999).replace(/\s/g, '')];
  const chars = [...text];
  for (let changed = 0; changed < share * text.length; ) {
    const length = random.int(1, 3);
    chars.splice(random.int(0, chars.length - length), length, ...Array.from({ length }, () => random.pick(pool)));
    changed += length;
  }
  return chars.join('');
}

// 60 cases, ten of each category: the index, and the texts it can count exactly.
const stored = new Map<string, SimilarityDocument>();
const index = new LshIndex();
for (let seed = 0; seed < 60; seed += 1) {
  const document = similarityDocument(caseText(seed));
  stored.set(`case-${seed}`, document);
  index.add(`case-${seed}`, document.signature, document.shingles.length);
}
const shinglesOf = (id: string) => stored.get(id)?.shingles;
const found = (text: string) => findNearDuplicates(index, similarityDocument(text), shinglesOf).map((m) => m.id);

describe('findNearDuplicates', () => {
  it('finds a copy with 20 % of its characters reworded, with its estimated and exact similarity', () => {
    const copy = similarityDocument(reword(caseText(7), 0.2, 1));
    const matches = findNearDuplicates(index, copy, shinglesOf);
    expect(matches.map((m) => m.id)).toEqual(['case-7']);
    const [match] = matches;
    // Each reworded run breaks up to seven shingles: about half the copy's shingles are left.
    expect(match!.exact.containment).toBeGreaterThan(0.45);
    expect(match!.exact.containment).toBeLessThan(0.7);
    expect(Math.abs(match!.estimated.containment - match!.exact.containment)).toBeLessThan(0.12);
  });

  it('finds a case that copies half of another and writes the rest itself', () => {
    const source = caseText(11).split('\n');
    const own = caseText(5000).split('\n');
    const half = [...own.slice(0, Math.ceil(own.length / 2)), ...source.slice(0, Math.ceil(source.length / 2))].join('\n');
    expect(found(half)).toEqual(['case-11']);
  });

  it('reports no unrelated generated case, of any category', () => {
    for (let seed = 6000; seed < 6012; seed += 1) expect(found(caseText(seed))).toEqual([]);
  });

  it('does not match a stored case with itself when told its id', () => {
    const own = stored.get('case-3')!;
    expect(findNearDuplicates(index, own, shinglesOf).map((m) => m.id)).toEqual(['case-3']);
    expect(findNearDuplicates(index, own, shinglesOf, { exclude: 'case-3' })).toEqual([]);
  });
});

describe('LshIndex', () => {
  it('replaces the signature of a case added again and forgets a removed case', () => {
    const small = new LshIndex();
    const a = similarityDocument(caseText(1));
    const b = similarityDocument(caseText(2));
    small.add('x', a.signature, a.shingles.length);
    expect(small.candidates(a.signature)).toEqual(['x']);
    small.add('x', b.signature, b.shingles.length);
    expect(small.size).toBe(1);
    expect(small.screen(b, 0.9).map((e) => [e.id, e.containment])).toEqual([['x', 1]]);
    expect(small.screen(a, 0.9)).toEqual([]);
    small.remove('x');
    expect(small.candidates(b.signature)).toEqual([]);
    expect(small.has('x')).toBe(false);
  });

  it('grows past its first capacity and still finds every case it holds', () => {
    const big = new LshIndex();
    const docs = [...stored.values()];
    for (let copy = 0; copy < 30; copy += 1) docs.forEach((d, i) => big.add(`${copy}-${i}`, d.signature, d.shingles.length));
    expect(big.size).toBe(1800);
    expect(big.candidates(docs[17]!.signature).filter((id) => id.endsWith('-17'))).toHaveLength(30);
  });
});

// A query of 3,000 random shingles; six copies holding 80 % of it and twelve documents holding
// 35 % (between the screening floor, 0.3, and the threshold), each of 3,000 shingles.
function crowdedIndex(): { index: LshIndex; query: SimilarityDocument; copies: string[] } {
  const random = seededRandom('crowded');
  const values = (n: number) => Array.from({ length: n }, () => mix32(random.int(0, 2 ** 31)));
  const document = (set: number[]): SimilarityDocument => {
    const shingles = Uint32Array.from(new Set(set)).sort();
    return { shingles, signature: minhashSignature(shingles) };
  };
  const own = values(3000);
  const index = new LshIndex();
  const copies: string[] = [];
  for (let i = 0; i < 18; i += 1) {
    const share = i < 6 ? 0.8 : 0.35;
    const taken = random.sample(own, Math.round(share * own.length));
    const d = document([...taken, ...values(3000 - taken.length)]);
    index.add(`doc-${i}`, d.signature, d.shingles.length);
    if (i < 6) copies.push(`doc-${i}`);
  }
  return { index, query: document(own), copies };
}

describe('screening', () => {
  const { index: crowded, query, copies } = crowdedIndex();

  it('skips candidates whose signatures agree too rarely for a pair at the target', () => {
    const atFloor = crowded.screen(query, 0.3).map((e) => e.id);
    expect(atFloor.length).toBeGreaterThan(copies.length);
    // A pair of containment 0.6 agrees in about 55 of 128 positions, one of 0.35 in about 27.
    expect(crowded.screen(query, 0.3, 0.6).map((e) => e.id).sort()).toEqual(copies);
  });

  it('counts every candidate estimated at the threshold, and only the best few estimated under it', () => {
    const screened = crowded.screen(query, 0.3, CONTAINMENT_THRESHOLD);
    const under = screened.filter((e) => e.containment < CONTAINMENT_THRESHOLD);
    expect(under.length).toBeGreaterThan(MAX_COUNTED_BELOW);
    const chosen = candidatesToCount(crowded, query);
    expect(chosen).toEqual([...screened.filter((e) => e.containment >= CONTAINMENT_THRESHOLD), ...under.slice(0, MAX_COUNTED_BELOW)]);
    expect(copies.every((id) => chosen.some((e) => e.id === id))).toBe(true);
    expect(candidatesToCount(crowded, query, CONTAINMENT_THRESHOLD, 'doc-0').map((e) => e.id)).not.toContain('doc-0');
  });
});
