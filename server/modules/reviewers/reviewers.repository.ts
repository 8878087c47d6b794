import type { Insertable, Kysely } from 'kysely';
import type { Database, ReviewerProfilesTable } from '../../db/schema.ts';

export async function findReviewerProfile(db: Kysely<Database>, userId: string) {
  return db.selectFrom('reviewer_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A blank profile for a new reviewer; one already there (perhaps saved a moment ago) stays as it is. */
export async function insertEmptyReviewerProfile(db: Kysely<Database>, userId: string, now: string): Promise<void> {
  await db
    .insertInto('reviewer_profiles')
    .values({ user_id: userId, expertise: '[]', organization: '', division_code: null, capacity: 0, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function upsertReviewerProfile(db: Kysely<Database>, row: Insertable<ReviewerProfilesTable>): Promise<void> {
  await db
    .insertInto('reviewer_profiles')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({
      expertise: row.expertise, organization: row.organization, division_code: row.division_code, capacity: row.capacity, updated_at: row.updated_at,
    }))
    .execute();
}

export async function listCampaignReviewers(db: Kysely<Database>, campaignId: string) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .leftJoin('reviewer_profiles', 'reviewer_profiles.user_id', 'users.id')
    .select([
      'users.id as user_id', 'users.email', 'users.display_name',
      'reviewer_profiles.expertise', 'reviewer_profiles.organization', 'reviewer_profiles.division_code', 'reviewer_profiles.capacity',
    ])
    .where('role_grants.role', '=', 'reviewer')
    .where('role_grants.campaign_id', '=', campaignId)
    .orderBy('users.display_name')
    .execute();
}
