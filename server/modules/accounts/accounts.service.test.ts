import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { listRoleGrants } from './accounts.repository.ts';
import { ensureFirstOrganizer } from './accounts.service.ts';
import { verifyPassword } from './password.ts';

const NOW = new Date('2024-01-10T08:00:00.000Z');
const ADMIN = { email: 'admin@zhengji.cn', password: 'a long passphrase 2024' };

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle.db;
}

describe(`ensureFirstOrganizer (${testEngine()})`, () => {
  it('creates the first organizer with an argon2id hash, once', async () => {
    const db = await database();
    expect(await ensureFirstOrganizer(db, ADMIN, NOW)).toBe('created');
    const user = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user.email).toBe('admin@zhengji.cn');
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.password_hash).not.toContain(ADMIN.password);
    expect(await verifyPassword(user.password_hash!, ADMIN.password)).toBe(true);
    expect(await verifyPassword(user.password_hash!, 'wrong password!!')).toBe(false);
    expect((await listRoleGrants(db, user.id)).map((g) => [g.role, g.campaign_id])).toEqual([['organizer', null]]);

    expect(await ensureFirstOrganizer(db, { ...ADMIN, password: 'another passphrase' }, NOW)).toBe('organizer-exists');
    const again = await db.selectFrom('users').selectAll().execute();
    expect(again.map((u) => u.password_hash)).toEqual([user.password_hash]);
  });

  it('makes one organizer when several instances start at the same moment', async () => {
    const db = await database();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => ensureFirstOrganizer(db, ADMIN, NOW)));
    expect(outcomes.sort()).toEqual(['created', ...Array(7).fill('organizer-exists')]);
    const users = await db.selectFrom('users').select(['id', 'email']).execute();
    expect(users.map((u) => u.email)).toEqual([ADMIN.email]);
    expect((await listRoleGrants(db, users[0]!.id)).map((g) => [g.role, g.campaign_id])).toEqual([['organizer', null]]);
    const audited = await db.selectFrom('audit_log').select('subject_id').where('action', '=', 'role.grant').execute();
    expect(audited).toEqual([{ subject_id: users[0]!.id }]);
  });

  it('does nothing without a configured admin', async () => {
    const db = await database();
    expect(await ensureFirstOrganizer(db, undefined, NOW)).toBe('not-configured');
    expect(await db.selectFrom('users').selectAll().execute()).toEqual([]);
  });
});
