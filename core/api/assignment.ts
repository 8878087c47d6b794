import { z } from 'zod';
import { dataOf } from './envelope.ts';

// Answers about a campaign's reviewer assignment (server/modules/assignment): runs with their
// figures, the preview organizers adjust, and the release.

const shortfall = z.object({ category: z.string(), cases: z.number().int(), missing: z.number().int() });

const figures = z.object({
  coverage: z.number(), casesCovered: z.number().int(), reviewsMissing: z.number().int(), maxLoadRatio: z.number(), loadRatioStdev: z.number(),
  expertiseMatch: z.number(), sameProvincePairs: z.number().int(), objective: z.number(),
});

export const assignmentRunSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  definitionVersion: z.number().int(),
  progress: z.object({ phase: z.string(), elapsedMs: z.number(), round: z.number(), columns: z.number(), objective: z.number().optional() }).partial(),
  result: z.object({
    cases: z.number().int(), pairs: z.number().int(), optimal: z.boolean(), stoppedBy: z.string(), seconds: z.number(),
    figures, greedy: figures, vsGreedy: z.number(),
    /** Reviews the proposal leaves missing, per category: exact. */
    shortfall: z.array(shortfall),
    /** Lower bounds found before solving (core/review/assignment/diagnosis.ts). */
    diagnosis: z.object({
      missingAtLeast: z.number(),
      categories: z.array(z.object({ category: z.string(), demand: z.number(), supply: z.number(), shortfall: z.number() })),
      total: z.object({ demand: z.number(), supply: z.number(), shortfall: z.number() }),
      casesShort: z.number().int(),
    }),
    droppedKept: z.number().int(),
  }).nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const assignmentRunResponse = dataOf(assignmentRunSchema);
export const latestRunResponse = dataOf(assignmentRunSchema.nullable());

export const assignmentPreviewResponse = z.object({
  data: z.object({
    summary: z.object({
      reviewsPerCase: z.number().int(), cases: z.number().int(), covered: z.number().int(), proposed: z.number().int(), released: z.number().int(),
      shortfall: z.array(shortfall),
    }),
    reviewers: z.array(z.object({
      id: z.string(), name: z.string(), email: z.string(), expertise: z.array(z.string()), capacity: z.number().int(), proposed: z.number().int(), released: z.number().int(),
    })),
    cases: z.array(z.object({
      id: z.string(), title: z.string(), unitName: z.string(), category: z.string(), missing: z.number().int(),
      reviewers: z.array(z.object({ assignmentId: z.string(), reviewerId: z.string(), name: z.string(), state: z.enum(['proposed', 'released']), source: z.enum(['solver', 'manual']) })),
      /** Reviewers who may still be added: qualified, without conflict, below capacity. */
      options: z.array(z.object({ id: z.string(), name: z.string(), load: z.number().int(), capacity: z.number().int() })),
    })),
  }),
  total: z.number().int(),
});

export const releaseResponse = dataOf(z.object({ released: z.number().int(), reviewers: z.number().int(), shortfall: z.array(shortfall) }));
