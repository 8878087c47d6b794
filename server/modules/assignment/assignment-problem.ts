import type { Kysely } from 'kysely';
import type { AssignmentPair, AssignmentProblem } from '../../../core/review/assignment/problem.ts';
import type { Database } from '../../db/schema.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { computeConflicts, type PoolRow } from '../conflicts/conflict-facts.ts';
import { describeDivision } from '../divisions/divisions.service.ts';
import { listAssignmentRows, listPassedCases } from './assignment.repository.ts';

// The assignment problem of a campaign as the database has it now: the passed cases at their
// current submitted version, the pool reviewers who take cases, the conflicts that stand (found
// and not dismissed, declared, or shown by a hand-back), and the released assignments, kept.

export interface PassedCase {
  id: string;
  title: string;
  unitName: string;
  category: string;
  province: string;
  submissionId: string;
}

export interface AssignmentFacts {
  problem: AssignmentProblem;
  cases: PassedCase[];
  pool: PoolRow[];
  /** pairKey → true for every pair that may not be assigned. */
  conflicts: Set<string>;
}

export const pairOf = (caseId: string, reviewerId: string) => `${caseId} ${reviewerId}`;

/** The province of a division code; reviewers and cases without one get a province of their own. */
function provinceOf(code: string | null, fallback: string): string {
  return (code && describeDivision(code)?.path[0]?.code) || `?${fallback}`;
}

function categoryOf(content: string): string {
  return (JSON.parse(content) as { category?: string | null }).category ?? '';
}

export const expertiseOf = (row: PoolRow): string[] => JSON.parse(row.expertise) as string[];

/** Reads every fact of the campaign's assignment problem in a fixed number of queries. */
export async function loadAssignmentFacts(db: Kysely<Database>, campaign: StoredCampaign): Promise<AssignmentFacts> {
  const [caseRows, { conflicts: found, pool }, assignments] = await Promise.all([
    listPassedCases(db, campaign.id), computeConflicts(db, campaign), listAssignmentRows(db, campaign.id, ['released', 'handed_back']),
  ]);
  const cases: PassedCase[] = caseRows.map((c) => ({
    id: c.id, title: c.title, unitName: c.unit_name, category: categoryOf(c.content), province: provinceOf(c.division_code, c.id), submissionId: c.submission_id,
  }));
  const conflicts = new Set(found.filter((c) => !c.dismissed).map((c) => pairOf(c.caseId, c.reviewerId)));
  for (const a of assignments) if (a.state === 'handed_back') conflicts.add(pairOf(a.case_id, a.reviewer_id));

  const caseIds = new Set(cases.map((c) => c.id));
  const kept: AssignmentPair[] = assignments.filter((a) => a.state === 'released' && caseIds.has(a.case_id)).map((a) => ({ caseId: a.case_id, reviewerId: a.reviewer_id }));
  const keptReviewers = new Set(kept.map((k) => k.reviewerId));
  const reviewers = pool.filter((r) => r.capacity > 0 || keptReviewers.has(r.id)).map((r) => ({
    id: r.id, categories: expertiseOf(r), tags: [], capacity: r.capacity, province: provinceOf(r.division_code ?? r.unit_division_code, r.id),
  }));
  const reviewerIds = new Set(reviewers.map((r) => r.id));
  const problemConflicts: AssignmentPair[] = [];
  for (const key of conflicts) {
    const [caseId, reviewerId] = key.split(' ') as [string, string];
    if (caseIds.has(caseId) && reviewerIds.has(reviewerId)) problemConflicts.push({ caseId, reviewerId });
  }
  const problem: AssignmentProblem = {
    cases: cases.map((c) => ({ id: c.id, category: c.category, province: c.province, tags: [] })),
    reviewers,
    conflicts: problemConflicts,
    reviewsPerCase: campaign.definition.review.reviewsPerCase,
    kept,
  };
  return { problem, cases, pool, conflicts };
}
