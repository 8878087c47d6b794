import { z } from 'zod';
import { localizedText } from '../campaign/campaign.schema.ts';
import { caseContentSchema } from '../case/case-content.ts';
import { CASE_STATUSES } from '../case/case-status.ts';
import { recommendationSchema } from './cases.ts';
import { dataOf, listOf } from './envelope.ts';

// Answers of the superior organization's routes: by the mailed link (server/modules/cases/
// superior-review.routes.ts) and as a signed-in member of a registered unit (superior-member.routes.ts).

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const diffSchema = z.array(z.object({ field: z.string(), ops: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })) }));

/** What the superior organization reads: the case, the hash its decision names back, and what changed since it last decided. */
const reviewViewSchema = z.object({
  campaignSlug: z.string(), campaignTitle: localizedText, unitName: z.string(), superiorName: z.string(),
  content: caseContentSchema, contentSha256: sha256, status: z.enum(CASE_STATUSES), recommendation: recommendationSchema, changes: diffSchema.nullable(),
});
/** By the mailed link: the address it went to. */
export const tokenReviewResponse = dataOf(reviewViewSchema.extend({ superiorEmail: z.string() }));
/** A signed-in member: no address, and whether the unit's request is open so the member may decide now. */
export const memberReviewResponse = dataOf(reviewViewSchema.extend({ superiorEmail: z.null(), decidable: z.boolean() }));

/** A registered unit the case's unit may choose as its superior organization. */
export const candidateSchema = z.object({ id: z.string(), name: z.string(), divisionCode: z.string(), level: z.string() });
export const candidatesResponse = listOf(candidateSchema);

/** A case naming one of the caller's units as its superior organization. */
export const reviewItemSchema = z.object({
  caseId: z.string(), title: z.string(), campaignSlug: z.string(), unitName: z.string(), superiorName: z.string(),
  recommendation: recommendationSchema, decidedAt: z.string().nullable(), updatedAt: z.string(),
});
export const reviewItemsResponse = listOf(reviewItemSchema);
