import type { Insertable, Kysely } from 'kysely';
import { locksRows } from '../../db/row-lock.ts';
import type { Database } from '../../db/schema.ts';
import type { SelectionDecisionsTable, SelectionSuggestionsTable } from '../../db/schema-selection.ts';

// The selection's SQL: one suggestion row per campaign, one decision row per decided case.

/** Holds the campaign's row until the transaction ends, so selection writes on PostgreSQL take turns. */
export async function lockCampaignSelection(db: Kysely<Database>, campaignId: string): Promise<void> {
  if (locksRows(db)) await db.selectFrom('campaigns').select('id').where('id', '=', campaignId).forUpdate().execute();
}

export async function findSuggestion(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('selection_suggestions').selectAll().where('campaign_id', '=', campaignId).executeTakeFirst();
}

export async function replaceSuggestion(db: Kysely<Database>, row: Insertable<SelectionSuggestionsTable>): Promise<void> {
  await db.deleteFrom('selection_suggestions').where('campaign_id', '=', row.campaign_id).execute();
  await db.insertInto('selection_suggestions').values(row).execute();
}

export async function markAccepted(db: Kysely<Database>, campaignId: string, by: string, at: string): Promise<void> {
  await db.updateTable('selection_suggestions').set({ accepted_by: by, accepted_at: at }).where('campaign_id', '=', campaignId).execute();
}

export async function listDecisions(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('selection_decisions').selectAll().where('campaign_id', '=', campaignId).orderBy('case_id').execute();
}

/** Drops the decisions taken from a suggestion; changed ones stay. */
export async function deleteSuggestedDecisions(db: Kysely<Database>, campaignId: string): Promise<void> {
  await db.deleteFrom('selection_decisions').where('campaign_id', '=', campaignId).where('source', '=', 'suggested').execute();
}

export async function insertDecisions(db: Kysely<Database>, rows: Insertable<SelectionDecisionsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('selection_decisions').values(rows).execute();
}

/** Writes one case's decision in place of any it had. */
export async function putDecision(db: Kysely<Database>, row: Insertable<SelectionDecisionsTable>): Promise<void> {
  await db.deleteFrom('selection_decisions').where('campaign_id', '=', row.campaign_id).where('case_id', '=', row.case_id).execute();
  await db.insertInto('selection_decisions').values(row).execute();
}

/** Title and unit of these cases, by id. */
export async function findCaseLabels(db: Kysely<Database>, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .where('c.id', 'in', caseIds)
    .select(['c.id', 'c.title', 'o.name as unit_name'])
    .execute();
}
