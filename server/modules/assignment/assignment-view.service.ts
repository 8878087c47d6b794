import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { campaignOrganizedBy } from '../reviewers/reviewers.service.ts';
import { expertiseOf, loadAssignmentFacts, pairOf } from './assignment-problem.ts';
import { listAssignmentRows } from './assignment.repository.ts';
import { shortfallByCategory } from './run-result.ts';

// The assignment as organizers preview it: every pool reviewer with load and capacity, and a page
// of passed cases with their reviewers and the reviewers that may still be added. A reviewer in
// conflict with a case, lacking its category, at capacity or already on it is never an option.

export interface AssignmentQuery {
  category?: string | undefined;
  reviewerId?: string | undefined;
  /** proposed / released: cases holding such an assignment; short: cases with fewer reviewers than asked. */
  state?: 'proposed' | 'released' | 'short' | undefined;
  page: number;
  pageSize: number;
}

const OPTIONS_PER_CASE = 30;

/** The campaign's assignment for its organizers only. */
export async function previewAssignments(db: Kysely<Database>, actor: Actor, slug: string, query: AssignmentQuery) {
  const campaign = await campaignOrganizedBy(db, actor, slug);
  const [facts, live] = await Promise.all([loadAssignmentFacts(db, campaign), listAssignmentRows(db, campaign.id, ['proposed', 'released'])]);
  const k = campaign.definition.review.reviewsPerCase;
  const load = new Map<string, { proposed: number; released: number }>();
  const ofCase = new Map<string, typeof live>();
  for (const a of live) {
    const l = load.get(a.reviewer_id) ?? { proposed: 0, released: 0 };
    l[a.state === 'released' ? 'released' : 'proposed'] += 1;
    load.set(a.reviewer_id, l);
    ofCase.set(a.case_id, [...(ofCase.get(a.case_id) ?? []), a]);
  }
  const loadOf = (id: string) => { const l = load.get(id); return l ? l.proposed + l.released : 0; };
  const poolById = new Map(facts.pool.map((r) => [r.id, r]));
  const reviewers = facts.pool.map((r) => ({
    id: r.id, name: r.name, email: r.email, expertise: expertiseOf(r), capacity: r.capacity,
    proposed: load.get(r.id)?.proposed ?? 0, released: load.get(r.id)?.released ?? 0,
  }));

  const matching = facts.cases.filter((c) => {
    const assigned = ofCase.get(c.id) ?? [];
    if (query.category && c.category !== query.category) return false;
    if (query.reviewerId && !assigned.some((a) => a.reviewer_id === query.reviewerId)) return false;
    if (query.state === 'short') return assigned.length < k;
    if (query.state) return assigned.some((a) => a.state === query.state);
    return true;
  });
  const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const cases = page.map((c) => {
    const assigned = ofCase.get(c.id) ?? [];
    const onCase = new Set(assigned.map((a) => a.reviewer_id));
    const options = facts.pool
      .filter((r) => !onCase.has(r.id) && loadOf(r.id) < r.capacity && expertiseOf(r).includes(c.category) && !facts.conflicts.has(pairOf(c.id, r.id)))
      .sort((a, b) => loadOf(a.id) / a.capacity - loadOf(b.id) / b.capacity || a.name.localeCompare(b.name))
      .slice(0, OPTIONS_PER_CASE)
      .map((r) => ({ id: r.id, name: r.name, load: loadOf(r.id), capacity: r.capacity }));
    return {
      id: c.id, title: c.title, unitName: c.unitName, category: c.category,
      reviewers: assigned.map((a) => ({ assignmentId: a.id, reviewerId: a.reviewer_id, name: poolById.get(a.reviewer_id)?.name ?? '', state: a.state as 'proposed' | 'released', source: a.source })),
      missing: Math.max(0, k - assigned.length),
      options,
    };
  });
  const covered = facts.cases.filter((c) => (ofCase.get(c.id)?.length ?? 0) >= k).length;
  return {
    summary: {
      reviewsPerCase: k, cases: facts.cases.length, covered,
      proposed: live.filter((a) => a.state === 'proposed').length, released: live.filter((a) => a.state === 'released').length,
      shortfall: shortfallByCategory(facts.cases, live.map((a) => ({ caseId: a.case_id, reviewerId: a.reviewer_id })), k, campaign.definition.categories.map((g) => g.key)),
    },
    reviewers,
    cases,
    total: matching.length,
  };
}
