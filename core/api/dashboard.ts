import { z } from 'zod';
import { dataOf } from './envelope.ts';

// The organizers' dashboard (server/modules/dashboard): counts only, never a case or a person,
// for a campaign's organizers. Each chart's figures are here so the page can table them beside it.

const count = z.number().int();

export const dashboardResponse = dataOf(z.object({
  /** The campaign's clock: days below are its calendar days. */
  timeZone: z.string(),
  /** The deadline as the campaign's clock reads it (`YYYY-MM-DDTHH:mm:ss`), and its day. */
  closesAt: z.string(),
  deadlineDay: z.string(),
  /** Every case of the campaign by where it stands now. */
  statuses: z.object({ draft: count, submitted: count, returned: count, withdrawn: count }),
  /** First submissions of a case and resubmissions, per calendar day, with the running count of cases submitted. */
  days: z.array(z.object({ day: z.string(), first: count, again: count, cumulative: count })),
  /** Submitted and returned cases by the category of their current version, with their screening outcome. */
  categories: z.array(z.object({ category: z.string(), cases: count, outcomes: z.object({ pending: count, passed: count, rejected: count, returned: count }) })),
  /** The same cases by the province of their unit, most first. */
  provinces: z.array(z.object({ code: z.string(), name: z.string(), cases: count })),
  review: z.object({
    reviewsPerCase: count,
    /** Per category: cases in review, of them those with the required number of scores; released assignments and the reviews submitted on them. */
    categories: z.array(z.object({ category: z.string(), cases: count, fullyScored: count, assigned: count, submitted: count })),
  }),
  /** Cases in review by normalized score (the ranking's), in bands of the 0–100 scale; counts in the order of `categories` below. */
  scores: z.object({
    categories: z.array(z.string()),
    bands: z.array(z.object({ from: z.number(), to: z.number(), counts: z.array(count) })),
    unscored: count,
  }),
}));
