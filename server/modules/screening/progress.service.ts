import type { Kysely } from 'kysely';
import { zonedLocalToUtc } from '../../../core/time/zoned-time.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import { assignmentsByCategory, assignmentsByReviewer, screeningByCategory } from './progress.repository.ts';
import { ensureFormatReports } from './screening-report.service.ts';
import { campaignForOrganizer } from './screening.service.ts';

// How far screening and review have come, for the campaign's organizers: by category, how many
// cases are awaiting screening, passed, rejected or returned, and how many released assignments
// are scored and late; by reviewer, the same for their assignments.

const n = (v: unknown) => Number(v ?? 0);

/** The progress report; late counts only once the campaign's review due date has passed. */
export async function campaignProgress(db: Kysely<Database>, actor: Actor, slug: string, readable: AttachmentCheck, now: Date) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  await ensureFormatReports(db, campaign, readable, now);
  const review = campaign.definition.review;
  const dueAt = review ? zonedLocalToUtc(review.dueAt, campaign.definition.window.timeZone) : null;
  const late = dueAt !== null && now > dueAt;
  const [screened, assigned, reviewers] = await Promise.all([
    screeningByCategory(db, campaign.id), assignmentsByCategory(db, campaign.id, late), assignmentsByReviewer(db, campaign.id, late),
  ]);
  const work = new Map(assigned.map((a) => [a.category, a]));
  const categories = campaign.definition.categories.map((category) => {
    const s = screened.find((row) => row.category === category.key);
    const a = work.get(category.key);
    return {
      category: category.key,
      cases: n(s?.cases), pending: n(s?.pending), passed: n(s?.passed), rejected: n(s?.rejected), returned: n(s?.returned),
      assigned: n(a?.assigned), scored: n(a?.scored), late: n(a?.late),
    };
  });
  return {
    dueAt: dueAt?.toISOString() ?? null,
    categories,
    reviewers: reviewers.map((r) => ({ reviewerId: r.reviewer_id, name: r.name, email: r.email, assigned: n(r.assigned), scored: n(r.scored), late: n(r.late) })),
  };
}
