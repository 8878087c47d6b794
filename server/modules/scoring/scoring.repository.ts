import { sql, type Insertable, type Kysely } from 'kysely';
import { locksRows } from '../../db/row-lock.ts';
import type { Database, ReviewsTable } from '../../db/schema.ts';

// SQL for a reviewer's own assignments and reviews. Every query that starts from an assignment
// names the pool rows of the calling account, so no query can reach another reviewer's rows.

/** The pool rows (one per campaign) that are this account's: joined by account, or by address before joining. */
const ownPoolRows = (db: Kysely<Database>, userId: string, email: string) => db.selectFrom('campaign_reviewers').select('id')
  .where((eb) => eb.or([eb('user_id', '=', userId), eb.and([eb('user_id', 'is', null), eb('email', '=', email.toLowerCase())])]));

const assignmentColumns = [
  'a.id', 'a.campaign_id', 'a.case_id', 'a.reviewer_id', 'a.submission_id', 'a.definition_version', 'a.released_at',
  's.seq', 's.content as submitted_content', 's.attachments as submitted_attachments', 's.submitted_at',
  'o.name as unit_name', 'o.division_code as unit_division_code', 'o.address as unit_address', 'o.contact_name', 'o.contact_position',
  'o.contact_phone', 'o.contact_email', 'o.superior_name as unit_superior_name', 'c.superior_name as case_superior_name',
] as const;

function assignmentsQuery(db: Kysely<Database>, userId: string, email: string) {
  return db.selectFrom('review_assignments as a')
    .innerJoin('case_submissions as s', 's.id', 'a.submission_id')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .where('a.state', '=', 'released')
    .where('a.reviewer_id', 'in', ownPoolRows(db, userId, email));
}

/** The account's released assignments in these campaigns, oldest release first. */
export async function listOwnAssignments(db: Kysely<Database>, userId: string, email: string, campaignIds: readonly string[]) {
  if (campaignIds.length === 0) return [];
  return assignmentsQuery(db, userId, email).where('a.campaign_id', 'in', campaignIds).select(assignmentColumns)
    .orderBy('a.released_at').orderBy('a.id').execute();
}

/** One released assignment of the account; undefined for anyone else's, or one handed back or removed. */
export async function findOwnAssignment(db: Kysely<Database>, userId: string, email: string, id: string) {
  return assignmentsQuery(db, userId, email).where('a.id', '=', id).select(assignmentColumns).executeTakeFirst();
}
export type OwnAssignment = NonNullable<Awaited<ReturnType<typeof findOwnAssignment>>>;

/** Locks the assignment row against a hand-back or a save running beside this one; its state as committed. */
export async function lockAssignment(db: Kysely<Database>, id: string) {
  let query = db.selectFrom('review_assignments').select(['id', 'state']).where('id', '=', id);
  if (locksRows(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findReviewsOf(db: Kysely<Database>, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return db.selectFrom('reviews').selectAll().where('assignment_id', 'in', assignmentIds).execute();
}

export async function findReviewOf(db: Kysely<Database>, assignmentId: string) {
  return db.selectFrom('reviews').selectAll().where('assignment_id', '=', assignmentId).executeTakeFirst();
}
export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReviewOf>>>;

/** The first save; false when another save made the row first. */
export async function insertReview(db: Kysely<Database>, row: Insertable<ReviewsTable>): Promise<boolean> {
  const result = await db.insertInto('reviews').values(row).onConflict((oc) => oc.column('assignment_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows) === 1;
}

/** Saves over the draft at `version`; false when it is no longer that version or no longer a draft. */
export async function updateDraftReview(
  db: Kysely<Database>, assignmentId: string, version: number,
  values: { scores: string; comment: string; tier: ReviewsTable['tier']; status: 'draft' | 'submitted'; updated_at: string; submitted_at: string | null },
): Promise<boolean> {
  const result = await db.updateTable('reviews').set({ ...values, version: sql<number>`version + 1` })
    .where('assignment_id', '=', assignmentId).where('version', '=', version).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends a released assignment; false when it was no longer released. */
export async function handBackAssignment(db: Kysely<Database>, id: string, actorId: string, reason: string, now: string): Promise<boolean> {
  const result = await db.updateTable('review_assignments').set({ state: 'handed_back', ended_at: now, ended_by: actorId, end_reason: reason })
    .where('id', '=', id).where('state', '=', 'released').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Accounts (address, locale) that organize the campaign, the platform's organizers included. */
export async function findCampaignOrganizers(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('role_grants as g').innerJoin('users as u', 'u.id', 'g.user_id').select(['u.email', 'u.locale']).distinct()
    .where('g.role', '=', 'organizer').where((eb) => eb.or([eb('g.campaign_id', '=', campaignId), eb('g.campaign_id', 'is', null)]))
    .orderBy('u.email').execute();
}
