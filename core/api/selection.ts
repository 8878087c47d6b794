import { z } from 'zod';
import { dataOf } from './envelope.ts';

// Answers of the selection (server/modules/selection), for a campaign's organizers only.

const count = z.number().int();
const tier = z.enum(['best', 'excellent']);
const decisionTier = z.enum(['best', 'excellent', 'none']);

export const quotaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tier_places'), tier, limit: count }),
  z.object({ kind: z.literal('category_min'), category: z.string(), limit: count }),
  z.object({ kind: z.literal('category_max'), category: z.string(), limit: count }),
  z.object({ kind: z.literal('province_cap'), province: z.string(), limit: count }),
]);

const bindingSchema = z.object({
  quota: quotaSchema,
  givenUp: z.object({ best: z.number(), excellent: z.number(), total: z.number(), places: count }),
  changes: z.array(z.object({ caseId: z.string(), from: tier.nullable(), to: tier.nullable() })),
});

export const selectionProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('quota_broken'), quota: quotaSchema, count }),
  z.object({ code: z.literal('case_unknown'), caseId: z.string() }),
  z.object({ code: z.literal('case_twice'), caseId: z.string() }),
]);

export const selectionSchema = z.object({
  /** Null before the first computation. */
  suggestion: z.object({
    computedAt: z.string(),
    computedBy: z.string(),
    acceptedAt: z.string().nullable(),
    acceptedBy: z.string().nullable(),
    /** Best first, by score: the cases held by a changed decision were not the solver's to place. */
    entries: z.array(z.object({ caseId: z.string(), tier })),
    /** Quotas that hold the suggestion back, with the score each tier gives up for them (decision 0029). */
    binding: z.array(bindingSchema),
  }).nullable(),
  /** Every candidate of the last suggestion, in ranking order. */
  cases: z.array(z.object({
    caseId: z.string(),
    title: z.string(),
    unitName: z.string(),
    category: z.string(),
    /** Two-digit province code of the unit's division. */
    province: z.string().nullable(),
    /** Normalized score when the suggestion was computed. */
    score: z.number(),
    suggested: decisionTier,
    decision: z.object({
      tier: decisionTier,
      source: z.enum(['suggested', 'changed']),
      reason: z.string().nullable(),
      decidedBy: z.string(),
      decidedAt: z.string(),
    }).nullable(),
  })),
  /** Each quota with the number of decided cases it counts now. */
  quotas: z.array(z.object({ quota: quotaSchema, count, broken: z.boolean() })),
  /** What the decided selection breaks now; empty when it may stand. */
  problems: z.array(selectionProblemSchema),
});

export const selectionResponse = dataOf(selectionSchema);
