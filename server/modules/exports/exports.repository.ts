import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The exports' SQL. Every list is read a page at a time in the order of a unique key (keyset
// pagination: "after this key", never OFFSET), so an export of 10,000 cases holds one page in
// memory and each page costs the same however deep it lies.

export const EXPORT_PAGE = 500;

/**
 * `column = campaignId` written so that neither engine can answer it from the (campaign_id, …)
 * indexes: with one, the planner fetched every later row of the campaign and sorted them for
 * each page (at 10,000 cases the first page took 127 ms, at 2,000 14 ms: the export grew with
 * the square of its size). Without, it walks the primary key in order from the last key and stops
 * after a page, which is what keyset pagination is for. An index on (campaign_id, id) would do
 * the same in a migration's hands.
 */
const inCampaign = (column: string, campaignId: string) => sql<boolean>`${sql.ref(column)} || '' = ${campaignId}`;

/** One page of the campaign's cases after `afterId`, with their unit and the category of their current version. */
export function listCasesPage(db: Kysely<Database>, campaignId: string, afterId: string, limit = EXPORT_PAGE) {
  return db.selectFrom('cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .leftJoin('screening_reports as r', 'r.submission_id', 's.id')
    .where(inCampaign('c.campaign_id', campaignId))
    .where('c.id', '>', afterId)
    .select([
      'c.id', 'c.title', 'c.status', 'c.screening', 'c.recommendation', 'c.submission_count', 'o.name as unit_name', 'o.division_code',
      's.receipt_number', 's.submitted_at', 'r.category',
    ])
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** One page of the campaign's screening decisions after `afterId`, with the case they were about. */
export function listScreeningPage(db: Kysely<Database>, campaignId: string, afterId: string, limit = EXPORT_PAGE) {
  return db.selectFrom('screening_decisions as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .where('d.campaign_id', '=', campaignId)
    .where('d.id', '>', afterId)
    .select(['d.id', 'd.case_id', 'c.title', 'o.name as unit_name', 'd.seq', 'd.decision', 'd.reason', 'd.due_at', 'd.reverses_id', 'd.actor_label', 'd.decided_at'])
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

/** One page of the campaign's review assignments after `afterId`, with the reviewer and the state of their review. */
export function listAssignmentsPage(db: Kysely<Database>, campaignId: string, afterId: string, limit = EXPORT_PAGE) {
  return db.selectFrom('review_assignments as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .innerJoin('campaign_reviewers as p', 'p.id', 'a.reviewer_id')
    .leftJoin('reviews as v', 'v.assignment_id', 'a.id')
    .where(inCampaign('a.campaign_id', campaignId))
    .where('a.id', '>', afterId)
    .select([
      'a.id', 'a.case_id', 'c.title', 'o.name as unit_name', 'p.name as reviewer_name', 'p.email as reviewer_email', 'a.state', 'a.source',
      'a.created_at', 'a.released_at', 'a.ended_at', 'a.end_reason', 'v.status as review_status', 'v.tier',
    ])
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** One page of the campaign's selection decisions after the case `afterId`, with the final result where there is one. */
export function listSelectionPage(db: Kysely<Database>, campaignId: string, afterId: string, limit = EXPORT_PAGE) {
  return db.selectFrom('selection_decisions as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .leftJoin('final_results as f', (j) => j.onRef('f.case_id', '=', 'd.case_id').onRef('f.campaign_id', '=', 'd.campaign_id'))
    .where('d.campaign_id', '=', campaignId)
    .where('d.case_id', '>', afterId)
    .select(['d.case_id', 'c.title', 'o.name as unit_name', 'd.tier', 'd.source', 'd.reason', 'u.display_name as decided_by', 'd.decided_at', 'f.tier as final_tier', 'f.serial'])
    .orderBy('d.case_id')
    .limit(limit)
    .execute();
}

/** The last suggested selection's entries (JSON), if any. */
export async function findSuggestedEntries(db: Kysely<Database>, campaignId: string): Promise<string | null> {
  const row = await db.selectFrom('selection_suggestions').select('entries').where('campaign_id', '=', campaignId).executeTakeFirst();
  return row?.entries ?? null;
}

/** One page of the campaign's objections after `afterId`, with the case objected to and who resolved it. */
export function listObjectionsPage(db: Kysely<Database>, campaignId: string, afterId: string, limit = EXPORT_PAGE) {
  return db.selectFrom('objections as j')
    .innerJoin('cases as c', 'c.id', 'j.case_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('users as u', 'u.id', 'j.resolved_by')
    .where('j.campaign_id', '=', campaignId)
    .where('j.id', '>', afterId)
    .select([
      'j.id', 'j.reference', 'j.case_id', 'c.title', 'o.name as unit_name', 'j.author_name', 'j.author_organization', 'j.phone', 'j.email', 'j.body',
      'j.status', 'j.outcome_tier', 'j.outcome_reason', 'u.display_name as resolved_by', 'j.resolved_at', 'j.created_at',
    ])
    .orderBy('j.id')
    .limit(limit)
    .execute();
}

/** Names and addresses of the campaign's pool reviewers, for the scores sheet (a pool is hundreds, not thousands). */
export function listReviewerIdentities(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('campaign_reviewers').select(['id', 'name', 'email']).where('campaign_id', '=', campaignId).execute();
}

/** Every page of a keyset-paginated list, one after another; the next page is read only when the last is used up. */
export async function* allPages<Row>(page: (after: string) => Promise<Row[]>, keyOf: (row: Row) => string): AsyncGenerator<Row[]> {
  let after = '';
  for (;;) {
    const rows = await page(after);
    if (rows.length === 0) return;
    yield rows;
    after = keyOf(rows[rows.length - 1]!);
  }
}
