import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CampaignReviewersTable, Database } from '../../db/schema.ts';

// SQL for a campaign's reviewer pool. Lists of addresses or names are asked in chunks so one
// query never carries thousands of parameters.

const CHUNK = 500;

async function inChunks<T, R>(items: readonly T[], ask: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await ask(items.slice(i, i + CHUNK))));
  return out;
}

export async function findPoolRowsByEmail(db: Kysely<Database>, campaignId: string, emails: readonly string[]) {
  return inChunks(emails, (chunk) => db.selectFrom('campaign_reviewers').selectAll().where('campaign_id', '=', campaignId).where('email', 'in', chunk).execute());
}

/** Of `emails`, those holding an unused, unexpired invitation to review the campaign. */
export async function findLiveInvitations(db: Kysely<Database>, campaignId: string, emails: readonly string[], nowIso: string): Promise<string[]> {
  const rows = await inChunks(emails, (chunk) => db.selectFrom('one_time_tokens').select('email').distinct()
    .where('kind', '=', 'reviewer_invite').where('subject_id', '=', campaignId).where('email', 'in', chunk)
    .where('used_at', 'is', null).where('expires_at', '>', nowIso).execute());
  return rows.map((r) => r.email);
}

/** Inserts unless the campaign already has the address; true when this call inserted it. */
export async function insertPoolRow(db: Kysely<Database>, row: Insertable<CampaignReviewersTable>): Promise<boolean> {
  const result = await db.insertInto('campaign_reviewers').values(row).onConflict((oc) => oc.columns(['campaign_id', 'email']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows) === 1;
}

export async function updatePoolRow(db: Kysely<Database>, campaignId: string, email: string, values: Updateable<CampaignReviewersTable>): Promise<void> {
  await db.updateTable('campaign_reviewers').set(values).where('campaign_id', '=', campaignId).where('email', '=', email).execute();
}

/** Registered, unmerged units by name key, for linking affiliations. */
export async function findUnitsByNameKey(db: Kysely<Database>, nameKeys: readonly string[]) {
  return inChunks([...new Set(nameKeys)], (chunk) => db.selectFrom('organizations').select(['id', 'name', 'name_key', 'division_code'])
    .where('name_key', 'in', chunk).where('merged_into', 'is', null).execute());
}

/** Addresses (lower case) of accounts that already review the campaign. */
export async function findReviewerAccounts(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('role_grants').innerJoin('users', 'users.id', 'role_grants.user_id').select(['users.id', 'users.email'])
    .where('role_grants.role', '=', 'reviewer').where('role_grants.campaign_id', '=', campaignId).execute();
}

/** The pool with the account each address has (joined or not) and the linked unit's name. */
export async function listPool(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('campaign_reviewers as r')
    .leftJoin('users as u', (j) => j.on((eb) => eb.or([eb('u.id', '=', eb.ref('r.user_id')), eb.and([eb('r.user_id', 'is', null), eb('u.email', '=', eb.ref('r.email'))])])))
    .leftJoin('organizations as o', 'o.id', 'r.affiliation_unit_id')
    .select(['r.id', 'r.email', 'r.name', 'r.expertise', 'r.capacity', 'r.division_code', 'r.affiliation', 'r.affiliation_unit_id', 'r.user_id', 'r.source',
      'u.id as account_id', 'o.name as unit_name', 'o.name_key as unit_name_key', 'o.division_code as unit_division_code'])
    .where('r.campaign_id', '=', campaignId)
    .orderBy('r.name').orderBy('r.email')
    .execute();
}

/** The account's pool row in the campaign: the one it joined, else the one of its address that nobody joined. */
export async function findPoolRowOfAccount(db: Kysely<Database>, campaignId: string, userId: string, email: string) {
  const joined = await db.selectFrom('campaign_reviewers').selectAll().where('campaign_id', '=', campaignId).where('user_id', '=', userId).executeTakeFirst();
  return joined ?? db.selectFrom('campaign_reviewers').selectAll().where('campaign_id', '=', campaignId)
    .where('email', '=', email.toLowerCase()).where('user_id', 'is', null).executeTakeFirst();
}
