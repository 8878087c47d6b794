import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// SQL of the superior organization's review: the text it last decided on, whether an address is
// a registered unit member's, and the registered units that may be chosen as a superior.

/** The content (JSON) the superior organization last decided on, if it ever did. */
export async function findReviewedContent(db: Kysely<Database>, caseId: string): Promise<string | null> {
  const row = await db.selectFrom('case_contents').select('reviewed_content').where('case_id', '=', caseId).executeTakeFirst();
  return row?.reviewed_content ?? null;
}

export async function saveReviewedContent(db: Kysely<Database>, caseId: string, content: string): Promise<void> {
  await db.updateTable('case_contents').set({ reviewed_content: content }).where('case_id', '=', caseId).execute();
}

/** The unit a (possibly merged) unit's id now leads to, following merges; undefined if none. */
export async function resolveLiveUnit(db: Kysely<Database>, id: string) {
  let current = id;
  // A merge chain is short (a duplicate folded into a survivor); the bound only guards a cycle.
  for (let hop = 0; hop < 8; hop++) {
    const row = await db.selectFrom('organizations').select(['id', 'name', 'merged_into']).where('id', '=', current).executeTakeFirst();
    if (!row) return undefined;
    if (row.merged_into === null) return { id: row.id, name: row.name };
    current = row.merged_into;
  }
  return undefined;
}

/** Registered, unmerged units whose name contains `query`, apart from `excludeId`: names only, for choosing a superior. */
export async function searchSuperiorUnits(db: Kysely<Database>, query: string, excludeId: string, limit: number) {
  const like = `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'division_code', 'level'])
    .where('merged_into', 'is', null)
    .where('id', '!=', excludeId)
    .where(sql<boolean>`lower(name) like lower(${like}) escape '\\'`)
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Cases that name one of `organizationIds` (or a unit merged into one of them) as their superior
 * organization and have asked it at least once, newest request first.
 */
export async function listCasesForSuperiorUnits(db: Kysely<Database>, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('cases')
    .innerJoin('campaigns', 'campaigns.id', 'cases.campaign_id')
    .innerJoin('organizations as unit', 'unit.id', 'cases.organization_id')
    .innerJoin('organizations as superior', 'superior.id', 'cases.superior_organization_id')
    .select([
      'cases.id', 'cases.title', 'cases.recommendation', 'cases.recommendation_sha256', 'cases.content_sha256', 'cases.recommendation_at',
      'cases.updated_at', 'campaigns.slug as campaign_slug', 'unit.name as unit_name', 'superior.name as superior_name',
    ])
    .where((eb) => eb.or([eb('superior.id', 'in', organizationIds), eb('superior.merged_into', 'in', organizationIds)]))
    .where('cases.recommendation', '!=', 'none')
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id')
    .execute();
}

/**
 * Takes the case for one decision: only at the version the superior read and while the unit's
 * request is open. On PostgreSQL the row lock makes a second decision wait and then find the
 * request answered; false means another save or decision got there first.
 */
export async function claimDecision(db: Kysely<Database>, caseId: string, version: number, contentSha256: string): Promise<boolean> {
  const result = await db.updateTable('cases').set({ content_sha256: contentSha256 })
    .where('id', '=', caseId).where('version', '=', version).where('recommendation', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
