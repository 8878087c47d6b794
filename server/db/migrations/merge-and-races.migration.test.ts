import { Migrator, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { emptyDatabase, migrationEngines } from '../../testing/empty-database.ts';
import { migrations } from './index.ts';

describe.each(migrationEngines)('role grants made unique on %s', (engine) => {
  it('keeps the earliest of each duplicate grant, then refuses a second one', async () => {
    const { db } = await emptyDatabase(engine);
    const migrator = new Migrator({
      db, provider: { getMigrations: async () => migrations }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock',
    });
    expect((await migrator.migrateTo('2026-12-04-007-accounts-hardening')).error).toBeUndefined();
    const old = db as unknown as Kysely<any>;
    const stamp = '2024-01-01T00:00:00.000Z';
    await old.insertInto('users').values({ id: 'u1', email: 'a@b.cn', password_hash: null, display_name: 'A', email_verified_at: null, created_at: stamp, updated_at: stamp }).execute();
    await old.insertInto('campaigns').values({ id: 'c1', slug: 's', edition: 7, definition: '{}', content_hash: 'h', source_file: 'f', time_zone: 'Asia/Shanghai', opens_at: stamp, closes_at: stamp, created_at: stamp, updated_at: stamp }).execute();
    const grant = (id: string, role: string, campaignId: string | null, at: string) => ({ id, user_id: 'u1', role, campaign_id: campaignId, created_at: at });
    await old.insertInto('role_grants').values([
      grant('g3', 'reviewer', 'c1', '2024-01-03T00:00:00.000Z'),
      grant('g1', 'reviewer', 'c1', '2024-01-01T00:00:00.000Z'),
      grant('g2', 'reviewer', 'c1', '2024-01-01T00:00:00.000Z'),
      grant('g5', 'learner', null, '2024-01-02T00:00:00.000Z'),
      grant('g4', 'learner', null, '2024-01-01T00:00:00.000Z'),
      grant('g6', 'organizer', 'c1', '2024-01-01T00:00:00.000Z'),
    ]).execute();

    expect((await migrator.migrateTo('2026-12-04-008-merge-and-races')).error).toBeUndefined();
    expect(await old.selectFrom('role_grants').select('id').orderBy('id').execute()).toEqual([{ id: 'g1' }, { id: 'g4' }, { id: 'g6' }]);
    for (const again of [grant('g7', 'reviewer', 'c1', stamp), grant('g8', 'learner', null, stamp)]) {
      const result = await old.insertInto('role_grants').values(again).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      expect(Number(result.numInsertedOrUpdatedRows)).toBe(0);
    }
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await old.insertInto('role_grants').values(grant('g9', 'learner', null, stamp)).execute();
    expect(await old.selectFrom('role_grants').select('id').orderBy('id').execute()).toEqual([{ id: 'g1' }, { id: 'g4' }, { id: 'g6' }, { id: 'g9' }]);
  });
});
