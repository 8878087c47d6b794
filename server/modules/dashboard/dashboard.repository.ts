import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The dashboard's SQL: four grouped queries per campaign whatever its size, each answering a few
// dozen rows at most (the submission minutes up to one per case). Timestamps are ISO-8601 UTC text
// on both engines, so `substr` cuts them to the minute alike; the campaign's calendar is applied in
// core/dashboard.

const n = (v: unknown) => Number(v ?? 0);
const sum = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/** Every case of the campaign counted by its status. */
export async function countCasesByStatus(db: Kysely<Database>, campaignId: string) {
  const rows = await db.selectFrom('cases').where('campaign_id', '=', campaignId)
    .select(['status', sql<number>`count(*)`.as('count')]).groupBy('status').execute();
  return rows.map((r) => ({ status: r.status, count: n(r.count) }));
}

/** Submissions (every version, withdrawn ones too) by UTC minute: first submissions of a case apart from resubmissions. */
export async function countSubmissionsByMinute(db: Kysely<Database>, campaignId: string) {
  const minute = sql<string>`substr(s.submitted_at, 1, 16)`;
  const rows = await db.selectFrom('case_submissions as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .where('c.campaign_id', '=', campaignId)
    .select([minute.as('minute'), sum(sql`s.seq = 1`).as('first'), sum(sql`s.seq > 1`).as('again')])
    .groupBy(minute)
    .execute();
  return rows.map((r) => ({ minute: r.minute, first: n(r.first), again: n(r.again) }));
}

/** Submitted and returned cases by the category of their current version, their unit's province (two digits), status and screening state. */
export async function countStandingCases(db: Kysely<Database>, campaignId: string) {
  const category = sql<string>`coalesce(r.category, '')`;
  const province = sql<string>`substr(o.division_code, 1, 2)`;
  const rows = await db.selectFrom('cases as c')
    .innerJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .leftJoin('screening_reports as r', 'r.submission_id', 's.id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .where('c.campaign_id', '=', campaignId)
    .where('c.status', 'in', ['submitted', 'returned'])
    .select([category.as('category'), province.as('province'), 'c.status', 'c.screening', sql<number>`count(*)`.as('count')])
    .groupBy([category, province, 'c.status', 'c.screening'])
    .execute();
  return rows.map((r) => ({
    category: r.category, province: r.province, status: r.status as 'submitted' | 'returned', screening: r.screening, count: n(r.count),
  }));
}

/** Released assignments by their case's category, and how many of them have a submitted review. */
export async function countReviewWork(db: Kysely<Database>, campaignId: string) {
  const category = sql<string>`coalesce(r.category, '')`;
  const rows = await db.selectFrom('review_assignments as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .innerJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .leftJoin('screening_reports as r', 'r.submission_id', 's.id')
    .where('a.campaign_id', '=', campaignId)
    .where('a.state', '=', 'released')
    .select([
      category.as('category'), sql<number>`count(*)`.as('assigned'),
      sum(sql`exists (select 1 from reviews v where v.assignment_id = a.id and v.status = 'submitted')`).as('submitted'),
    ])
    .groupBy(category)
    .execute();
  return rows.map((r) => ({ category: r.category, assigned: n(r.assigned), submitted: n(r.submitted) }));
}
