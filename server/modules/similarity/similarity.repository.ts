import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ReferenceCasesTable, SimilarityMatchesTable } from '../../db/schema-review.ts';
import { locksRows } from '../../db/row-lock.ts';

// Rows of the near-duplicate check: case signatures, reference cases and the matches found.

/** A case's latest submitted version (withdrawn or not), with its campaign. */
export async function findLatestSubmission(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('case_submissions as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.id', 's.content', 's.attachments', 's.withdrawn_at', 'c.campaign_id', 'c.status'])
    .where('s.case_id', '=', caseId)
    .orderBy('s.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listCampaignSignatures(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('case_signatures').select(['case_id', 'submission_id', 'signature', 'shingles']).where('campaign_id', '=', campaignId).execute();
}

export async function listReferenceSignatures(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('reference_cases').select(['id', 'signature', 'shingles']).where('campaign_id', '=', campaignId).execute();
}

/** The canonical content of the given submitted versions, by submission id. */
export async function listSubmissionContents(db: Kysely<Database>, submissionIds: readonly string[]) {
  if (submissionIds.length === 0) return [];
  return db.selectFrom('case_submissions').select(['id', 'case_id', 'content']).where('id', 'in', submissionIds).execute();
}

export async function listReferenceTexts(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('reference_cases').select(['id', 'source', 'title', 'unit_name', 'text']).where('id', 'in', ids).execute();
}

/**
 * Serializes the writes of near-duplicate checks of one campaign until the transaction ends, so a
 * check compares against signatures no other check changes meanwhile. PostgreSQL only: SQLite
 * runs one transaction at a time.
 */
export async function lockCampaignSimilarity(db: Kysely<Database>, campaignId: string): Promise<void> {
  if (locksRows(db)) await sql`select pg_advisory_xact_lock(hashtextextended(${`similarity:${campaignId}`}, 0))`.execute(db);
}

export async function replaceSignature(db: Kysely<Database>, row: { case_id: string; campaign_id: string; submission_id: string; signature: string; shingles: number; computed_at: string }) {
  await db.deleteFrom('case_signatures').where('case_id', '=', row.case_id).execute();
  await db.insertInto('case_signatures').values(row).execute();
}

export async function deleteSignature(db: Kysely<Database>, caseId: string) {
  await db.deleteFrom('case_signatures').where('case_id', '=', caseId).execute();
}

/** Removes every match naming the case, in either direction. */
export async function deleteMatchesOf(db: Kysely<Database>, caseId: string) {
  await db.deleteFrom('similarity_matches').where((eb) => eb.or([eb('case_id', '=', caseId), eb('other_case_id', '=', caseId)])).execute();
}

export async function insertMatches(db: Kysely<Database>, rows: Insertable<SimilarityMatchesTable>[]) {
  if (rows.length > 0) await db.insertInto('similarity_matches').values(rows).execute();
}

export async function listMatchesOf(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('similarity_matches').selectAll().where('case_id', '=', caseId).orderBy('exact', 'desc').orderBy('id').execute();
}

export async function findSignature(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('case_signatures').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** The submitted version each case's stored signature was made from. */
export async function listSignatureSubmissions(db: Kysely<Database>, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('case_signatures').select(['case_id', 'submission_id']).where('case_id', 'in', caseIds).execute();
}

/** Titles and units of cases, for naming the other side of a match. */
export async function listCaseNames(db: Kysely<Database>, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.title', 'o.name as unit_name'])
    .where('c.id', 'in', caseIds)
    .execute();
}

/** Files of other submitted (or returned) cases of the campaign with one of these SHA-256 hashes, as stored or as received. */
export async function findFilesWithHashes(db: Kysely<Database>, campaignId: string, exceptCaseId: string, hashes: readonly string[]) {
  if (hashes.length === 0) return [];
  return db.selectFrom('attachments as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .select(['a.case_id', 'a.file_name', 'a.sha256', 'a.received_sha256', 'c.title'])
    .where('c.campaign_id', '=', campaignId)
    .where('c.id', '!=', exceptCaseId)
    .where('c.status', 'in', ['submitted', 'returned'])
    .where('a.removed_at', 'is', null)
    .where((eb) => eb.or([eb('a.sha256', 'in', hashes), eb('a.received_sha256', 'in', hashes)]))
    .orderBy('c.title')
    .orderBy('a.file_name')
    .execute();
}

export async function findReferencesByHash(db: Kysely<Database>, campaignId: string, hashes: readonly string[]) {
  if (hashes.length === 0) return [];
  return db.selectFrom('reference_cases').select(['source', 'text_sha256']).where('campaign_id', '=', campaignId).where('text_sha256', 'in', hashes).execute();
}

/** Inserts a reference case unless its source and text are already there. True when this call inserted it. */
export async function insertReferenceOnce(db: Kysely<Database>, row: Insertable<ReferenceCasesTable>): Promise<boolean> {
  const inserted = await db.insertInto('reference_cases').values(row)
    .onConflict((oc) => oc.columns(['campaign_id', 'source', 'text_sha256']).doNothing()).returning('id').execute();
  return inserted.length > 0;
}

export async function countReferences(db: Kysely<Database>, campaignId: string) {
  const row = await db.selectFrom('reference_cases').select((eb) => eb.fn.countAll<number | string>().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The submitted cases of a campaign whose latest version stands: what a campaign-wide check goes over. */
export async function listCheckedCaseIds(db: Kysely<Database>, campaignId: string) {
  const rows = await db.selectFrom('cases').select('id').where('campaign_id', '=', campaignId).where('status', 'in', ['submitted', 'returned']).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Near-duplicate jobs of a case (or of its whole campaign) not yet finished. */
export async function countPendingChecks(db: Kysely<Database>, keys: { casePrefix: string; campaignPrefix: string }) {
  const row = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('done_at', 'is', null).where('failed_at', 'is', null)
    .where((eb) => eb.or([eb('unique_key', 'like', `${keys.casePrefix}%`), eb('unique_key', 'like', `${keys.campaignPrefix}%`)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
