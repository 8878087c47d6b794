import { readFileSync } from 'node:fs';
import { Migrator, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_PHASES } from '../../../core/campaign/campaign-phase.ts';
import { CASE_STATUSES } from '../../../core/case/case-status.ts';
import { emptyDatabase, migrationEngines } from '../../testing/empty-database.ts';
import { migrations } from './index.ts';

const stamp = '2024-01-01T00:00:00.000Z';

async function migratedTo(engine: 'sqlite' | 'postgres', name: string) {
  const { db } = await emptyDatabase(engine);
  const migrator = new Migrator({
    db, provider: { getMigrations: async () => migrations }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock',
  });
  expect((await migrator.migrateTo(name)).error).toBeUndefined();
  const old = db as unknown as Kysely<any>;
  await old.insertInto('users').values({ id: 'u1', email: 'a@b.cn', password_hash: null, display_name: 'A', email_verified_at: null, created_at: stamp, updated_at: stamp }).execute();
  await old.insertInto('campaigns').values({ id: 'c1', slug: 's', edition: 7, definition: '{}', content_hash: 'h', source_file: 'f', time_zone: 'Asia/Shanghai', opens_at: stamp, closes_at: stamp, created_at: stamp, updated_at: stamp }).execute();
  await old.insertInto('organizations').values(organization).execute();
  return { migrator, old };
}

const organization = {
  id: 'o1', name: '某社区党委', name_key: '某社区党委', type: 'urban', level: 'community', division_code: '110105', superior_name: '', address: '北京', contact_name: '张三', contact_position: '书记', contact_phone: '13800000000', contact_email: 'a@b.cn', created_at: stamp, updated_at: stamp,
};
const aCase = (id: string, status: string) => ({
  id, campaign_id: 'c1', organization_id: 'o1', status, title: 't', version: 1, created_by: 'u1', updated_by: 'u1', created_at: stamp, updated_at: stamp,
});

/** The error a write raised, or 'written'. */
async function outcome(write: Promise<unknown>): Promise<string> {
  try {
    await write;
    return 'written';
  } catch (error) {
    return /cases_status_known|campaigns_phase|check constraint/i.test(String(error)) ? 'refused by the check' : String(error);
  }
}

it('lists exactly the statuses and phases the code knows', () => {
  const source = readFileSync(new URL('./2026-12-05-014-campaign-phases.ts', import.meta.url), 'utf8');
  expect(source).toContain(`const STATUSES = [${CASE_STATUSES.map((s) => `'${s}'`).join(', ')}];`);
  expect(source).toContain(`const PHASES = [${CAMPAIGN_PHASES.map((s) => `'${s}'`).join(', ')}];`);
});

describe.each(migrationEngines)('campaign phases migration on %s', (engine) => {
  it('refuses a case status that does not exist, on insert and on update, and a phase that does not exist', async () => {
    const { migrator, old } = await migratedTo(engine, '2026-12-04-013-received-originals');
    await old.insertInto('cases').values(aCase('k0', 'draft')).execute();
    expect((await migrator.migrateTo('2026-12-05-014-campaign-phases')).error).toBeUndefined();

    expect(await old.selectFrom('campaigns').select(['phase', 'phase_changed_at', 'definition_version']).execute())
      .toEqual([{ phase: 'collection', phase_changed_at: null, definition_version: 1 }]);
    for (const status of CASE_STATUSES) expect(await outcome(old.insertInto('cases').values(aCase(`k-${status}`, status)).execute())).toBe('written');
    expect(await outcome(old.insertInto('cases').values(aCase('k1', 'passed')).execute())).toBe('refused by the check');
    expect(await outcome(old.updateTable('cases').set({ status: 'Submitted' }).where('id', '=', 'k0').execute())).toBe('refused by the check');
    expect(await outcome(old.updateTable('campaigns').set({ phase: 'judging' }).where('id', '=', 'c1').execute())).toBe('refused by the check');
    expect(await outcome(old.updateTable('campaigns').set({ phase: 'review' }).where('id', '=', 'c1').execute())).toBe('written');
    expect((await old.selectFrom('cases').select('status').where('id', '=', 'k0').executeTakeFirstOrThrow()).status).toBe('draft');

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await outcome(old.insertInto('cases').values(aCase('k2', 'passed')).execute())).toBe('written');
  });
});
