import { describe, expect, it, onTestFinished } from 'vitest';
import { campaignsFolder, seventhCampaignData } from '../../testing/campaign-files.ts';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { StartupError } from '../../startup-error.ts';
import { readCampaignFiles } from './campaign-files.ts';
import { getCampaign, listCampaigns, syncCampaigns } from './campaigns.service.ts';

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle.db;
}

const T1 = new Date('2024-02-01T00:00:00.000Z');
const T2 = new Date('2024-02-02T00:00:00.000Z');

describe(`syncCampaigns (${testEngine()})`, () => {
  it('never duplicates a campaign when started again', async () => {
    const db = await database();
    const sources = readCampaignFiles('campaigns');
    expect(await syncCampaigns(db, sources, T1)).toEqual([{ slug: 'seventh-collection', action: 'unchanged' }]);
    expect(await syncCampaigns(db, sources, T2)).toEqual([{ slug: 'seventh-collection', action: 'unchanged' }]);
    const rows = await db.selectFrom('campaigns').select(['slug', 'updated_at']).execute();
    expect(rows).toEqual([{ slug: 'seventh-collection', updated_at: '2024-01-10T00:00:00.000Z' }]);
  });

  it('updates a campaign whose file changed, and the change is served at once', async () => {
    const db = await database();
    const before = await getCampaign(db, 'seventh-collection');
    const data = seventhCampaignData();
    data.window.closesAt = '2024-07-15T23:59:59';
    data.contacts.phones = ['021-28288809'];
    expect(await syncCampaigns(db, readCampaignFiles(campaignsFolder({ 'seventh-collection.yaml': data })), T2)).toEqual([
      { slug: 'seventh-collection', action: 'updated' },
    ]);
    const after = await getCampaign(db, 'seventh-collection');
    expect(after.id).toBe(before.id);
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.definition.contacts.phones).toEqual(['021-28288809']);
    expect(after.window.closesAt.toISOString()).toBe('2024-07-15T15:59:59.999Z');
    expect(after.updatedAt).toBe(T2.toISOString());
    expect([before.definitionVersion, after.definitionVersion]).toEqual([1, 2]);
  });

  it('refuses, naming the campaign and each change, a file that changes what reviews stand on once review started', async () => {
    const db = await database();
    await db.updateTable('campaigns').set({ phase: 'review' }).where('slug', '=', 'seventh-collection').execute();
    const before = await db.selectFrom('campaigns').select(['content_hash', 'definition_version']).executeTakeFirstOrThrow();
    const data = seventhCampaignData();
    data.review.criteria[0].weight = 30;
    data.review.criteria[3].weight = 15;
    data.categories = data.categories.filter((c: { key: string }) => c.key !== 'soe');
    data.contacts.phones = ['021-28288809'];
    const sources = readCampaignFiles(campaignsFolder({ 'seventh-collection.yaml': data }));
    await expect(syncCampaigns(db, sources, T2)).rejects.toThrow(new StartupError([
      'Campaign files change campaigns under review:',
      '  - seventh-collection.yaml: campaign "seventh-collection" is in its review phase, so its categories, criteria, weights and scales can no longer change; the file changes:',
      '      categories: "soe" removed',
      '      review.criteria: weight of "authenticity" 25 → 30',
      '      review.criteria: weight of "typicality" 20 → 15',
      'Restore those parts of the file, or move the campaign back to screening first.',
    ].join('\n')));
    expect(await db.selectFrom('campaigns').select(['content_hash', 'definition_version']).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('still takes a change to the rest of the call during review, as a new definition version', async () => {
    const db = await database();
    await db.updateTable('campaigns').set({ phase: 'selection' }).where('slug', '=', 'seventh-collection').execute();
    const data = seventhCampaignData();
    data.contacts.phones = ['021-28288809'];
    data.review.reminderDaysBefore = [2];
    expect(await syncCampaigns(db, readCampaignFiles(campaignsFolder({ 'seventh-collection.yaml': data })), T2)).toEqual([
      { slug: 'seventh-collection', action: 'updated' },
    ]);
    const after = await getCampaign(db, 'seventh-collection');
    expect([after.phase, after.definitionVersion, after.definition.contacts.phones]).toEqual(['selection', 2, ['021-28288809']]);
  });

  it('adds a second campaign from a second file', async () => {
    const db = await database();
    const eighth = seventhCampaignData();
    eighth.slug = 'eighth-collection';
    eighth.edition = 8;
    eighth.window.opensAt = '2026-01-15T00:00:00';
    eighth.window.closesAt = '2026-06-30T23:59:59';
    eighth.review.dueAt = '2026-08-31T23:59:59';
    const dir = campaignsFolder({ 'seventh-collection.yaml': seventhCampaignData(), 'eighth-collection.yaml': eighth });
    expect(await syncCampaigns(db, readCampaignFiles(dir), T2)).toEqual([
      { slug: 'eighth-collection', action: 'created' },
      { slug: 'seventh-collection', action: 'unchanged' },
    ]);
    expect((await listCampaigns(db)).map((c) => [c.definition.slug, c.definition.edition])).toEqual([
      ['eighth-collection', 8],
      ['seventh-collection', 7],
    ]);
  });
});
