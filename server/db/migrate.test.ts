import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { clonePostgresDatabase, createPostgresTemplate, dropPostgresDatabase } from '../testing/postgres-admin.ts';
import { openPostgres, openSqlite, type DatabaseHandle } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

async function emptyDatabase(engine: 'sqlite' | 'postgres'): Promise<DatabaseHandle> {
  if (engine === 'sqlite') {
    const handle = openSqlite(path.join(mkdtempSync(path.join(tmpdir(), 'zhengji-mig-')), 'empty.sqlite'));
    onTestFinished(() => handle.db.destroy());
    return handle;
  }
  const template = await createPostgresTemplate(pgUrl!, async () => undefined);
  const { name, url } = await clonePostgresDatabase(pgUrl!, template);
  const handle = openPostgres(url);
  onTestFinished(async () => {
    await handle.db.destroy();
    await dropPostgresDatabase(pgUrl!, name);
    await dropPostgresDatabase(pgUrl!, template);
  });
  return handle;
}

const engines = pgUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(engines)('migrations on %s', (engine) => {
  it('run from empty, then find nothing to do', async () => {
    const { db } = await emptyDatabase(engine);
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual([
      'attachments', 'audit_head', 'audit_log', 'blobs', 'campaigns', 'case_events', 'case_submissions', 'cases',
      'deadline_extensions', 'jobs', 'mails', 'one_time_tokens', 'organization_members', 'organizations',
      'reviewer_profiles', 'role_grants', 'schema_migrations', 'schema_migrations_lock', 'sessions', 'uploads', 'users',
    ]);
  });

  it('create tables whose constraints hold on this engine', async () => {
    const { db } = await emptyDatabase(engine);
    await migrateToLatest(db);
    const stamp = '2024-01-01T00:00:00.000Z';
    await db.insertInto('users').values({ id: 'u1', email: 'a@b.cn', password_hash: null, display_name: 'A', email_verified_at: null, created_at: stamp, updated_at: stamp }).execute();
    await expect(
      db.insertInto('users').values({ id: 'u2', email: 'a@b.cn', password_hash: null, display_name: 'B', email_verified_at: null, created_at: stamp, updated_at: stamp }).execute(),
    ).rejects.toThrow(/unique/i);
    await expect(
      db.insertInto('role_grants').values({ id: 'g1', user_id: 'nobody', role: 'organizer', campaign_id: null, created_at: stamp }).execute(),
    ).rejects.toThrow(/foreign key/i);
  });
});

if (!pgUrl) {
  it.skip('migrations on postgres: set TEST_DATABASE_URL to run them (.ci/run does)', () => undefined);
}
