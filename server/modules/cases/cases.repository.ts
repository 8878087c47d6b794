import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { locksRows } from '../../db/row-lock.ts';
import type {
  CaseEventsTable,
  CaseSubmissionsTable,
  CasesTable,
  Database,
  DeadlineExtensionsTable,
} from '../../db/schema.ts';

/** A case with its working copy (stored apart, in case_contents). */
export type CaseRow = Selectable<CasesTable> & { content: string; declaration: string };
export type CaseSubmissionRow = Selectable<CaseSubmissionsTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
/** Columns of a case and of its working copy, as one change. */
export type CaseChange = Updateable<CasesTable> & { content?: string; declaration?: string };

/** A new case and its working copy; both rows or neither, so inside a transaction. */
export async function insertCase(db: Kysely<Database>, row: Insertable<CasesTable> & { content: string; declaration?: string }): Promise<void> {
  if (!db.isTransaction) throw new Error('insertCase must run inside a transaction');
  const { content, declaration, ...caseRow } = row;
  await db.insertInto('cases').values(caseRow).execute();
  await db.insertInto('case_contents').values({ case_id: row.id, content, declaration }).execute();
}

/**
 * Holds the case row until the transaction ends, for work on the case whose check must stay true
 * until it commits (a kind's file count, the one open review link): such work on one case takes
 * turns here. PostgreSQL only: SQLite runs one transaction at a time.
 */
export async function lockCase(db: Kysely<Database>, id: string): Promise<void> {
  if (locksRows(db)) await db.selectFrom('cases').select('id').where('id', '=', id).forUpdate().execute();
}

export async function findCase(db: Kysely<Database>, id: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .innerJoin('case_contents', 'case_contents.case_id', 'cases.id')
    .selectAll('cases')
    .select(['case_contents.content', 'case_contents.declaration'])
    .where('cases.id', '=', id)
    .executeTakeFirst();
}

/**
 * The case with the latest deadline extension that applies to its unit (one for every unit or
 * for this one; core/case/deadline.ts), read in the same statement: every save and submit asks.
 */
export async function findCaseWithExtension(db: Kysely<Database>, id: string): Promise<(CaseRow & { extended_until: string | null }) | undefined> {
  return db
    .selectFrom('cases')
    .innerJoin('case_contents', 'case_contents.case_id', 'cases.id')
    .selectAll('cases')
    .select((eb) => [
      'case_contents.content',
      'case_contents.declaration',
      eb.selectFrom('deadline_extensions as e')
        .select((e) => e.fn.max('e.closes_at').as('closes_at'))
        .whereRef('e.campaign_id', '=', 'cases.campaign_id')
        .where((e) => e.or([e('e.organization_id', 'is', null), e('e.organization_id', '=', e.ref('cases.organization_id'))]))
        .as('extended_until'),
    ])
    .where('cases.id', '=', id)
    .executeTakeFirst();
}

/**
 * Updates the case only if it is still at `version` (every change names the next version);
 * false means somebody saved first. The working copy is written only when the change includes
 * it, and then only inside a transaction.
 */
export async function updateCaseAtVersion(db: Kysely<Database>, id: string, version: number, change: CaseChange & { version: number }): Promise<boolean> {
  const { content, declaration, ...values } = change;
  const withText = content !== undefined || declaration !== undefined;
  // The two rows change together or not at all.
  if (withText && !db.isTransaction) throw new Error('updateCaseAtVersion must run inside a transaction to change the text');
  const result = await db.updateTable('cases').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  if (withText) {
    const written = await db.updateTable('case_contents').set({ content, declaration }).where('case_id', '=', id).executeTakeFirst();
    if (Number(written.numUpdatedRows) !== 1) throw new Error(`case ${id} has no working copy in case_contents`);
  }
  return true;
}

export async function updateCase(db: Kysely<Database>, id: string, values: Updateable<CasesTable>): Promise<void> {
  await db.updateTable('cases').set(values).where('id', '=', id).execute();
}

export interface CaseListFilter {
  campaignId?: string;
  organizationIds?: readonly string[];
  status?: string;
}

export async function listCases(db: Kysely<Database>, filter: CaseListFilter) {
  let query = db
    .selectFrom('cases')
    .innerJoin('campaigns', 'campaigns.id', 'cases.campaign_id')
    .innerJoin('organizations', 'organizations.id', 'cases.organization_id')
    .select([
      'cases.id', 'cases.title', 'cases.status', 'cases.version', 'cases.submission_count', 'cases.recommendation',
      'cases.recommendation_sha256', 'cases.content_sha256', 'cases.recommendation_verification',
      'cases.updated_at', 'cases.created_at', 'cases.organization_id', 'cases.return_message', 'cases.return_due_at',
      'campaigns.slug as campaign_slug', 'organizations.name as organization_name',
    ])
    .orderBy('cases.updated_at', 'desc')
    .orderBy('cases.id');
  if (filter.campaignId) query = query.where('cases.campaign_id', '=', filter.campaignId);
  if (filter.organizationIds) {
    if (filter.organizationIds.length === 0) return [];
    query = query.where('cases.organization_id', 'in', filter.organizationIds);
  }
  if (filter.status) query = query.where('cases.status', '=', filter.status as CaseRow['status']);
  return query.execute();
}

export async function insertSubmission(db: Kysely<Database>, row: Insertable<CaseSubmissionsTable>): Promise<void> {
  await db.insertInto('case_submissions').values(row).execute();
}

export async function findSubmissionByRequest(db: Kysely<Database>, caseId: string, requestKey: string): Promise<CaseSubmissionRow | undefined> {
  return db.selectFrom('case_submissions').selectAll().where('case_id', '=', caseId).where('request_key', '=', requestKey).executeTakeFirst();
}

export async function listSubmissions(db: Kysely<Database>, caseId: string): Promise<CaseSubmissionRow[]> {
  return db.selectFrom('case_submissions').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function findSubmission(db: Kysely<Database>, caseId: string, seq: number): Promise<CaseSubmissionRow | undefined> {
  return db.selectFrom('case_submissions').selectAll().where('case_id', '=', caseId).where('seq', '=', seq).executeTakeFirst();
}

export async function findSubmissionByReceipt(db: Kysely<Database>, receiptNumber: string): Promise<CaseSubmissionRow | undefined> {
  return db.selectFrom('case_submissions').selectAll().where('receipt_number', '=', receiptNumber).executeTakeFirst();
}

export async function markSubmissionWithdrawn(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('case_submissions').set({ withdrawn_at: at }).where('id', '=', id).execute();
}

/** Appends an event as the case's next in order; the caller's transaction holds the case row. */
export async function insertCaseEvent(db: Kysely<Database>, row: Omit<Insertable<CaseEventsTable>, 'seq'>): Promise<void> {
  // The next number in the case's history, taken in the insert itself (one statement, not two).
  const seq = sql<number>`(select coalesce(max(seq), 0) + 1 from case_events where case_id = ${row.case_id})`;
  await db.insertInto('case_events').values({ ...row, seq }).execute();
}

export async function listCaseEvents(db: Kysely<Database>, caseId: string): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function listDeadlineExtensions(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('deadline_extensions').selectAll().where('campaign_id', '=', campaignId).orderBy('created_at').execute();
}

export async function insertDeadlineExtension(db: Kysely<Database>, row: Insertable<DeadlineExtensionsTable>): Promise<void> {
  await db.insertInto('deadline_extensions').values(row).execute();
}

/** The draft's current attachments (not removed), oldest first. */
export async function listLiveAttachments(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'kind', 'file_name', 'sha256', 'size', 'media_type', 'received_sha256', 'received_size'])
    .where('case_id', '=', caseId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
