import { z } from 'zod';
import { dataOf, listOf } from './envelope.ts';

// Answers about a campaign's reviewer pool, its sheet import and conflicts of interest
// (server/modules/reviewers, server/modules/conflicts).

const message = z.object({ code: z.string(), message: z.string() });

export const poolReviewerSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  expertise: z.array(z.string()),
  capacity: z.number().int(),
  divisionCode: z.string().nullable(),
  affiliation: z.string(),
  affiliationUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Whether the address has an account that reviews the campaign. */
  joined: z.boolean(),
  /** Conflicts with cases that stand (not dismissed). */
  conflicts: z.number().int(),
});
export const reviewerPoolResponse = listOf(poolReviewerSchema);

export const importReportResponse = dataOf(z.object({
  committed: z.boolean(),
  counts: z.object({ imported: z.number().int(), updated: z.number().int(), refused: z.number().int() }),
  rows: z.array(z.object({
    row: z.number().int(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    status: z.enum(['imported', 'updated', 'refused']),
    problems: z.array(message),
    notes: z.array(message),
  })),
}));

export const caseConflictsResponse = listOf(z.object({
  reviewerId: z.string(),
  name: z.string(),
  email: z.string(),
  reasons: z.array(message),
  declaredReason: z.string().nullable(),
  dismissed: z.boolean(),
  dismissal: z.object({ reason: z.string(), at: z.string() }).nullable(),
}));
