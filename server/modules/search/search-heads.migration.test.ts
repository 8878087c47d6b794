import { Migrator, sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../core/search/normalize.ts';
import { indexTokens } from '../../../core/search/tokens.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
import { emptyDatabase, migrationEngines } from '../../testing/empty-database.ts';
import { findSearchPage } from './search.repository.ts';
import { planSearch } from './search.service.ts';

// Migration 034 indexes the titles and unit names of documents indexed before it (decision 0045),
// so an index built earlier is searched level by level with the same results.

const BEFORE = '2026-12-07-032-imported-cases';

describe.each(migrationEngines)('migration 034 on %s', (engine) => {
  it('indexes the title and unit name of every document already there', async () => {
    const { db } = await emptyDatabase(engine);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    const old = db as unknown as Kysely<any>;
    const docs = [
      { id: 'a', title: '党建引领乡村振兴', unit: '某村党支部', at: '2024-01-03T00:00:00.000Z' },
      { id: 'b', title: '社区治理', unit: '某街道党工委', at: '2024-01-02T00:00:00.000Z' },
      { id: 'c', title: '产业发展', unit: '某镇政府', at: '2024-01-01T00:00:00.000Z' },
    ];
    for (const [i, doc] of docs.entries()) {
      const normText = [doc.title, doc.unit, '摘要', '正文党建'].map(normalizeText).join('\n');
      await old.insertInto('search_documents').values({
        doc_no: i + 1, id: doc.id, campaign_id: 'k', campaign_slug: 'k', category: 'rural', tier: null, province: '11',
        title: doc.title, unit_name: doc.unit, norm_title: normalizeText(doc.title), norm_unit: normalizeText(doc.unit), published_at: doc.at,
      }).execute();
      await old.insertInto('search_texts').values({ doc_no: i + 1, summary: '摘要', body: '正文党建', norm_text: normText }).execute();
      const { chars, pairs, pairStream } = indexTokens(normText);
      if (engine === 'sqlite') await sql`insert into search_fts (rowid, chars, pairs) values (${i + 1}, ${chars.join(' ')}, ${pairStream})`.execute(db);
      else await sql`insert into search_tokens (doc_no, tokens) values (${i + 1}, ${[...chars, ...pairs]})`.execute(db);
    }
    await migrateToLatest(db);
    // Read from the new index alone (its sets), the levels put the title match first, then the unit's, then the body's.
    for (const levelReading of ['set', 'walk'] as const) {
      const rows = await findSearchPage(db, planSearch('党'), {}, { limit: 10, offset: 0 }, { rankAllAtMost: 0, levelReading });
      expect(rows.map((r) => [r.id, r.score])).toEqual([['a', 3], ['b', 1], ['c', 0]]);
      const body = await findSearchPage(db, planSearch('党建'), {}, { limit: 10, offset: 0 }, { rankAllAtMost: 0, levelReading });
      expect(body.map((r) => [r.id, r.score])).toEqual([['a', 2], ['b', 0], ['c', 0]]);
    }
  });
});
