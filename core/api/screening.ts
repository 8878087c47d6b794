import { z } from 'zod';
import { SCREENING_STATES } from '../screening/screening-decision.ts';
import { problemSchema } from './cases.ts';
import { dataOf, listOf } from './envelope.ts';

// Answers of screening (初审) and organizer progress (server/modules/screening).

const count = z.number().int();

export const queueRowSchema = z.object({
  caseId: z.string(),
  title: z.string(),
  unitName: z.string(),
  divisionCode: z.string(),
  category: z.string(),
  submissionId: z.string(),
  seq: count,
  submittedAt: z.string(),
  state: z.enum(SCREENING_STATES),
  recommendation: z.enum(['none', 'pending', 'recommended', 'declined', 'void']),
  problems: z.array(problemSchema),
  attachmentCount: count,
  /** Highest exact similarity with another case (0–1) and how many matched. */
  similarity: z.object({ top: z.number().nullable(), count }),
  sameFile: z.boolean(),
  returnMessage: z.string().nullable(),
  returnDueAt: z.string().nullable(),
});

export const queueResponse = z.object({
  data: z.array(queueRowSchema),
  total: count,
  counts: z.object({
    states: z.object({ pending: count, passed: count, rejected: count, returned: count }),
    flags: z.object({ similar: count, same_file: count, not_recommended: count, preflight: count }),
  }),
  page: count,
  pageSize: count,
});

export const decisionsResponse = dataOf(z.object({ decided: count }));

export const screeningHistoryResponse = listOf(z.object({
  id: z.string(),
  decision: z.enum(['passed', 'rejected', 'returned', 'reversed']),
  seq: count,
  submissionId: z.string(),
  reason: z.string().nullable(),
  dueAt: z.string().nullable(),
  reversesId: z.string().nullable(),
  actor: z.string(),
  decidedAt: z.string(),
}));

const work = { assigned: count, scored: count, late: count };

export const progressResponse = dataOf(z.object({
  /** The campaign's review due date as an instant; late counts only after it. */
  dueAt: z.string().nullable(),
  categories: z.array(z.object({ category: z.string(), cases: count, pending: count, passed: count, rejected: count, returned: count, ...work })),
  reviewers: z.array(z.object({ reviewerId: z.string(), name: z.string(), email: z.string(), ...work })),
}));
