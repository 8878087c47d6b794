import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { libraryWorld } from '../../testing/library-world.ts';
import { publishCopy } from '../../testing/publishing-world.ts';
import { testEngine } from '../../testing/test-database.ts';
import { readPublicGeneration } from './public-generation.repository.ts';

// The triggers of migration 033 (decision 0042): the writes that can change a public page bump the
// generation in their own transaction; the routes' tests show each path seen at the next request.

describe(`the public generation (${testEngine()})`, () => {
  it('bumps the generation in the transaction of every write that can change a public page, and not for others', async () => {
    const w = await libraryWorld();
    const { db } = w.app;
    const bumps = async (write: () => Promise<unknown>) => {
      const before = await readPublicGeneration(db);
      await write();
      return (await readPublicGeneration(db)) - before;
    };
    await publishCopy(w);
    const now = '2024-03-01T00:00:00.000Z';
    // A case of an earlier edition imported from a file, and the search index written alone.
    expect(await bumps(() => sql`insert into imported_cases (id, campaign_id, edition, year, duplicate_key, title, unit_name, division_code, category, tier, summary, sections, source_url, import_id, created_by, created_at)
      values ('aaaaaaaaaaaaaaaa', ${w.campaignId}, 6, 2023, 'k', '旧案例', '某单位', '110105', 'urban', null, '<p>摘要</p>', '{}', null, 'i1', 'u', ${now})`.execute(db))).toBeGreaterThan(0);
    expect(await bumps(() => db.updateTable('search_documents').set({ title: '索引里的标题' }).execute())).toBeGreaterThan(0);
    expect(await bumps(() => db.updateTable('attachments').set({ width: 801 }).where('id', '=', w.photos[0]!).execute())).toBeGreaterThan(0);
    // A case's own edits of other columns, and a case without a public copy, change no public page.
    expect(await bumps(() => db.updateTable('cases').set({ updated_at: now }).where('id', '=', w.caseId).execute())).toBe(0);
    expect(await bumps(() => db.updateTable('cases').set({ screening: 'pending' }).where('id', '!=', w.caseId).execute())).toBe(0);
    expect(await bumps(() => db.updateTable('cases').set({ screening: 'rejected' }).where('id', '=', w.caseId).execute())).toBeGreaterThan(0);
    // A write rolled back leaves the generation as it was.
    expect(await bumps(() => db.transaction().execute(async (trx) => {
      await trx.updateTable('campaigns').set({ updated_at: now }).execute();
      throw new Error('rolled back');
    }).catch((error: Error) => error.message))).toBe(0);
  });
});
