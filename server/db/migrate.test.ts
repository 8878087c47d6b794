import { Migrator, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { emptyDatabase, migrationEngines } from '../testing/empty-database.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

// The case library's search index (decisions 0038, 0045): FTS5 and its shadow tables on SQLite, token tables on PostgreSQL.
const SEARCH_TABLES = {
  sqlite: [
    'search_documents', 'search_fts', 'search_fts_config', 'search_fts_data', 'search_fts_docsize', 'search_fts_idx',
    'search_heads', 'search_heads_config', 'search_heads_data', 'search_heads_docsize', 'search_heads_idx', 'search_texts',
  ],
  postgres: ['search_documents', 'search_heads', 'search_texts', 'search_tokens'],
};

describe.each(migrationEngines)('migrations on %s', (engine) => {
  it('run from empty, then find nothing to do', async () => {
    const { db } = await emptyDatabase(engine);
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual([
      'assignment_runs', 'attachments', 'audit_head', 'audit_log', 'audit_published_heads', 'blobs', 'campaign_reviewers', 'campaigns', 'case_contents', 'case_events', 'case_signatures', 'case_submissions', 'cases',
      'deadline_extensions', 'final_results', 'imported_cases', 'jobs', 'mails', 'notices', 'objection_files', 'objections', 'one_time_tokens', 'organization_members', 'organizations', 'public_generation', 'published_cases', 'rate_limit_counters', 'reference_cases',
      'review_assignments', 'review_conflicts', 'review_reminders', 'reviewer_profiles', 'reviews', 'role_grants', 'schema_migrations', 'schema_migrations_lock',
      'screening_decisions', 'screening_reports', ...SEARCH_TABLES[engine], 'selection_decisions', 'selection_suggestions', 'sessions', 'similarity_matches', 'upload_pieces', 'uploads', 'users',
    ]);
  });

  it('keep every case’s text when the working copy moves to case_contents', async () => {
    const { db } = await emptyDatabase(engine);
    const migrator = new Migrator({
      db, provider: { getMigrations: async () => migrations }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock',
    });
    expect((await migrator.migrateTo('2026-11-26-003-cases')).error).toBeUndefined();
    const stamp = '2024-01-01T00:00:00.000Z';
    const old = db as unknown as Kysely<any>;
    await old.insertInto('users').values({ id: 'u1', email: 'a@b.cn', password_hash: null, display_name: 'A', email_verified_at: null, created_at: stamp, updated_at: stamp }).execute();
    await old.insertInto('campaigns').values({ id: 'c1', slug: 's', edition: 7, definition: '{}', content_hash: 'h', source_file: 'f', time_zone: 'Asia/Shanghai', opens_at: stamp, closes_at: stamp, created_at: stamp, updated_at: stamp }).execute();
    await old.insertInto('organizations').values({
      id: 'o1', name: '某社区党委', name_key: 'k', type: 't', level: 'l', division_code: '110105', superior_name: '街道党工委', address: 'a',
      contact_name: 'n', contact_position: 'p', contact_phone: '010-65001234', contact_email: 'a@b.cn', created_at: stamp, updated_at: stamp,
    }).execute();
    await old.insertInto('cases').values({
      id: 'k1', campaign_id: 'c1', organization_id: 'o1', status: 'draft', title: '题目', content: '{"title":"题目"}', declaration: '{"postcode":"100020"}',
      version: 4, created_by: 'u1', updated_by: 'u1', created_at: stamp, updated_at: stamp,
    }).execute();
    await migrateToLatest(db);
    expect(await db.selectFrom('case_contents').select(['case_id', 'content', 'declaration']).execute()).toEqual([{ case_id: 'k1', content: '{"title":"题目"}', declaration: '{"postcode":"100020"}' }]);
    const columns = (await db.introspection.getTables()).find((t) => t.name === 'cases')!.columns.map((c) => c.name);
    expect(columns).not.toContain('content');
    expect(await db.selectFrom('cases').select(['title', 'version']).execute()).toEqual([{ title: '题目', version: 4 }]);
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

if (migrationEngines.length === 1) {
  it.skip('migrations on postgres: set TEST_DATABASE_URL to run them (.ci/run does)', () => undefined);
}
