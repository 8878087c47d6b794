import type { Insertable, Kysely } from 'kysely';
import { locksRows } from '../../db/row-lock.ts';
import type { AssignmentState, Database, ReviewAssignmentsTable } from '../../db/schema.ts';

// SQL for assignment runs and assignments: set queries per campaign, never one per case.

const CHUNK = 500;

/**
 * Serializes the assignment changes of one campaign on PostgreSQL (a run's proposal, a pair added
 * by hand, a release): each checks counts (capacity, coverage) that another could change between
 * its check and its write. SQLite runs one transaction at a time and needs no lock.
 */
export async function lockCampaignAssignments(db: Kysely<Database>, campaignId: string): Promise<void> {
  if (locksRows(db)) await db.selectFrom('campaigns').select('id').where('id', '=', campaignId).forUpdate().execute();
}

/** Passed cases of the campaign at their current submitted version, with the unit's division. */
export async function listPassedCases(db: Kysely<Database>, campaignId: string, caseId?: string) {
  let query = db.selectFrom('cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .innerJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id')
      .on((eb) => eb('s.seq', '=', eb.selectFrom('case_submissions as t').select((t) => t.fn.max('t.seq').as('m')).whereRef('t.case_id', '=', 'c.id'))))
    .select(['c.id', 'c.title', 'o.name as unit_name', 'o.division_code', 's.id as submission_id', 's.content'])
    .where('c.campaign_id', '=', campaignId).where('c.status', '=', 'submitted').where('c.screening', '=', 'passed');
  if (caseId) query = query.where('c.id', '=', caseId);
  return query.orderBy('c.id').execute();
}

export async function listAssignmentRows(db: Kysely<Database>, campaignId: string, states: readonly AssignmentState[]) {
  return db.selectFrom('review_assignments').selectAll().where('campaign_id', '=', campaignId).where('state', 'in', states).execute();
}

export async function listCaseAssignments(db: Kysely<Database>, campaignId: string, caseId: string, states: readonly AssignmentState[]) {
  return db.selectFrom('review_assignments').selectAll().where('campaign_id', '=', campaignId).where('case_id', '=', caseId).where('state', 'in', states).execute();
}

export async function findAssignment(db: Kysely<Database>, campaignId: string, id: string) {
  return db.selectFrom('review_assignments').selectAll().where('campaign_id', '=', campaignId).where('id', '=', id).executeTakeFirst();
}

export async function insertAssignments(db: Kysely<Database>, rows: readonly Insertable<ReviewAssignmentsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('review_assignments').values(rows.slice(i, i + CHUNK)).execute();
}

export async function deleteProposed(db: Kysely<Database>, campaignId: string): Promise<number> {
  const result = await db.deleteFrom('review_assignments').where('campaign_id', '=', campaignId).where('state', '=', 'proposed').executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends a proposed assignment; false when it was no longer proposed. */
export async function endProposed(db: Kysely<Database>, id: string, by: string, at: string, reason: string): Promise<boolean> {
  const result = await db.updateTable('review_assignments').set({ state: 'removed', ended_at: at, ended_by: by, end_reason: reason })
    .where('id', '=', id).where('state', '=', 'proposed').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Releases every proposed assignment of the campaign; returns those this call released. */
export async function releaseProposed(db: Kysely<Database>, campaignId: string, by: string, at: string) {
  return db.updateTable('review_assignments').set({ state: 'released', released_at: at, released_by: by })
    .where('campaign_id', '=', campaignId).where('state', '=', 'proposed')
    .returning(['id', 'case_id', 'reviewer_id']).execute();
}

/** Inserts a running run unless the campaign has one (unique index); true when this call inserted it. */
export async function insertRun(db: Kysely<Database>, row: Insertable<Database['assignment_runs']>): Promise<boolean> {
  const result = await db.insertInto('assignment_runs').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows) === 1;
}

export async function findLatestRun(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('assignment_runs').selectAll().where('campaign_id', '=', campaignId)
    .orderBy((eb) => eb.case().when('status', '=', 'running').then(0).else(1).end()).orderBy('started_at', 'desc').orderBy('finished_at', 'desc')
    .executeTakeFirst();
}

/** Marks runs left running by a process that stopped (older than `before`) as failed. */
export async function failStaleRuns(db: Kysely<Database>, campaignId: string, before: string, at: string): Promise<void> {
  await db.updateTable('assignment_runs').set({ status: 'failed', error: 'abandoned', finished_at: at })
    .where('campaign_id', '=', campaignId).where('status', '=', 'running').where('started_at', '<', before).execute();
}

export async function updateRunProgress(db: Kysely<Database>, id: string, progress: string): Promise<void> {
  await db.updateTable('assignment_runs').set({ progress }).where('id', '=', id).where('status', '=', 'running').execute();
}

/** Ends a running run; false when it was not running any more (marked abandoned meanwhile). */
export async function finishRun(db: Kysely<Database>, id: string, values: { status: 'done' | 'failed'; result: string | null; error: string | null; finished_at: string }): Promise<boolean> {
  const result = await db.updateTable('assignment_runs').set(values).where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Locale of the accounts behind pool rows (joined or with the same address). */
export async function findReviewerLocales(db: Kysely<Database>, userIds: readonly string[]) {
  const out: { id: string; locale: string }[] = [];
  for (let i = 0; i < userIds.length; i += CHUNK) {
    out.push(...(await db.selectFrom('users').select(['id', 'locale']).where('id', 'in', userIds.slice(i, i + CHUNK)).execute()));
  }
  return out;
}
