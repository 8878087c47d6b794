import { describe, expect, it } from 'vitest';
import { createPerson } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { migrateTo, migrateToLatest } from '../migrate.ts';

describe(`reviewer pool migration (${testEngine()})`, () => {
  it('gives every reviewer granted before it a pool row from their profile, and nobody else one', async () => {
    const { app } = await createTestApp();
    const campaign = await app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    await migrateTo(app.db, '2026-12-05-014-campaign-phases');
    const expert = await createPerson(app.db, { email: 'Chen@Example.cn', name: '陈教授', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
    await createPerson(app.db, { email: 'org@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
    await app.db.insertInto('reviewer_profiles').values({ user_id: expert, expertise: '["rural"]', organization: '中国浦东干部学院', division_code: '310115', capacity: 20, updated_at: 'x' }).execute();

    await migrateToLatest(app.db);

    expect(await app.db.selectFrom('campaign_reviewers').select(['campaign_id', 'email', 'name', 'expertise', 'capacity', 'division_code', 'affiliation', 'user_id', 'source']).execute()).toEqual([
      { campaign_id: campaign.id, email: 'chen@example.cn', name: '陈教授', expertise: '["rural"]', capacity: 20, division_code: '310115', affiliation: '中国浦东干部学院', user_id: expert, source: 'invitation' },
    ]);
  });
});
