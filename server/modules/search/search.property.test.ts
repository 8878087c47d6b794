import { describe, expect, it, onTestFinished } from 'vitest';
import { CATEGORY_KEYS, generateCase } from '../../../core/demo/case-text.ts';
import { createDivisionIndex } from '../../../core/org/divisions.ts';
import { seededRandom } from '../../../core/random/seeded.ts';
import { normalizeText } from '../../../core/search/normalize.ts';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { loadDivisionRecords } from '../divisions/divisions.source.ts';
import { indexDocument } from './search-index.ts';
import { searchDocuments } from './search.service.ts';
import { likeScan, searchDocument } from './search.testing.ts';

// Search against a LIKE scan over generated case text: every query finds exactly the scan's
// documents. Seeded, so a failure is the same on the next run.

const DOCS = 300;
const QUERIES = 120;
const DIVISION = createDivisionIndex(loadDivisionRecords()).describeDivision('110101')!;
const plain = (html: string) => html.replace(/<[^>]+>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe(`search equals a LIKE scan over generated cases (${testEngine()})`, () => {
  it(`agrees on ${QUERIES} random queries of one to six characters over ${DOCS} cases`, async () => {
    const handle = await createTestDatabase();
    onTestFinished(() => handle.dispose());
    const { db } = handle;
    const random = seededRandom('search-property');
    const texts: string[] = [];
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < DOCS; i++) {
        const category = CATEGORY_KEYS[i % CATEGORY_KEYS.length]!;
        const generated = generateCase(i, { category, division: DIVISION, unitName: `第${i}党支部`, targetZi: 300 });
        const body = Object.values(generated.sections).map(plain).join('\n');
        texts.push(normalizeText(`${generated.title} ${body}`));
        await indexDocument(trx, searchDocument({ id: `g${String(i).padStart(3, '0')}`, title: generated.title, unitName: `第${i}党支部`, summary: plain(generated.summary), body, publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString() }));
      }
    });
    const chars = [...texts.join('')].filter((c) => c.trim() !== '');
    const queries = Array.from({ length: QUERIES }, (_, i) => {
      // Half are cut from a text (they hit), half are made of random characters (they mostly miss).
      const length = 1 + (i % 6);
      if (i % 2 === 0) {
        const text = [...random.pick(texts)];
        const at = random.int(0, text.length - length);
        return text.slice(at, at + length).join('').trim() || '村';
      }
      return Array.from({ length }, () => random.pick(chars)).join('');
    });
    // Some of two terms: every term must be there, anywhere.
    for (let i = 0; i < 20; i++) queries.push(`${queries[2 * i]} ${queries[2 * i + 40]}`);
    let hits = 0;
    for (const query of [...queries, '党建 村', '%', '_', '，']) {
      const result = await searchDocuments(db, { query, page: 1, pageSize: 50 });
      const like = await likeScan(db, query);
      expect({ query, total: result.total }).toEqual({ query, total: like.length });
      expect(result.items.map((i) => i.id).every((id) => like.includes(id))).toBe(true);
      expect(result.items).toHaveLength(Math.min(50, like.length));
      if (like.length > 0) hits += 1;
    }
    expect(hits).toBeGreaterThanOrEqual(QUERIES / 2);
  }, 120_000);
});
