import { describe, expect, it, onTestFinished } from 'vitest';
import { hashSecretToken } from '../../shared/secret-token.ts';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { resolveSession } from './auth.service.ts';

const NOW = new Date('2024-05-01T02:00:00.000Z');
const LATER = new Date('2024-05-02T02:00:00.000Z');
const STAMP = '2024-04-30T00:00:00.000Z';

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle.db;
}

function organization(id: string, mergedInto: string | null) {
  return {
    id, name: `单位${id}`, name_key: `单位${id}`, type: '党组织', level: 'county' as const, division_code: '110105', credit_code: null,
    superior_name: '上级党委', superior_email: null, address: '北京市朝阳区', contact_name: '张三', contact_position: '书记',
    contact_phone: '13800000000', contact_email: `${id}@example.cn`, merged_into: mergedInto, created_at: STAMP, updated_at: STAMP,
  };
}

describe(`resolveSession (${testEngine()})`, () => {
  it('reads the account with each of its grants and live units once, in one statement', async () => {
    const db = await database();
    await db.insertInto('users').values([
      { id: 'u1', email: 'a@example.cn', password_hash: null, display_name: '王𠮷', email_verified_at: STAMP, created_at: STAMP, updated_at: STAMP },
      { id: 'u2', email: 'b@example.cn', password_hash: null, display_name: 'B', email_verified_at: null, created_at: STAMP, updated_at: STAMP },
    ]).execute();
    await db.insertInto('organizations').values([organization('o1', null), organization('o2', null), organization('o3', null)]).execute();
    await db.updateTable('organizations').set({ merged_into: 'o1' }).where('id', '=', 'o3').execute();
    await db.insertInto('organization_members').values([
      { organization_id: 'o1', user_id: 'u1', role: 'owner', created_at: STAMP },
      { organization_id: 'o2', user_id: 'u1', role: 'operator', created_at: STAMP },
      { organization_id: 'o3', user_id: 'u1', role: 'owner', created_at: STAMP },
      { organization_id: 'o2', user_id: 'u2', role: 'owner', created_at: STAMP },
    ]).execute();
    await db.insertInto('role_grants').values([
      { id: 'g1', user_id: 'u1', role: 'organizer', campaign_id: null, created_at: STAMP },
      { id: 'g2', user_id: 'u1', role: 'learner', campaign_id: null, created_at: STAMP },
    ]).execute();
    const session = (id: string, user: string, expires: string) => ({
      id, token_hash: hashSecretToken(`token-${id}`), user_id: user, created_at: STAMP, last_seen_at: NOW.toISOString(), expires_at: expires, user_agent: null, ip: null,
    });
    await db.insertInto('sessions').values([session('s1', 'u1', LATER.toISOString()), session('s2', 'u2', LATER.toISOString()), session('s3', 'u1', STAMP)]).execute();

    const actor = await resolveSession(db, 'token-s1', NOW);
    expect(actor).toMatchObject({ userId: 'u1', email: 'a@example.cn', displayName: '王𠮷', sessionId: 's1', emailVerified: true, platformOrganizer: true });
    const byKey = <T>(list: T[], key: (x: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(byKey(actor!.grants, (g) => g.role)).toEqual([{ role: 'learner', campaignId: null }, { role: 'organizer', campaignId: null }]);
    expect(byKey(actor!.units, (u) => u.organizationId)).toEqual([{ organizationId: 'o1', role: 'owner' }, { organizationId: 'o2', role: 'operator' }]);

    const other = await resolveSession(db, 'token-s2', NOW);
    expect(other).toMatchObject({ userId: 'u2', emailVerified: false, platformOrganizer: false, grants: [], units: [{ organizationId: 'o2', role: 'owner' }] });

    expect(await resolveSession(db, 'token-s3', NOW)).toBeNull();
    expect(await resolveSession(db, 'no-such-token', NOW)).toBeNull();
    await db.updateTable('users').set({ disabled_at: STAMP }).where('id', '=', 'u1').execute();
    expect(await resolveSession(db, 'token-s1', NOW)).toBeNull();
  });
});
