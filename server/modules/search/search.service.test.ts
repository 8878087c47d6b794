import { describe, expect, it, onTestFinished } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { indexDocument } from './search-index.ts';
import { searchDocuments } from './search.service.ts';
import { likeScan, searchDocument } from './search.testing.ts';

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle.db;
}

async function index(db: Kysely<Database>, docs: Parameters<typeof searchDocument>[0][]) {
  for (const doc of docs) await indexDocument(db, searchDocument(doc));
}

const search = (db: Kysely<Database>, query: string, more: Partial<Parameters<typeof searchDocuments>[1]> = {}) =>
  searchDocuments(db, { query, page: 1, pageSize: 50, ...more });
const foundIds = async (db: Kysely<Database>, query: string) => (await search(db, query)).items.map((i) => i.id).sort();

describe(`searchDocuments (${testEngine()})`, () => {
  it('finds exactly what LIKE finds for one and two characters, in any field', async () => {
    const db = await database();
    await index(db, [
      { id: 'a', title: '村级党建' },
      { id: 'b', unitName: '和平村党支部' },
      { id: 'c', summary: '抓党建促发展' },
      { id: 'd', body: '第一部分\n党\n建' },
      { id: 'e', body: '乡村振兴' },
    ]);
    expect(await foundIds(db, '村')).toEqual(['a', 'b', 'e']);
    expect(await foundIds(db, '党建')).toEqual(['a', 'c']);
    expect(await foundIds(db, '村')).toEqual(await likeScan(db, '村'));
    expect(await foundIds(db, '党建')).toEqual(await likeScan(db, '党建'));
  });

  it('finds a longer term only where it stands whole: 党建 and 建党 in one text are not 党建党', async () => {
    const db = await database();
    await index(db, [
      { id: 'split', body: '抓党建，庆建党' },
      { id: 'whole', body: '抓党建党风' },
      { id: 'fields', title: '党建', unitName: '党委' },
    ]);
    expect(await foundIds(db, '党建党')).toEqual(['whole']);
    expect(await likeScan(db, '党建党')).toEqual(['whole']);
    expect(await foundIds(db, '建党委')).toEqual([]);
  });

  it('matches Chinese mixed with Latin letters and digits, whatever their width and case', async () => {
    const db = await database();
    await index(db, [
      { id: 'a', body: '建成5G智慧社区，服务1200户' },
      { id: 'b', body: '用ＡＩ助手答复群众' },
      { id: 'c', body: 'Excel台账' },
    ]);
    expect(await foundIds(db, '5g智慧')).toEqual(['a']);
    expect(await foundIds(db, '20')).toEqual(['a']);
    expect(await foundIds(db, 'ai助')).toEqual(['b']);
    expect(await foundIds(db, 'EXCEL台账')).toEqual(['c']);
    expect(await foundIds(db, 'cel')).toEqual(['c']);
  });

  it('takes % and _ as the characters themselves, never as wildcards', async () => {
    const db = await database();
    await index(db, [{ id: 'pct', body: '满意率达98%' }, { id: 'under', body: 'file_name' }, { id: 'plain', body: '满意率达98' }]);
    expect(await foundIds(db, '%')).toEqual(['pct']);
    expect(await foundIds(db, '98%')).toEqual(['pct']);
    expect(await foundIds(db, '_')).toEqual(['under']);
    expect(await foundIds(db, 'e_n')).toEqual(['under']);
    expect(await foundIds(db, '%')).toEqual(await likeScan(db, '%'));
  });

  it('searches markup as text and shows it escaped in the snippet', async () => {
    const db = await database();
    await index(db, [{ id: 'x', title: '<b>标题</b>', summary: '摘要<script>alert(1)</script>结束' }]);
    const result = await search(db, '<script>');
    expect(result.items.map((i) => [i.id, i.title, i.snippet])).toEqual([
      ['x', '<b>标题</b>', '摘要<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt;结束 正文'],
    ]);
    expect(await foundIds(db, '<img src=x onerror=alert(1)>')).toEqual([]);
  });

  it('refuses an over-long query with a message in the reader’s language', async () => {
    const db = await database();
    const error = await search(db, '党'.repeat(10_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('search_query_too_long');
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).messageIn('zh-CN')).toBe('搜索词太长：最多 100 个字符，请缩短后再搜索。');
    expect((error as AppError).messageIn('en')).toBe('The search is too long: at most 100 characters. Please shorten it and search again.');
  });

  it('ranks title matches above unit-name matches above body matches, then newest, then by id', async () => {
    const db = await database();
    await index(db, [
      { id: 'body-old', body: '党建', publishedAt: '2025-01-01T00:00:00.000Z' },
      { id: 'body-new-b', body: '党建', publishedAt: '2026-01-01T00:00:00.000Z' },
      { id: 'body-new-a', body: '党建', publishedAt: '2026-01-01T00:00:00.000Z' },
      { id: 'unit', unitName: '党建中心', publishedAt: '2020-01-01T00:00:00.000Z' },
      { id: 'title', title: '党建引领', publishedAt: '2019-01-01T00:00:00.000Z' },
      { id: 'both', title: '党建', unitName: '党建办', publishedAt: '2018-01-01T00:00:00.000Z' },
    ]);
    const result = await search(db, '党建');
    expect(result.items.map((i) => [i.id, i.score])).toEqual([
      ['both', 3], ['title', 2], ['unit', 1], ['body-new-a', 0], ['body-new-b', 0], ['body-old', 0],
    ]);
    expect(result.total).toBe(6);
  });

  it('filters by campaign, category, tier and province; an empty query lists newest first', async () => {
    const db = await database();
    await index(db, [
      { id: 'a', campaignSlug: 'sixth', category: 'rural', tier: 'best', province: '11', publishedAt: '2025-01-03T00:00:00.000Z' },
      { id: 'b', campaignSlug: 'seventh', category: 'rural', tier: 'excellent', province: '44', publishedAt: '2025-01-02T00:00:00.000Z' },
      { id: 'c', campaignSlug: 'seventh', category: 'urban', tier: null, province: '44', publishedAt: '2025-01-04T00:00:00.000Z' },
      { id: 'd', campaignSlug: 'seventh', category: 'rural', tier: 'best', province: null, publishedAt: '2025-01-01T00:00:00.000Z' },
    ]);
    const ids = async (more: Partial<Parameters<typeof searchDocuments>[1]>) => (await search(db, '', more)).items.map((i) => i.id);
    expect(await ids({})).toEqual(['c', 'a', 'b', 'd']);
    expect(await ids({ campaignSlug: 'seventh' })).toEqual(['c', 'b', 'd']);
    expect(await ids({ category: 'rural', tier: 'best' })).toEqual(['a', 'd']);
    expect(await ids({ province: '44' })).toEqual(['c', 'b']);
    expect(await ids({ province: '44', category: 'rural', campaignSlug: 'seventh' })).toEqual(['b']);
    expect((await search(db, '正文', { campaignSlug: 'seventh', tier: 'best' })).total).toBe(1);
    expect((await search(db, '没有的词', { campaignSlug: 'seventh' }))).toEqual({ total: 0, items: [] });
  });

  it('pages through the results without losing or repeating one', async () => {
    const db = await database();
    await index(db, Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, title: i % 2 === 0 ? '村' : '城', body: '村', publishedAt: `2025-01-0${i + 1}T00:00:00.000Z` })));
    const page = async (n: number) => searchDocuments(db, { query: '村', page: n, pageSize: 3 });
    const pages = [await page(1), await page(2), await page(3), await page(4)];
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7]);
    expect(pages.map((p) => p.items.map((i) => i.id))).toEqual([['p6', 'p4', 'p2'], ['p0', 'p5', 'p3'], ['p1'], []]);
  });

  it('refuses a page or page size out of range', async () => {
    const db = await database();
    await expect(searchDocuments(db, { query: '村', page: 0, pageSize: 10 })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(searchDocuments(db, { query: '村', page: 1, pageSize: 51 })).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
