import { contextAt, type DemoContext } from '../demo-context.ts';
import type { DemoCampaignCases, DemoState, DemoStep } from '../demo-state.ts';
import { attachFiles } from './attachments.step.ts';
import { describeDrafts, writeCases } from './cases.step.ts';
import { asksRecommendation, recommendCases } from './recommendations.step.ts';
import { submitCases } from './submissions.step.ts';

// The campaign in review, as it collected: five weeks before the demo's day, inside its window,
// the first twelve units and two in three of the rest wrote, attached their files, asked for a
// recommendation (four in five) and submitted, as in the collecting campaign but with other texts.

export const COLLECTED_DAYS_AGO = 35;

export const writesForReview = (index: number) => index < 12 || index % 3 !== 2;

/**
 * Lives the collection of the past campaign `slug`, `daysAgo` days back: each unit that `writes`
 * writes its own text for it (the planted pair among them), attaches, asks for a recommendation
 * (four in five) and submits. Fills `into` with the cases; returns the step's line.
 */
export async function collectPast(ctx: DemoContext, state: DemoState, slug: string, daysAgo: number, writes: (index: number) => boolean, into: DemoCampaignCases): Promise<string> {
  const past = contextAt(ctx, slug, daysAgo);
  const written = await writeCases(past, state.units, state.units.filter((u) => writes(u.index)), `:${slug}`);
  into.cases = written.cases;
  into.nearDuplicate = written.nearDuplicate;
  const files = await attachFiles(past, written.cases);
  const asking = written.cases.filter((c) => asksRecommendation(c.unit.index));
  await recommendCases(past, state, asking);
  await submitCases(past, written.cases);
  return `${describeDrafts(written)}; ${files} files, ${asking.length} recommended, all submitted ${daysAgo} days ago`;
}

export const reviewCollectionStep: DemoStep = {
  name: 'review collection',
  run: (ctx, state) => collectPast(ctx, state, ctx.reviewSlug, COLLECTED_DAYS_AGO, writesForReview, state.review),
};
