import type { Insertable, Kysely } from 'kysely';
import type { Database, ReviewConflictsTable } from '../../db/schema.ts';

// SQL for computing and marking conflicts: a handful of set queries per campaign, never one per
// case or reviewer.

/** Cases on the review road (submitted at least once) with their unit and superior. */
export async function listCaseFacts(db: Kysely<Database>, campaignId: string, caseId?: string) {
  let query = db.selectFrom('cases as c').innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.organization_id', 'c.superior_organization_id', 'c.superior_name', 'c.superior_email',
      'o.name_key', 'o.division_code', 'o.superior_name as unit_superior_name'])
    .where('c.campaign_id', '=', campaignId).where('c.submission_count', '>', 0);
  if (caseId) query = query.where('c.id', '=', caseId);
  return query.execute();
}

/** Who recommended which case of the campaign: the account, and the label that names a mailed link's address. */
export async function listRecommendations(db: Kysely<Database>, campaignId: string, caseId?: string) {
  let query = db.selectFrom('case_events as e').innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.case_id', 'e.actor_id', 'e.actor_label'])
    .where('c.campaign_id', '=', campaignId).where('e.action', '=', 'recommend');
  if (caseId) query = query.where('e.case_id', '=', caseId);
  return query.execute();
}

export async function listMemberships(db: Kysely<Database>, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  const out: { organization_id: string; user_id: string }[] = [];
  for (let i = 0; i < userIds.length; i += 500) {
    out.push(...(await db.selectFrom('organization_members').select(['organization_id', 'user_id']).where('user_id', 'in', userIds.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function listConflictMarks(db: Kysely<Database>, campaignId: string, caseId?: string) {
  let query = db.selectFrom('review_conflicts').selectAll().where('campaign_id', '=', campaignId);
  if (caseId) query = query.where('case_id', '=', caseId);
  return query.execute();
}

/** Inserts a mark unless the pair has one of that kind; true when this call inserted it. */
export async function insertConflictMark(db: Kysely<Database>, row: Insertable<ReviewConflictsTable>): Promise<boolean> {
  const result = await db.insertInto('review_conflicts').values(row)
    .onConflict((oc) => oc.columns(['case_id', 'reviewer_id', 'kind']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows) === 1;
}

/** Replaces a dismissal's reasons unless it already covers exactly these; true when it changed. */
export async function widenDismissal(db: Kysely<Database>, caseId: string, reviewerId: string, foundReasons: string, reason: string, actorId: string, now: string): Promise<boolean> {
  const result = await db.updateTable('review_conflicts').set({ found_reasons: foundReasons, reason, actor_id: actorId, updated_at: now })
    .where('case_id', '=', caseId).where('reviewer_id', '=', reviewerId).where('kind', '=', 'dismissed').where('found_reasons', '<>', foundReasons)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateDeclaration(db: Kysely<Database>, caseId: string, reviewerId: string, reason: string, now: string): Promise<void> {
  await db.updateTable('review_conflicts').set({ reason, updated_at: now })
    .where('case_id', '=', caseId).where('reviewer_id', '=', reviewerId).where('kind', '=', 'declared').execute();
}
