import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { locksRows } from '../../db/row-lock.ts';
import type { Database, OrganizationMembersTable, OrganizationsTable } from '../../db/schema.ts';

export type OrganizationRow = Selectable<OrganizationsTable>;

export async function insertOrganization(db: Kysely<Database>, row: Insertable<OrganizationsTable>): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}

export async function findLiveOrganization(db: Kysely<Database>, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).where('merged_into', 'is', null).executeTakeFirst();
}

/**
 * The live unit, held until the transaction ends: 'share' by work that adds to the unit (a case,
 * a member, an invitation), 'update' by a merge, so neither lands on a unit merged meanwhile.
 */
export async function lockLiveOrganization(trx: Kysely<Database>, id: string, mode: 'share' | 'update'): Promise<OrganizationRow | undefined> {
  let query = trx.selectFrom('organizations').selectAll().where('id', '=', id).where('merged_into', 'is', null);
  if (locksRows(trx)) query = mode === 'share' ? query.forShare() : query.forUpdate();
  return query.executeTakeFirst();
}

/** The live unit a merged-away unit was folded into (merges repoint older aliases, so one step). */
export async function findSurvivorOf(db: Kysely<Database>, mergedId: string): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom('organizations as merged')
    .innerJoin('organizations', 'organizations.id', 'merged.merged_into')
    .selectAll('organizations')
    .where('merged.id', '=', mergedId)
    .where('organizations.merged_into', 'is', null)
    .executeTakeFirst();
}

export async function findOrganizationByName(db: Kysely<Database>, divisionCode: string, nameKey: string): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('division_code', '=', divisionCode)
    .where('name_key', '=', nameKey)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

export async function updateOrganization(db: Kysely<Database>, id: string, values: Updateable<OrganizationsTable>): Promise<void> {
  await db.updateTable('organizations').set(values).where('id', '=', id).execute();
}

/** Adds the member unless already one (the primary key decides); true when added now. */
export async function insertMember(db: Kysely<Database>, row: Insertable<OrganizationMembersTable>): Promise<boolean> {
  const result = await db
    .insertInto('organization_members')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows) === 1;
}

/**
 * Whether `email` (trimmed, any case) is the address of a member of the unit, or, with no unit
 * named, of any registered unit that was not merged away.
 */
export async function isMemberAddress(db: Kysely<Database>, organizationId: string | undefined, email: string): Promise<boolean> {
  let query = db
    .selectFrom('organization_members')
    .innerJoin('users', 'users.id', 'organization_members.user_id')
    .innerJoin('organizations', 'organizations.id', 'organization_members.organization_id')
    .select('users.id')
    .where(sql<boolean>`lower(users.email) = ${email.trim().toLowerCase()}`);
  query = organizationId === undefined
    ? query.where('organizations.merged_into', 'is', null)
    : query.where('organization_members.organization_id', '=', organizationId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function listMembers(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('organization_members')
    .innerJoin('users', 'users.id', 'organization_members.user_id')
    .select(['users.id as user_id', 'users.email', 'users.display_name', 'organization_members.role', 'organization_members.created_at'])
    .where('organization_members.organization_id', '=', organizationId)
    // The owner first ('owner' sorts after 'operator'), then in the order they joined.
    .orderBy('organization_members.role', 'desc')
    .orderBy('organization_members.created_at')
    .orderBy('users.email')
    .execute();
}

/** Moves every member of `from` into `into` as an operator; `into` keeps its own owner. The number moved. */
export async function moveMembers(db: Kysely<Database>, from: string, into: string): Promise<number> {
  const members = await db.selectFrom('organization_members').selectAll().where('organization_id', '=', from).execute();
  for (const m of members) {
    await insertMember(db, { ...m, organization_id: into, role: 'operator' });
  }
  await db.deleteFrom('organization_members').where('organization_id', '=', from).execute();
  return members.length;
}

export interface OrganizationFilter {
  query?: string | undefined;
  type?: string | undefined;
  level?: string | undefined;
  divisionPrefix?: string | undefined;
  /** Only units this user belongs to; unset for organizers, who see all. */
  memberUserId?: string | undefined;
}

function filtered(db: Kysely<Database>, filter: OrganizationFilter) {
  let q = db.selectFrom('organizations').where('merged_into', 'is', null);
  if (filter.query) {
    const like = `%${filter.query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const code = filter.query.toUpperCase();
    q = q.where((eb) => eb.or([
      sql<boolean>`lower(name) like lower(${like}) escape '\\'`,
      sql<boolean>`lower(contact_email) like lower(${like}) escape '\\'`,
      eb('credit_code', '=', code),
    ]));
  }
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.level) q = q.where('level', '=', filter.level as OrganizationsTable['level']);
  if (filter.divisionPrefix) q = q.where('division_code', 'like', `${filter.divisionPrefix}%`);
  if (filter.memberUserId) {
    const userId = filter.memberUserId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('organization_members').select('organization_id').where('user_id', '=', userId));
  }
  return q;
}

export async function searchOrganizations(db: Kysely<Database>, filter: OrganizationFilter, page: { limit: number; offset: number }) {
  const [{ total }, items] = await Promise.all([
    filtered(db, filter).select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow(),
    filtered(db, filter).selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number(total), items };
}

export async function listOwnerEmails(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('organization_members')
    .innerJoin('users', 'users.id', 'organization_members.user_id')
    .select(['users.email', 'users.locale'])
    .where('organization_members.organization_id', '=', organizationId)
    .where('organization_members.role', '=', 'owner')
    .execute();
}
