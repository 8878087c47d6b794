import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, RoleGrantsTable, UsersTable } from '../../db/schema.ts';

export type UserRow = Selectable<UsersTable>;

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertUser(db: Kysely<Database>, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Grants the role unless the person already holds it there (a unique index decides); true when granted now. */
export async function insertRoleGrant(db: Kysely<Database>, row: Insertable<RoleGrantsTable>): Promise<boolean> {
  const result = await db.insertInto('role_grants').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows) === 1;
}

export async function countPlatformOrganizers(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom('role_grants')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('role', '=', 'organizer')
    .where('campaign_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function listRoleGrants(db: Kysely<Database>, userId: string): Promise<Selectable<RoleGrantsTable>[]> {
  return db.selectFrom('role_grants').selectAll().where('user_id', '=', userId).execute();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  values: Pick<Updateable<UsersTable>, 'password_hash' | 'display_name' | 'email_verified_at' | 'locale' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

export async function listOrganizerAccounts(db: Kysely<Database>) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .leftJoin('campaigns', 'campaigns.id', 'role_grants.campaign_id')
    .select(['users.id as user_id', 'users.email', 'users.display_name', 'campaigns.slug as campaign_slug', 'role_grants.created_at'])
    .where('role_grants.role', '=', 'organizer')
    .orderBy('users.email')
    .execute();
}
