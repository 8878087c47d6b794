import type { DemoContext } from './demo-context.ts';
import { emptyDemoState, type DemoState, type DemoStep } from './demo-state.ts';
import { accountsStep } from './steps/accounts.step.ts';
import { attachmentsStep } from './steps/attachments.step.ts';
import { casesStep } from './steps/cases.step.ts';
import { earlierCollectionStep, earlierResultsStep, earlierReviewStep } from './steps/earlier-campaign.step.ts';
import { nearDuplicatesStep } from './steps/near-duplicates.step.ts';
import { noticeCollectionStep, noticeReviewStep, noticeSelectionStep } from './steps/notice-campaign.step.ts';
import { resultsCollectionStep, resultsNoticeStep, resultsReviewStep } from './steps/results-campaign.step.ts';
import { recommendationsStep } from './steps/recommendations.step.ts';
import { reviewAssignmentStep } from './steps/review-assignment.step.ts';
import { reviewCollectionStep } from './steps/review-collection.step.ts';
import { reviewReviewersStep } from './steps/review-reviewers.step.ts';
import { reviewScoresStep } from './steps/review-scores.step.ts';
import { reviewScreeningStep } from './steps/review-screening.step.ts';
import { reviewersStep } from './steps/reviewers.step.ts';
import { screeningCollectionStep } from './steps/screening-collection.step.ts';
import { screeningDecisionsStep } from './steps/screening-decisions.step.ts';
import { screeningReviewersStep } from './steps/screening-reviewers.step.ts';
import { submissionsStep } from './steps/submissions.step.ts';
import { superiorsStep } from './steps/superiors.step.ts';
import { unitsStep } from './steps/units.step.ts';

// The demo, step by step, in the order a campaign lives it. Each step acts through the services
// the routes call and leaves what the next needs in the state.

export const DEMO_STEPS: readonly DemoStep[] = [
  accountsStep,
  superiorsStep,
  unitsStep,
  casesStep,
  attachmentsStep,
  recommendationsStep,
  submissionsStep,
  reviewersStep,
  // The second campaign, in review: collected weeks ago, screened, assigned and partly scored.
  reviewCollectionStep,
  reviewScreeningStep,
  reviewReviewersStep,
  reviewAssignmentStep,
  reviewScoresStep,
  // The third campaign, in screening: collected until yesterday, checked for near-duplicates,
  // screened only in part, its pool ready; the visitor screens the rest, assigns and releases.
  screeningCollectionStep,
  // The fourth, its notice running: reviewed and selected on a clock set back, published
  // yesterday, an objection filed today (decision 0035).
  noticeCollectionStep,
  noticeReviewStep,
  noticeSelectionStep,
  // The fifth, its notice ended with one objection open: left for the organizer to finish.
  resultsCollectionStep,
  resultsReviewStep,
  resultsNoticeStep,
  // The sixth, the finished sixth edition: lived months back to its final results.
  earlierCollectionStep,
  earlierReviewStep,
  earlierResultsStep,
  // The check runs every campaign's due jobs, these two's too.
  nearDuplicatesStep,
  screeningDecisionsStep,
  screeningReviewersStep,
];

/** Runs every step on an empty, migrated database with the demo campaigns loaded; prints each step's outcome and time. */
export async function seedDemo(ctx: DemoContext): Promise<DemoState> {
  const state = emptyDemoState();
  const started = performance.now();
  for (const step of DEMO_STEPS) {
    const at = performance.now();
    const outcome = await step.run(ctx, state);
    ctx.log(`${step.name}: ${outcome} (${((performance.now() - at) / 1000).toFixed(1)} s)`);
  }
  ctx.log(`demo seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return state;
}
