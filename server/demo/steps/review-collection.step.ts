import { contextAt } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';
import { attachFiles } from './attachments.step.ts';
import { describeDrafts, writeCases } from './cases.step.ts';
import { asksRecommendation, recommendCases } from './recommendations.step.ts';
import { submitCases } from './submissions.step.ts';

// The campaign in review, as it collected: five weeks before the demo's day, inside its window,
// the first twelve units and two in three of the rest wrote, attached their files, asked for a
// recommendation (four in five) and submitted, as in the collecting campaign but with other texts.

export const COLLECTED_DAYS_AGO = 35;

export const writesForReview = (index: number) => index < 12 || index % 3 !== 2;

export const reviewCollectionStep: DemoStep = {
  name: 'review collection',
  async run(ctx, state) {
    const past = contextAt(ctx, ctx.reviewSlug, COLLECTED_DAYS_AGO);
    const written = await writeCases(past, state.units, state.units.filter((u) => writesForReview(u.index)), `:${ctx.reviewSlug}`);
    state.review.cases = written.cases;
    state.review.nearDuplicate = written.nearDuplicate;
    const files = await attachFiles(past, written.cases);
    const asking = written.cases.filter((c) => asksRecommendation(c.unit.index));
    await recommendCases(past, state, asking);
    await submitCases(past, written.cases);
    return `${describeDrafts(written)}; ${files} files, ${asking.length} recommended, all submitted ${COLLECTED_DAYS_AGO} days ago`;
  },
};
