import { describe, expect, it, onTestFinished } from 'vitest';
import { CATEGORY_KEYS, generateCase } from '../../../core/demo/case-text.ts';
import { createDivisionIndex } from '../../../core/org/divisions.ts';
import { seededRandom } from '../../../core/random/seeded.ts';
import { normalizeText } from '../../../core/search/normalize.ts';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { loadDivisionRecords } from '../divisions/divisions.source.ts';
import { indexDocument } from './search-index.ts';
import { findSearchPage, type PageOptions } from './search.repository.ts';
import { planSearch, searchDocuments } from './search.service.ts';
import { likeScan, searchDocument } from './search.testing.ts';

// Search against a LIKE scan over generated case text: every query finds exactly the scan's
// documents, in the order of the ranking rule (decision 0038) worked out here from the scan:
// 2 per term in the title, 1 per term in the unit name, then newest, then id, in byte order.
// Every way of reading a page (ranking all matches; score level by level, walking or reading the
// index's set, decision 0045) gives the same pages. Seeded, so a failure is the same on the next run.

const DOCS = 300;
const QUERIES = 120;
const DIVISION = createDivisionIndex(loadDivisionRecords()).describeDivision('110101')!;
const UNITS = ['第#党支部', '#村党总支', '社区服务中心#', '乡村振兴工作队#', '党建引领#号'];
const plain = (html: string) => html.replace(/<[^>]+>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe(`search equals a LIKE scan over generated cases (${testEngine()})`, () => {
  it(`agrees on ${QUERIES} random queries of one to six characters over ${DOCS} cases`, async () => {
    const handle = await createTestDatabase();
    onTestFinished(() => handle.dispose());
    const { db } = handle;
    const random = seededRandom('search-property');
    const texts: string[] = [];
    const heads = new Map<string, { title: string; unit: string; publishedAt: string; category: string }>();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < DOCS; i++) {
        const category = CATEGORY_KEYS[i % CATEGORY_KEYS.length]!;
        const generated = generateCase(i, { category, division: DIVISION, unitName: `第${i}党支部`, targetZi: 300 });
        const body = Object.values(generated.sections).map(plain).join('\n');
        texts.push(normalizeText(`${generated.title} ${body}`));
        // Every third shares its time with the next (ties fall to the id); units vary so every score level is filled.
        const unitName = UNITS[i % UNITS.length]!.replace('#', String(i));
        const doc = searchDocument({ id: `g${String((i * 7) % DOCS).padStart(3, '0')}`, title: generated.title, unitName, category, summary: plain(generated.summary), body, publishedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 3) * 1000).toISOString() });
        heads.set(doc.id, { title: normalizeText(doc.title), unit: normalizeText(doc.unitName), publishedAt: doc.publishedAt, category });
        await indexDocument(trx, doc);
      }
    });
    const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    /** The ranking rule over the scan's documents. */
    const ranked = (ids: string[], terms: string[]) => ids.map((id) => {
      const head = heads.get(id)!;
      return { id, score: terms.reduce((sum, t) => sum + (head.title.includes(t) ? 2 : 0) + (head.unit.includes(t) ? 1 : 0), 0), publishedAt: head.publishedAt };
    }).sort((a, b) => b.score - a.score || byteOrder(b.publishedAt, a.publishedAt) || byteOrder(a.id, b.id));
    const READINGS: PageOptions[] = [{ rankAllAtMost: Infinity }, { rankAllAtMost: 0, levelReading: 'walk' }, { rankAllAtMost: 0, levelReading: 'set' }, { rankAllAtMost: 0 }];
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
    for (const [n, query] of [...queries, '党建 村', '%', '_', '，', '党', '村', '支部', '党支部'].entries()) {
      const result = await searchDocuments(db, { query, page: 1, pageSize: 50 });
      const like = await likeScan(db, query);
      expect({ query, total: result.total }).toEqual({ query, total: like.length });
      expect(result.items.map((i) => i.id).every((id) => like.includes(id))).toBe(true);
      expect(result.items).toHaveLength(Math.min(50, like.length));
      if (like.length > 0) hits += 1;
      const plan = planSearch(query);
      const expected = ranked(like, plan.terms.map((t) => t.term));
      expect(result.items.map((i) => [i.id, i.score])).toEqual(expected.slice(0, 50).map((r) => [r.id, r.score]));
      // Pages past the first, a page across a level's end, and one past the last, each way of reading
      // (for every fourth query, and those at the end: they fill every level).
      for (const options of n % 4 === 0 || n >= queries.length ? READINGS : []) {
        for (const page of [{ limit: 7, offset: 0 }, { limit: 7, offset: 13 }, { limit: 40, offset: 60 }, { limit: 5, offset: like.length }]) {
          const rows = await findSearchPage(db, plan, {}, page, options);
          expect({ query, options, page, rows: rows.map((r) => [r.id, r.score]) })
            .toEqual({ query, options, page, rows: expected.slice(page.offset, page.offset + page.limit).map((r) => [r.id, r.score]) });
        }
        // A filter applies inside every level.
        const rural = await findSearchPage(db, plan, { category: 'rural' }, { limit: 10, offset: 3 }, options);
        expect({ query, options, rows: rural.map((r) => r.id) })
          .toEqual({ query, options, rows: expected.filter((r) => heads.get(r.id)!.category === 'rural').slice(3, 13).map((r) => r.id) });
      }
    }
    expect(hits).toBeGreaterThanOrEqual(QUERIES / 2);
  }, 300_000);
});
