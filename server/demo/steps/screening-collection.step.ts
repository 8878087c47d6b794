import type { DemoStep } from '../demo-state.ts';
import { collectPast } from './review-collection.step.ts';

// The campaign in screening, as it collected: ten days before the demo's day, inside its window,
// the first twelve units and one in three of the rest wrote, attached, asked for a recommendation
// and submitted, with texts of their own for it (the planted near-duplicate pair among them).

export const SCREENING_COLLECTED_DAYS_AGO = 10;

export const writesForScreening = (index: number) => index < 12 || index % 3 === 0;

export const screeningCollectionStep: DemoStep = {
  name: 'screening collection',
  run: (ctx, state) => collectPast(ctx, state, ctx.screeningSlug, SCREENING_COLLECTED_DAYS_AGO, writesForScreening, state.screening),
};
