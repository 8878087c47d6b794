import { describe, expect, it } from 'vitest';
import { htmlToText } from '../case/html-text.ts';
import { countZi } from '../text/zi-count.ts';
import { exactSimilarity } from '../similarity/minhash.ts';
import { similarityText } from '../similarity/content-text.ts';
import { similarityDocument } from '../similarity/near-duplicates.ts';
import { CATEGORY_KEYS, generateCase, SECTION_KEYS } from './case-text.ts';
import { CATEGORY_PHRASES } from './phrases/categories.ts';
import { demoUnitName } from './unit-name.ts';

const division = {
  code: '330106',
  name: '西湖区',
  level: 'county' as const,
  path: [{ code: '330000', name: '浙江省' }, { code: '330100', name: '杭州市' }, { code: '330106', name: '西湖区' }],
};
const options = (seed: number) => {
  const category = CATEGORY_KEYS[seed % 6]!;
  return { category, division, unitName: demoUnitName(seed, category, division) };
};
const bodyZi = (c: ReturnType<typeof generateCase>) =>
  (['background', 'practice', 'effectiveness', 'discussion'] as const).reduce((sum, key) => sum + countZi(htmlToText(c.sections[key])), 0);

describe('generateCase', () => {
  it('gives the same case for the same seed and options, and another for another seed', () => {
    expect(generateCase(17, options(17))).toEqual(generateCase(17, options(17)));
    expect(generateCase(17, options(17)).sections.practice).not.toBe(generateCase(23, options(17)).sections.practice);
  });

  it('writes each category in its own words, with the five parts, about its unit and place', () => {
    for (const category of CATEGORY_KEYS) {
      const c = generateCase(`${category}-1`, { category, division, unitName: '杭州市西湖区某某社区党委' });
      expect(c.category).toBe(category);
      expect(Object.keys(c.sections)).toEqual([...SECTION_KEYS]);
      expect(c.keywords.every((k) => CATEGORY_PHRASES[category].keywords.includes(k))).toBe(true);
      const text = similarityText(c);
      expect(text).toContain('杭州市西湖区某某社区党委');
      // Each category's own actors appear: 村党组织 in rural cases, 社区党委 in urban ones …
      expect(Object.values(CATEGORY_PHRASES[category].slots.主体!).some((actor) => text.includes(actor))).toBe(true);
      expect(c.sections.practice).toMatch(/^<h3>一、/);
      expect(c.sections.appendix).toContain('<table>');
    }
  });

  it('keeps the body within 1,500–5,000 字, the summary within 500 and the title within 100', () => {
    for (let seed = 0; seed < 24; seed += 1) {
      const c = generateCase(seed, options(seed));
      expect(bodyZi(c)).toBeGreaterThanOrEqual(1500);
      expect(bodyZi(c)).toBeLessThanOrEqual(5000);
      expect(countZi(htmlToText(c.summary))).toBeLessThanOrEqual(500);
      expect(c.title.length).toBeLessThanOrEqual(100);
    }
  });

  it('keeps a unit name with markup characters as text', () => {
    const c = generateCase(5, { category: 'urban', division, unitName: '某<b>社区</b>&{党委}' });
    expect(similarityText(c)).toContain('某<b>社区</b>&{党委}');
    expect(c.summary).toContain('某&lt;b&gt;社区&lt;/b&gt;&amp;{党委}');
  });

  it('makes unrelated cases share little: median containment of 5-character shingles under 0.2', () => {
    const docs = Array.from({ length: 24 }, (_, seed) => similarityDocument(similarityText(generateCase(seed + 100, options(seed)))));
    const values: number[] = [];
    for (let i = 0; i < docs.length; i += 1) for (let j = i + 1; j < docs.length; j += 1) values.push(exactSimilarity(docs[i]!.shingles, docs[j]!.shingles).containment);
    values.sort((a, b) => a - b);
    expect(values[Math.floor(values.length / 2)]!).toBeLessThan(0.2);
    expect(values[values.length - 1]!).toBeLessThan(0.35);
  });
});
