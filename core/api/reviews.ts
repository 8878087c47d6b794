import { z } from 'zod';
import { REVIEW_TIERS } from '../review/scoring.ts';
import { dataOf } from './envelope.ts';

// Answers of the reviewer workbench (server/modules/scoring): a reviewer's own assignments and
// reviews, and never anyone else's. In blind review the unit is absent, not empty.

export const reviewStateSchema = z.enum(['not_started', 'draft', 'submitted']);

export const reviewSchema = z.object({
  status: z.enum(['draft', 'submitted']),
  /** Send it back with the next save; a save naming an older version is refused. */
  version: z.number().int(),
  scores: z.record(z.string(), z.number().int()),
  comment: z.string(),
  tier: z.enum(REVIEW_TIERS).nullable(),
  /** Out of 100 by the campaign's weights; null until every criterion is scored. */
  total: z.number().nullable(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});

export const myAssignmentSchema = z.object({
  id: z.string(),
  campaign: z.object({ slug: z.string(), title: z.string() }),
  caseTitle: z.string(),
  category: z.string().nullable(),
  blind: z.boolean(),
  state: reviewStateSchema,
  scored: z.number().int(),
  criteria: z.number().int(),
  dueAt: z.string(),
  dueAtLocal: z.string(),
  zone: z.string(),
  releasedAt: z.string().nullable(),
});

export const myAssignmentsResponse = dataOf(z.object({
  assignments: z.array(myAssignmentSchema),
  progress: z.object({ total: z.number().int(), submitted: z.number().int(), drafts: z.number().int() }),
}));

const level = z.object({ score: z.number().int(), rubric: z.string() });

export const assignedCaseResponse = dataOf(z.object({
  id: z.string(),
  campaign: z.object({ slug: z.string(), title: z.string() }),
  blind: z.boolean(),
  /** Whether scores may be saved now: the campaign is in its review phase and the review is not submitted. */
  canScore: z.boolean(),
  dueAt: z.string(),
  dueAtLocal: z.string(),
  zone: z.string(),
  case: z.object({
    seq: z.number().int(),
    submittedAt: z.string(),
    title: z.string(),
    category: z.object({ key: z.string(), name: z.string() }).nullable(),
    keywords: z.array(z.string()),
    summary: z.string().describe('sanitized HTML'),
    sections: z.array(z.object({ key: z.string(), name: z.string(), html: z.string() })),
    /** The submitting unit; null in blind review. */
    unit: z.object({ name: z.string(), divisionCode: z.string() }).nullable(),
  }),
  declaration: z.array(z.object({ key: z.string(), label: z.string(), value: z.string().nullable(), hidden: z.boolean() })),
  attachments: z.array(z.object({
    id: z.string(), kind: z.string(), kindName: z.string(), fileName: z.string(), size: z.number().int(), mediaType: z.string(),
    fileUrl: z.string(), thumbnailUrl: z.string().nullable(),
  })),
  criteria: z.array(z.object({ key: z.string(), name: z.string(), description: z.string(), weight: z.number(), levels: z.array(level) })),
  review: reviewSchema.nullable(),
}));

export const reviewResponse = dataOf(reviewSchema);

export const reviewInputSchema = z.object({
  /** The version the reviewer started from; 0 before the first save. */
  version: z.number().int().min(0),
  scores: z.record(z.string().max(64), z.number()),
  comment: z.string(),
  tier: z.string().max(20).nullable(),
});
