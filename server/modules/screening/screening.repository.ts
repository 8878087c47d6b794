import { sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { ScreeningFlag, ScreeningQuery } from '../../../core/screening/screening-query.ts';
import type { Database, ScreeningDecisionsTable, ScreeningReportsTable } from '../../db/schema.ts';
import { locksRows } from '../../db/row-lock.ts';

// SQL of the screening queue: every case of a campaign whose current submitted version awaits or
// had screening, with its format report, similarity and same-file facts, filtered, counted and
// paged in the database so a campaign of thousands of cases never travels whole.

const ON_THE_ROAD = ['submitted', 'returned'] as const;

function queueBase(db: Kysely<Database>, campaignId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('screening_reports as r', 'r.submission_id', 's.id')
    .where('c.campaign_id', '=', campaignId)
    .where('c.status', 'in', ON_THE_ROAD);
}

const matchCount = sql<number>`(select count(*) from similarity_matches m where m.case_id = c.id and m.submission_id = s.id)`;
const topExact = sql<number | null>`(select max(m.exact) from similarity_matches m where m.case_id = c.id and m.submission_id = s.id)`;
// Another live case of the campaign holds a file with the same bytes.
const sameFile = sql<SqlBool>`exists (select 1 from attachments a join attachments b on b.sha256 = a.sha256 and b.case_id <> a.case_id
  join cases oc on oc.id = b.case_id
  where a.case_id = c.id and a.removed_at is null and b.removed_at is null and oc.campaign_id = c.campaign_id and oc.status in ('submitted', 'returned'))`;
// The recommendation stands only on the text it was given on.
const notRecommended = sql<SqlBool>`(c.recommendation <> 'recommended' or r.content_sha256 is null or c.recommendation_sha256 is null or c.recommendation_sha256 <> r.content_sha256)`;
const hasProblems = sql<SqlBool>`coalesce(r.problem_count, 0) > 0`;
const similar = sql<SqlBool>`exists (select 1 from similarity_matches m where m.case_id = c.id and m.submission_id = s.id)`;

const FLAG_CONDITIONS: Record<ScreeningFlag, Expression<SqlBool>> = { similar, same_file: sameFile, not_recommended: notRecommended, preflight: hasProblems };
const asCount = (condition: Expression<SqlBool>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

type Parts = Pick<ScreeningQuery, 'category' | 'province' | 'q'> & { state?: ScreeningQuery['state']; flags?: ScreeningFlag[] };

function stateCondition(state: NonNullable<ScreeningQuery['state']>) {
  return state === 'returned' ? sql<SqlBool>`c.status = 'returned'` : sql<SqlBool>`(c.status = 'submitted' and c.screening = ${state})`;
}

function filtered(db: Kysely<Database>, campaignId: string, f: Parts) {
  let query = queueBase(db, campaignId);
  if (f.category) query = query.where('r.category', '=', f.category);
  if (f.province) query = query.where('o.division_code', 'like', `${f.province}%`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) => eb.or([sql<SqlBool>`c.title like ${pattern} escape '\\'`, sql<SqlBool>`o.name like ${pattern} escape '\\'`]));
  }
  if (f.state) query = query.where(stateCondition(f.state));
  for (const flag of f.flags ?? []) query = query.where(FLAG_CONDITIONS[flag]);
  return query;
}

const SORTS = {
  submitted: sql`s.submitted_at`,
  similarity: sql`coalesce(${topExact}, -1)`,
  title: sql`c.title`,
  unit: sql`o.name`,
} as const;

/** One page of the queue, in the query's order. */
export async function listQueuePage(db: Kysely<Database>, campaignId: string, q: ScreeningQuery) {
  return filtered(db, campaignId, q)
    .select([
      'c.id as case_id', 'c.title', 'c.status', 'c.screening', 'c.recommendation', 'c.return_message', 'c.return_due_at',
      'o.name as unit_name', 'o.division_code', 's.id as submission_id', 's.seq', 's.submitted_at', 's.attachments',
      'r.category', 'r.problems',
    ])
    .select([matchCount.as('match_count'), topExact.as('top_exact'), sql<number>`case when ${sameFile} then 1 else 0 end`.as('same_file'),
      sql<number>`case when ${notRecommended} then 1 else 0 end`.as('not_recommended')])
    .orderBy(SORTS[q.sort], q.order)
    .orderBy('c.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

/** How many cases match, and how many each state and flag would leave: states under the flags chosen, flags under the state chosen. */
export async function countQueue(db: Kysely<Database>, campaignId: string, q: ScreeningQuery) {
  const total = await filtered(db, campaignId, q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const states = await filtered(db, campaignId, { ...q, state: null })
    .select([
      asCount(stateCondition('pending')).as('pending'), asCount(stateCondition('passed')).as('passed'),
      asCount(stateCondition('rejected')).as('rejected'), asCount(stateCondition('returned')).as('returned'),
    ])
    .executeTakeFirstOrThrow();
  const flags = await filtered(db, campaignId, { ...q, flags: [] })
    .select([asCount(similar).as('similar'), asCount(sameFile).as('same_file'), asCount(notRecommended).as('not_recommended'), asCount(hasProblems).as('preflight')])
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  return {
    total: n(total.n),
    states: { pending: n(states.pending), passed: n(states.passed), rejected: n(states.rejected), returned: n(states.returned) },
    flags: { similar: n(flags.similar), same_file: n(flags.same_file), not_recommended: n(flags.not_recommended), preflight: n(flags.preflight) },
  };
}

// Without a report under `definitionVersion` or a later one: an instance that has not seen a
// definition change yet leaves the newer reports alone.
function unreported(db: Kysely<Database>, campaignId: string, definitionVersion: number) {
  return queueBase(db, campaignId).where((eb) => eb.or([eb('r.submission_id', 'is', null), eb('r.definition_version', '<', definitionVersion)]));
}

/** Ids of the campaign's current submitted versions without a format report under `definitionVersion`, in order. */
export async function listUnreportedSubmissionIds(db: Kysely<Database>, campaignId: string, definitionVersion: number): Promise<string[]> {
  const rows = await unreported(db, campaignId, definitionVersion).select('s.id').orderBy('s.id').execute();
  return rows.map((r) => r.id);
}

/** What a format report is made of, for those of `ids` still without one (another request may have written it meanwhile). */
export async function listSubmissionsToReport(db: Kysely<Database>, campaignId: string, definitionVersion: number, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return unreported(db, campaignId, definitionVersion)
    .where('s.id', 'in', ids)
    .select(['s.id as submission_id', 'c.id as case_id', 'c.organization_id', 'c.superior_name', 's.content', 's.attachments'])
    .orderBy('s.id')
    .execute();
}

// Rows per statement: 9 values each stays far below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const REPORTS_PER_INSERT = 500;

/**
 * Saves reports in few statements. A version's report is replaced only by one made under a later
 * definition: two requests writing the same report at once leave the first, and neither fails.
 * Rows go in submission id order, so two writers on PostgreSQL lock them in the same order.
 */
export async function saveReports(db: Kysely<Database>, rows: readonly Insertable<ScreeningReportsTable>[]): Promise<void> {
  const sorted = [...rows].sort((a, b) => (a.submission_id < b.submission_id ? -1 : 1));
  for (let i = 0; i < sorted.length; i += REPORTS_PER_INSERT) {
    await db.insertInto('screening_reports').values(sorted.slice(i, i + REPORTS_PER_INSERT))
      .onConflict((oc) => oc.column('submission_id')
        .doUpdateSet((eb) => ({
          category: eb.ref('excluded.category'), content_sha256: eb.ref('excluded.content_sha256'), problems: eb.ref('excluded.problems'),
          problem_count: eb.ref('excluded.problem_count'), definition_version: eb.ref('excluded.definition_version'), checked_at: eb.ref('excluded.checked_at'),
        }))
        .where('screening_reports.definition_version', '<', (eb) => eb.ref('excluded.definition_version')))
      .execute();
  }
}

/**
 * The cases named, as they stand for a decision: locked (PostgreSQL) in id order so that two
 * bulk decisions over overlapping selections take turns instead of deadlocking.
 */
export async function lockDecidableCases(db: Kysely<Database>, campaignId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const sorted = [...caseIds].sort();
  let query = db.selectFrom('cases as c')
    .innerJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .select(['c.id', 'c.title', 'c.status', 'c.screening', 's.id as submission_id', 's.seq', 's.submitted_by'])
    .where('c.campaign_id', '=', campaignId)
    .where('c.id', 'in', sorted)
    .orderBy('c.id');
  if (locksRows(db)) query = query.forUpdate();
  return query.execute();
}

export async function setScreening(db: Kysely<Database>, caseId: string, from: 'pending' | 'passed' | 'rejected', to: 'pending' | 'passed' | 'rejected', at: string): Promise<boolean> {
  const result = await db.updateTable('cases').set({ screening: to, updated_at: at })
    .where('id', '=', caseId).where('status', '=', 'submitted').where('screening', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Appends a decision to the case's list; the caller holds the case's row lock. */
export async function insertDecision(db: Kysely<Database>, row: Omit<Insertable<ScreeningDecisionsTable>, 'ordinal'>): Promise<void> {
  const last = await db.selectFrom('screening_decisions').select(sql<number | null>`max(ordinal)`.as('n')).where('case_id', '=', row.case_id).executeTakeFirst();
  await db.insertInto('screening_decisions').values({ ...row, ordinal: Number(last?.n ?? 0) + 1 }).execute();
}

/** The decision a reversal undoes: the latest pass or rejection of the submission not yet reversed. */
export async function findStandingDecision(db: Kysely<Database>, caseId: string, submissionId: string) {
  return db.selectFrom('screening_decisions as d')
    .selectAll()
    .where('d.case_id', '=', caseId).where('d.submission_id', '=', submissionId)
    .where('d.decision', 'in', ['passed', 'rejected'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('screening_decisions as x').select('x.id').whereRef('x.reverses_id', '=', 'd.id'))))
    .orderBy('d.ordinal', 'desc')
    .executeTakeFirst();
}

export async function listDecisions(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('screening_decisions').selectAll().where('case_id', '=', caseId).orderBy('ordinal').execute();
}

/** What a format report needs of each unit. */
export async function listUnitFacts(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'address', 'contact_name', 'contact_phone', 'contact_email', 'superior_name']).where('id', 'in', ids).execute();
}

/** The address and language of the person who made a submission: where a decision on it is mailed. */
export async function findSubmitter(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').select(['email', 'locale']).where('id', '=', userId).executeTakeFirst();
}
