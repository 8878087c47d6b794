import { z } from 'zod';
import { COPY_STATES } from '../publishing/publication-queue.ts';
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

// The publishing queue (GET /api/v1/campaigns/{slug}/publications; decision 0043).
const count = z.number().int();
export const publicationQueueItemSchema = z.object({
  caseId: z.string(),
  /** The copy's title once there is a copy; the case's before. */
  title: z.string(),
  /** The unit as registered (the copy may name it otherwise). */
  unitName: z.string(),
  divisionCode: z.string(),
  category: z.string(),
  /** The final tier, once results are final. */
  tier,
  /** Why the case may not be published now; null when it may. */
  refusal,
  state: z.enum(COPY_STATES),
  copy: z.object({
    publicId: z.string(),
    version: z.number().int(),
    /** The case was submitted again since the copy was made. */
    stale: z.boolean(),
    publishedAt: z.string().nullable(),
    unpublishedAt: z.string().nullable(),
    updatedAt: z.string(),
    path: z.string(),
  }).nullable(),
});
export const publicationQueueSchema = z.object({
  /** What makes a case publishable in this campaign now: display during the collection, final results. */
  display: z.object({ duringCollection: z.boolean(), final: z.boolean() }),
  /** Per state and stale under the category chosen, whatever the state chosen; `all` is every case listed. */
  counts: z.object({ all: count, none: count, draft: count, published: count, taken_down: count, stale: count }),
  /** Rows matching both filters. */
  total: count,
  page: count,
  pageSize: count,
  items: z.array(publicationQueueItemSchema),
});
export const publicationQueueResponse = dataOf(publicationQueueSchema);
