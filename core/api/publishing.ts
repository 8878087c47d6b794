import { z } from 'zod';
import { dataOf } from './envelope.ts';

// What organizers read and send for a case's public copy (网上展示; server/modules/publishing).

const refusal = z.enum(['not_submitted', 'not_passed', 'display_off', 'not_chosen']).nullable();
const tier = z.enum(['best', 'excellent']).nullable();

export const publicCopySchema = z.object({
  publicId: z.string(),
  state: z.enum(['published', 'unpublished']),
  /** Send it back with every change: a change over an older version is refused (409). */
  version: z.number().int(),
  title: z.string(),
  unitName: z.string(),
  summary: z.string(),
  sections: z.record(z.string(), z.string()),
  divisionCode: z.string(),
  category: z.string(),
  pictures: z.array(z.object({ id: z.string(), fileName: z.string(), width: z.number().nullable(), height: z.number().nullable(), shown: z.boolean() })),
  problems: z.array(z.object({ field: z.string(), problem: z.string(), limit: z.number(), count: z.number().optional() })),
  /** Phone- and identity-card-like numbers to look at before publishing; flagged, never changed. */
  personalData: z.array(z.object({ field: z.string(), kind: z.enum(['mobile', 'id_card']), text: z.string(), index: z.number() })),
  /** The case was submitted again since the copy was made. */
  stale: z.boolean(),
  publishedAt: z.string().nullable(),
  firstPublishedAt: z.string().nullable(),
  unpublishedAt: z.string().nullable(),
  updatedAt: z.string(),
  path: z.string(),
});

export const publicationSchema = z.object({
  caseId: z.string(),
  /** Why the case may not be published now; null when it may. */
  refusal,
  tier,
  copy: publicCopySchema.nullable(),
});
export const publicationResponse = dataOf(publicationSchema);
