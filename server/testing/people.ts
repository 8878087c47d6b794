import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId } from '../ids.ts';
import { hashPassword } from '../modules/accounts/password.ts';
import { TestClient } from './test-client.ts';

export const PASSWORD = 'Zhengji-test-2024!';
let passwordHash: Promise<string> | undefined;

/** A verified account with the given roles, created directly in the database. */
export async function createPerson(
  db: Kysely<Database>,
  options: { email: string; name?: string; grants?: { role: 'organizer' | 'reviewer'; campaignId: string | null }[] },
): Promise<string> {
  passwordHash ??= hashPassword(PASSWORD);
  const id = newId();
  const stamp = '2024-01-10T00:00:00.000Z';
  await db.insertInto('users').values({
    id, email: options.email, password_hash: await passwordHash, display_name: options.name ?? options.email.split('@')[0]!,
    email_verified_at: stamp, created_at: stamp, updated_at: stamp,
  }).execute();
  for (const grant of options.grants ?? []) {
    await db.insertInto('role_grants').values({ id: newId(), user_id: id, role: grant.role, campaign_id: grant.campaignId, created_at: stamp }).execute();
  }
  return id;
}

/** A client signed in as that person through the real sign-in route. */
export async function signedIn(app: FastifyInstance, email: string): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  return client;
}

export const UNIT_INPUT = {
  name: '北京市朝阳区建外街道第一社区党委',
  type: 'urban',
  level: 'village',
  divisionCode: '110105',
  superiorName: '中共北京市朝阳区建外街道工作委员会',
  superiorEmail: 'jianwai@example.cn',
  address: '北京市朝阳区建外大街1号',
  contactName: '李华',
  contactPosition: '党委书记',
  contactPhone: '010-65001234',
  contactEmail: 'lihua@example.cn',
};

/**
 * An organizer of another campaign (the eighth, created bare here): the one organizer every
 * route of the seventh must answer as if the campaign did not exist.
 */
export async function createOrganizerOfAnotherCampaign(db: Kysely<Database>, email: string): Promise<string> {
  const id = await createPerson(db, { email });
  await db.insertInto('campaigns').values({
    id: 'c8', slug: 'eighth-collection', edition: 8, definition: '{}', content_hash: 'x', source_file: 'x', time_zone: 'Asia/Shanghai',
    opens_at: '2026-01-01T00:00:00.000Z', closes_at: '2026-06-30T00:00:00.000Z', created_at: 'x', updated_at: 'x',
  }).execute();
  await db.insertInto('role_grants').values({ id: 'g8', user_id: id, role: 'organizer', campaign_id: 'c8', created_at: 'x' }).execute();
  return id;
}
