import { contextAt } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';
import { importReviewerPool } from './reviewers.step.ts';

// The campaign in review's pool: the same sheet of 40 experts imported by the organizer, each
// accepting the invitation with the account they made for the collecting campaign's pool. The
// conflicts are the same: six work at a submitting unit, four at an organization department.

export const reviewReviewersStep: DemoStep = {
  name: 'review reviewers',
  run: (ctx, state) => importReviewerPool(contextAt(ctx, ctx.reviewSlug, 0), state, false),
};
