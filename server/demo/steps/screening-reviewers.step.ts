import { contextAt } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';
import { importReviewerPool } from './reviewers.step.ts';

// The campaign in screening's pool, ready for the visitor's assignment: the same 40 experts, each
// accepting with the account they already have.

export const screeningReviewersStep: DemoStep = {
  name: 'screening reviewers',
  run: (ctx, state) => importReviewerPool(contextAt(ctx, ctx.screeningSlug, 0), state, false),
};
