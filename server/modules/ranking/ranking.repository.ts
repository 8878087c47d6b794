import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The ranking's SQL: two queries per campaign, whatever its size: the cases in review, and the
// submitted reviews of their current versions. A case is in review while it stands submitted and
// passed screening; a review counts when it is submitted on an assignment still released, for
// the version the case stands at (a score of an older version, or of a withdrawn, returned or
// rejected case, does not).

function casesInReview(db: Kysely<Database>, campaignId: string) {
  return db.selectFrom('cases as c')
    .innerJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .where('c.campaign_id', '=', campaignId)
    .where('c.status', '=', 'submitted')
    .where('c.screening', '=', 'passed');
}

/** The campaign's cases in review with their title, unit (and its division) and the category of their current version. */
export async function listCasesInReview(db: Kysely<Database>, campaignId: string) {
  return casesInReview(db, campaignId)
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('screening_reports as r', 'r.submission_id', 's.id')
    .select(['c.id as case_id', 'c.title', 'o.name as unit_name', 'o.division_code', 'r.category'])
    .orderBy('c.id')
    .execute();
}

/** Every counted review of the campaign: who (pool row), which case, the scores as stored (JSON). */
export async function listCountedReviews(db: Kysely<Database>, campaignId: string) {
  return casesInReview(db, campaignId)
    .innerJoin('reviews as v', (j) => j.onRef('v.case_id', '=', 'c.id').onRef('v.submission_id', '=', 's.id'))
    .innerJoin('review_assignments as a', 'a.id', 'v.assignment_id')
    .where('v.status', '=', 'submitted')
    .where('a.state', '=', 'released')
    .select(['v.id', 'v.reviewer_id', 'v.case_id', 'v.scores'])
    .orderBy('v.id')
    .execute();
}

/** What an organizer reads beside the scores of these reviews: the reviewer, the tier, the comment. */
export async function findReviewDetails(db: Kysely<Database>, reviewIds: readonly string[]) {
  if (reviewIds.length === 0) return [];
  return db.selectFrom('reviews as v')
    .innerJoin('campaign_reviewers as p', 'p.id', 'v.reviewer_id')
    .where('v.id', 'in', reviewIds)
    .select(['v.id', 'v.tier', 'v.comment', 'v.submitted_at', 'p.name', 'p.email'])
    .execute();
}

/** Names of the campaign's pool reviewers, by id. */
export async function findReviewerNames(db: Kysely<Database>, reviewerIds: readonly string[]) {
  if (reviewerIds.length === 0) return [];
  return db.selectFrom('campaign_reviewers').select(['id', 'name']).where('id', 'in', reviewerIds).execute();
}
