import type { Insertable, Kysely } from 'kysely';
import { locksRows } from '../../db/row-lock.ts';
import type { Database } from '../../db/schema.ts';
import type { FinalResultsTable, NoticesTable, ObjectionFilesTable, ObjectionsTable } from '../../db/schema-notice.ts';

// The notice's SQL: one notice row per campaign, its objections, and the final results.

export async function findNotice(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('notices').selectAll().where('campaign_id', '=', campaignId).executeTakeFirst();
}

export async function insertNotice(db: Kysely<Database>, row: Insertable<NoticesTable>): Promise<void> {
  await db.insertInto('notices').values(row).execute();
}

export async function markFinalized(db: Kysely<Database>, campaignId: string, by: string, at: string): Promise<void> {
  await db.updateTable('notices').set({ finalized_by: by, finalized_at: at }).where('campaign_id', '=', campaignId).execute();
}

export async function insertObjection(db: Kysely<Database>, row: Insertable<ObjectionsTable>): Promise<void> {
  await db.insertInto('objections').values(row).execute();
}

/** An earlier objection with the same case, text, author and contact: a second click or a resent form. */
export async function findSameObjection(db: Kysely<Database>, row: Pick<ObjectionsTable, 'campaign_id' | 'case_id' | 'body' | 'phone' | 'email' | 'author_name' | 'author_organization'>) {
  let query = db.selectFrom('objections').select(['id', 'reference', 'email', 'status'])
    .where('campaign_id', '=', row.campaign_id).where('case_id', '=', row.case_id).where('body', '=', row.body)
    .where('author_name', '=', row.author_name).where('author_organization', '=', row.author_organization);
  query = row.phone === null ? query.where('phone', 'is', null) : query.where('phone', '=', row.phone);
  query = row.email === null ? query.where('email', 'is', null) : query.where('email', '=', row.email);
  return query.executeTakeFirst();
}

export async function listObjections(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('objections as o')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .innerJoin('organizations as org', 'org.id', 'c.organization_id')
    .leftJoin('users as u', 'u.id', 'o.resolved_by')
    .where('o.campaign_id', '=', campaignId)
    .select(['o.id', 'o.reference', 'o.case_id', 'o.author_name', 'o.author_organization', 'o.phone', 'o.email', 'o.body', 'o.status', 'o.outcome_tier', 'o.outcome_reason', 'o.resolved_at', 'o.created_at',
      'c.title as case_title', 'org.name as unit_name', 'u.display_name as resolver_name'])
    .orderBy('o.created_at').orderBy('o.id')
    .execute();
}

export async function findObjection(db: Kysely<Database>, campaignId: string, id: string) {
  return db.selectFrom('objections').selectAll().where('campaign_id', '=', campaignId).where('id', '=', id).executeTakeFirst();
}

export async function countOpenObjections(db: Kysely<Database>, campaignId: string): Promise<number> {
  const row = await db.selectFrom('objections').select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('campaign_id', '=', campaignId).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records the outcome of an open objection; false when it was no longer open. */
export async function resolveObjectionRow(
  db: Kysely<Database>, id: string, outcome: Pick<ObjectionsTable, 'status' | 'outcome_tier' | 'outcome_reason' | 'resolved_by' | 'resolved_at'>,
): Promise<boolean> {
  const result = await db.updateTable('objections').set(outcome).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The final tier of each case on a finalized campaign's list, by case id. */
export async function listFinalResults(db: Kysely<Database>, campaignId: string): Promise<Map<string, { tier: 'best' | 'excellent'; serial: string }>> {
  const rows = await db.selectFrom('final_results').select(['case_id', 'tier', 'serial']).where('campaign_id', '=', campaignId).execute();
  return new Map(rows.map((r) => [r.case_id, { tier: r.tier, serial: r.serial }]));
}

export async function insertFinalResults(db: Kysely<Database>, rows: Insertable<FinalResultsTable>[]): Promise<void> {
  // Bound parameters stay well under SQLite's limit at 5 columns × 500 rows.
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('final_results').values(rows.slice(i, i + 500)).execute();
}

/** Each submitted case of the campaign with who submitted it, to tell them the result. */
export async function listSubmittedCases(db: Kysely<Database>, campaignId: string) {
  // The submitter of the case's latest submission.
  return db.selectFrom('cases as c')
    .innerJoin('case_submissions as s', 's.case_id', 'c.id')
    .innerJoin('users as u', 'u.id', 's.submitted_by')
    .where('c.campaign_id', '=', campaignId).where('c.status', '=', 'submitted')
    .where(({ eb, selectFrom }) => eb('s.seq', '=', selectFrom('case_submissions as l').select((e) => e.fn.max('l.seq').as('m')).whereRef('l.case_id', '=', 'c.id')))
    .select(['c.id', 'c.title', 'u.email', 'u.locale'])
    .orderBy('c.id')
    .execute();
}

export async function saveUploadToken(db: Kysely<Database>, objectionId: string, hash: string, expiresAt: string): Promise<void> {
  await db.updateTable('objections').set({ upload_token_hash: hash, upload_token_expires_at: expiresAt }).where('id', '=', objectionId).execute();
}

/** An objection with its upload token and its notice's times, for an evidence upload. */
export async function findEvidenceTarget(db: Kysely<Database>, objectionId: string) {
  return db.selectFrom('objections as o').innerJoin('notices as n', 'n.campaign_id', 'o.campaign_id')
    .select(['o.id', 'o.campaign_id', 'o.status', 'o.upload_token_hash', 'o.upload_token_expires_at', 'n.ends_at', 'n.finalized_at'])
    .where('o.id', '=', objectionId).executeTakeFirst();
}

/** The evidence files of a campaign's objections, oldest first. */
export async function listObjectionFiles(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('objection_files as f').innerJoin('objections as o', 'o.id', 'f.objection_id')
    .where('o.campaign_id', '=', campaignId)
    .select(['f.id', 'f.objection_id', 'f.file_name', 'f.size', 'f.media_type', 'f.sha256', 'f.created_at'])
    .orderBy('f.created_at').orderBy('f.id').execute();
}

/** One evidence file of an objection of the campaign. */
export async function findObjectionFile(db: Kysely<Database>, campaignId: string, objectionId: string, fileId: string) {
  return db.selectFrom('objection_files as f').innerJoin('objections as o', 'o.id', 'f.objection_id')
    .where('o.campaign_id', '=', campaignId).where('f.objection_id', '=', objectionId).where('f.id', '=', fileId)
    .select(['f.file_name', 'f.size', 'f.media_type', 'f.sha256']).executeTakeFirst();
}

export async function countObjectionFiles(db: Kysely<Database>, objectionId: string): Promise<number> {
  const row = await db.selectFrom('objection_files').select((eb) => eb.fn.countAll<string | number>().as('n')).where('objection_id', '=', objectionId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertObjectionFile(db: Kysely<Database>, row: Insertable<ObjectionFilesTable>): Promise<void> {
  await db.insertInto('objection_files').values(row).execute();
}

/** Holds the objection's row until the transaction ends (PostgreSQL; SQLite writes one at a time). */
export async function lockObjection(db: Kysely<Database>, id: string): Promise<void> {
  if (locksRows(db)) await db.selectFrom('objections').select('id').where('id', '=', id).forUpdate().execute();
}
