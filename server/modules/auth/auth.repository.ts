import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OneTimeTokenKind, OneTimeTokensTable, SessionsTable } from '../../db/schema.ts';
import { locksRows } from '../../db/row-lock.ts';

export type SessionRow = Selectable<SessionsTable>;
export type OneTimeTokenRow = Selectable<OneTimeTokensTable>;

export async function insertSession(db: Kysely<Database>, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/**
 * The live session of a token with its account, its role grants and its units: one row per
 * pair of grant and unit (either null when there is none), so a caller keeps the distinct ones.
 * One statement, because every request of a signed-in user asks it first; accounts hold a few
 * grants and units, so the pairs stay few.
 */
export async function findLiveSessionWithAccess(db: Kysely<Database>, tokenHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('role_grants', 'role_grants.user_id', 'users.id')
    .leftJoin('organization_members', 'organization_members.user_id', 'users.id')
    .leftJoin('organizations', (join) => join.onRef('organizations.id', '=', 'organization_members.organization_id').on('organizations.merged_into', 'is', null))
    .select([
      'sessions.id as session_id',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.email',
      'users.display_name',
      'users.locale',
      'users.email_verified_at',
      'role_grants.id as grant_id',
      'role_grants.role as grant_role',
      'role_grants.campaign_id as grant_campaign_id',
      'organizations.id as unit_id',
      'organization_members.role as unit_role',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .execute();
}

export async function touchSession(db: Kysely<Database>, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteOtherSessionsOfUser(db: Kysely<Database>, userId: string, keepSessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', keepSessionId).execute();
}

export async function insertOneTimeToken(db: Kysely<Database>, row: Insertable<OneTimeTokensTable>): Promise<void> {
  await db.insertInto('one_time_tokens').values(row).execute();
}

export async function findOneTimeToken(db: Kysely<Database>, kind: OneTimeTokenKind, tokenHash: string): Promise<OneTimeTokenRow | undefined> {
  return db.selectFrom('one_time_tokens').selectAll().where('kind', '=', kind).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks the token used unless it already was; true for the one caller that used it. */
export async function consumeOneTimeToken(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends every reset link of the account not used yet: a new password makes the old links moot. */
export async function endResetLinksOfUser(db: Kysely<Database>, userId: string, now: string): Promise<void> {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('kind', '=', 'reset_password')
    .where('used_at', 'is', null)
    .execute();
}

export async function countRecentFailedSignIns(db: Kysely<Database>, email: string, since: string): Promise<number> {
  const { count } = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('action', '=', 'auth.sign_in_failed')
    .where('subject_type', '=', 'email')
    .where('subject_id', '=', email)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Links of one kind mailed to an address since a moment: the resend limit counts these. */
export async function countLinksSince(db: Kysely<Database>, kind: OneTimeTokenKind, email: string, since: string): Promise<number> {
  const { count } = await db
    .selectFrom('one_time_tokens')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('kind', '=', kind)
    .where('email', '=', email)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Holds an account's row on PostgreSQL until the transaction ends, so its new passwords (by any
 * reset link or by a change) take turns: each takes the account's row before its links' rows,
 * in one order, where taking the link first made parallel resets deadlock and answer 500.
 */
export async function lockUser(trx: Kysely<Database>, userId: string): Promise<void> {
  if (locksRows(trx)) await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/**
 * The account of an address, its row held on PostgreSQL until the transaction ends, so
 * parallel resends for one address count each other's links (SQLite runs one writer anyway).
 */
export async function findUserByEmailForUpdate(trx: Kysely<Database>, email: string) {
  let query = trx.selectFrom('users').select(['id', 'email', 'locale', 'email_verified_at', 'disabled_at']).where('email', '=', email);
  if (locksRows(trx)) query = query.forUpdate();
  return query.executeTakeFirst();
}
