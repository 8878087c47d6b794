import type { Kysely } from 'kysely';
import { tallyByCategory, tallyByProvince } from '../../../core/dashboard/case-tallies.ts';
import { scoreHistogram } from '../../../core/dashboard/score-histogram.ts';
import { deadlineDay, submissionsPerDay } from '../../../core/dashboard/submission-days.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import { listDivisions } from '../divisions/divisions.service.ts';
import { computeRanking } from '../ranking/ranking.service.ts';
import { countCasesByStatus, countReviewWork, countStandingCases, countSubmissionsByMinute } from './dashboard.repository.ts';

// The organizers' dashboard of one campaign: counts worked out afresh on every request from
// grouped SQL, and the ranking's normalized scores for the distribution (one pass over the
// submitted reviews, as the ranking page makes). Organizers of the campaign only; anyone else
// learns nothing of it (computeRanking refuses them first).

/** The dashboard's figures as of now; organizers of the campaign only. */
export async function campaignDashboard(db: Kysely<Database>, actor: Actor, slug: string, readable: AttachmentCheck, now: Date) {
  const { campaign, ranking } = await computeRanking(db, actor, slug, readable, now);
  const { window } = campaign.definition;
  const categories = campaign.definition.categories.map((c) => c.key);
  const [statuses, minutes, standing, work] = await Promise.all([
    countCasesByStatus(db, campaign.id), countSubmissionsByMinute(db, campaign.id), countStandingCases(db, campaign.id), countReviewWork(db, campaign.id),
  ]);
  const status = (s: string) => statuses.find((r) => r.status === s)?.count ?? 0;
  const provinceNames = new Map((listDivisions() ?? []).map((d) => [d.code, d.name]));
  const reviewsPerCase = campaign.definition.review.reviewsPerCase;
  const inReview = (key: string) => ranking.rows.filter((r) => r.category === key);
  return {
    timeZone: window.timeZone,
    closesAt: window.closesAt,
    deadlineDay: deadlineDay(window),
    statuses: { draft: status('draft'), submitted: status('submitted'), returned: status('returned'), withdrawn: status('withdrawn') },
    days: submissionsPerDay(minutes, window),
    categories: tallyByCategory(categories, standing),
    provinces: tallyByProvince(standing).map((p) => ({ code: p.province, name: provinceNames.get(p.province) ?? p.province, cases: p.cases })),
    review: {
      reviewsPerCase,
      categories: categories.map((key) => ({
        category: key,
        cases: inReview(key).length,
        fullyScored: inReview(key).filter((r) => r.scoreCount >= reviewsPerCase).length,
        assigned: work.find((w) => w.category === key)?.assigned ?? 0,
        submitted: work.find((w) => w.category === key)?.submitted ?? 0,
      })),
    },
    scores: {
      categories,
      bands: scoreHistogram(categories, ranking.rows.map((r) => ({ category: r.category, score: r.normalized }))),
      unscored: ranking.rows.filter((r) => r.normalized === null).length,
    },
  };
}
