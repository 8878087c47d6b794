import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublishedCasesTable } from '../../db/schema-publishing.ts';

// The SQL of published copies (migration 031): one copy per case, and what the public page reads.

/** The case with what deciding on publication needs: its latest submitted version, unit, phase and final tier. */
export async function findCaseForPublishing(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('cases as c')
    .innerJoin('campaigns as k', 'k.id', 'c.campaign_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('final_results as f', (join) => join.onRef('f.case_id', '=', 'c.id').onRef('f.campaign_id', '=', 'c.campaign_id'))
    .leftJoin('case_submissions as s', (join) => join.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .where('c.id', '=', caseId)
    .select([
      'c.id', 'c.campaign_id', 'c.status', 'c.screening', 'k.phase', 'f.tier as final_tier',
      'o.name as unit_name', 'o.division_code', 's.id as submission_id', 's.content', 's.attachments',
    ])
    .executeTakeFirst();
}

export async function findCopyByCase(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('published_cases').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function insertCopy(db: Kysely<Database>, row: Insertable<PublishedCasesTable>): Promise<void> {
  await db.insertInto('published_cases').values(row).execute();
}

/** Applies `change` if the copy is still at `version`, bumping it; false when another change came first. */
export async function updateCopy(db: Kysely<Database>, id: string, version: number, change: Updateable<PublishedCasesTable>): Promise<boolean> {
  const result = await db.updateTable('published_cases').set({ ...change, version: version + 1 })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Width and height of stored pictures, by attachment id. */
export async function findPictureSizes(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('attachments').select(['id', 'width', 'height']).where('id', 'in', ids).execute();
}

/** A copy by its public id, with its campaign's slug and the case's current status. */
export async function findPublicCopy(db: Kysely<Database>, publicId: string) {
  return db.selectFrom('published_cases as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('campaigns as k', 'k.id', 'p.campaign_id')
    .innerJoin('case_submissions as s', 's.id', 'p.submission_id')
    .leftJoin('final_results as f', (join) => join.onRef('f.case_id', '=', 'p.case_id').onRef('f.campaign_id', '=', 'p.campaign_id'))
    .where('p.id', '=', publicId)
    .select([
      'p.id', 'p.case_id', 'p.campaign_id', 'p.title', 'p.unit_name', 'p.division_code', 'p.category', 'p.summary', 'p.sections',
      'p.attachment_ids', 'p.state', 'p.published_at', 'p.first_published_at', 'p.updated_at',
      'c.status', 'c.screening', 'k.slug', 'k.phase', 'f.tier as final_tier', 's.attachments as submitted_attachments',
    ])
    .executeTakeFirst();
}
