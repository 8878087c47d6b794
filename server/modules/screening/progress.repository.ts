import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The organizer's progress report in a handful of grouped queries: screening by category, and
// released assignments, submitted reviews and late ones by category and by reviewer.

const sum = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/** Cases on the review road by the category of their current submitted version, with their screening states. */
export async function screeningByCategory(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('cases as c')
    .innerJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .innerJoin('screening_reports as r', 'r.submission_id', 's.id')
    .where('c.campaign_id', '=', campaignId)
    .where('c.status', 'in', ['submitted', 'returned'])
    .select('r.category')
    .select([
      sql<number>`count(*)`.as('cases'),
      sum(sql`c.status = 'submitted' and c.screening = 'pending'`).as('pending'),
      sum(sql`c.status = 'submitted' and c.screening = 'passed'`).as('passed'),
      sum(sql`c.status = 'submitted' and c.screening = 'rejected'`).as('rejected'),
      sum(sql`c.status = 'returned'`).as('returned'),
    ])
    .groupBy('r.category')
    .execute();
}

/** Released assignments of the campaign with their case's category and whether the review is in. */
function releasedAssignments(db: Kysely<Database>, campaignId: string, lateCounts: boolean) {
  const scored = sql`exists (select 1 from reviews v where v.assignment_id = a.id and v.status = 'submitted')`;
  return db.selectFrom('review_assignments as a')
    .where('a.campaign_id', '=', campaignId)
    .where('a.state', '=', 'released')
    .select([
      sql<number>`count(*)`.as('assigned'),
      sum(scored).as('scored'),
      // Late: the review due date has passed and the review is not in.
      (lateCounts ? sum(sql`not ${scored}`) : sql<number>`0`).as('late'),
    ]);
}

export async function assignmentsByCategory(db: Kysely<Database>, campaignId: string, lateCounts: boolean) {
  return releasedAssignments(db, campaignId, lateCounts)
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .innerJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .leftJoin('screening_reports as r', 'r.submission_id', 's.id')
    .select(sql<string>`coalesce(r.category, '')`.as('category'))
    .groupBy(sql`coalesce(r.category, '')`)
    .execute();
}

export async function assignmentsByReviewer(db: Kysely<Database>, campaignId: string, lateCounts: boolean) {
  return releasedAssignments(db, campaignId, lateCounts)
    .innerJoin('campaign_reviewers as p', 'p.id', 'a.reviewer_id')
    .select(['p.id as reviewer_id', 'p.name', 'p.email'])
    .groupBy(['p.id', 'p.name', 'p.email'])
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}
