import { z } from 'zod';
import { caseContentSchema } from '../case/case-content.ts';
import { CASE_STATUSES } from '../case/case-status.ts';
import { PROBLEM_CODES } from '../case/preflight.ts';
import { dataOf, listOf } from './envelope.ts';

// Answers of the case routes (server/modules/cases): a case, its receipts, its history, and the
// lists organizers and units read.

/** 'void': recommended, but on a text the case has since left (core/case/recommendation.ts). */
export const recommendationSchema = z.enum(['none', 'pending', 'recommended', 'declined', 'void']);
/** How the recommendation's author was known: signed in as a member of the chosen unit, a registered member's address, or neither. */
export const verificationSchema = z.enum(['signed_in', 'registered_email', 'unverified']).nullable();
const limit = z.object({ count: z.number(), max: z.number(), state: z.enum(['ok', 'near', 'over']) });

export const caseDetailSchema = z.object({
  id: z.string(),
  campaignSlug: z.string(),
  organizationId: z.string(),
  status: z.enum(CASE_STATUSES),
  version: z.number(),
  content: caseContentSchema,
  declaration: z.record(z.string(), z.string()),
  superiorName: z.string(),
  superiorEmail: z.string().nullable(),
  /** A registered unit chosen as the superior organization (its members recommend signed in). */
  superiorOrganizationId: z.string().nullable(),
  recommendation: recommendationSchema,
  recommendationNote: z.string().nullable(),
  recommendationAt: z.string().nullable(),
  recommendationVerification: verificationSchema,
  returnMessage: z.string().nullable(),
  returnDueAt: z.string().nullable(),
  submissionCount: z.number(),
  /** The unit's effective deadline, UTC ISO. */
  deadline: z.string(),
  editable: z.boolean(),
  counts: z.object({ summary: limit, body: limit, sections: z.record(z.string(), z.number()) }),
  updatedAt: z.string(),
});
export const caseResponse = dataOf(caseDetailSchema);

export const receiptAttachmentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  size: z.number(),
  mediaType: z.string(),
  /** The stored bytes: for a re-encoded picture, the derived copy. */
  sha256: z.string(),
  /** The bytes the platform received, what `sha256sum` on the unit's own file gives; null for a picture stored before originals were kept. */
  receivedSha256: z.string().nullable(),
  receivedSize: z.number().nullable(),
});

export const receiptSchema = z.object({
  caseId: z.string(),
  seq: z.number(),
  receiptNumber: z.string(),
  submittedAt: z.string(),
  contentSha256: z.string(),
  attachments: z.array(receiptAttachmentSchema),
  withdrawnAt: z.string().nullable(),
});
export const receiptResponse = dataOf(receiptSchema);
export const receiptsResponse = listOf(receiptSchema);

export const caseEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  from: z.string(),
  to: z.string(),
  message: z.string().nullable(),
  dueAt: z.string().nullable(),
});
export const historyResponse = listOf(caseEventSchema);

export const caseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  campaignSlug: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  submissionCount: z.number(),
  recommendation: recommendationSchema,
  recommendationVerification: verificationSchema,
  returnMessage: z.string().nullable(),
  returnDueAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const caseSummariesResponse = listOf(caseSummarySchema);

/** Everything that stands between the draft and a submission (core/case/preflight.ts). */
export const problemSchema = z.object({ code: z.enum(PROBLEM_CODES), target: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export const preflightResponse = dataOf(z.object({ problems: z.array(problemSchema) }));

export const extensionSchema = z.object({ id: z.string(), organizationId: z.string().nullable(), closesAt: z.string(), reason: z.string(), createdAt: z.string() });
export const extensionResponse = dataOf(extensionSchema);
export const extensionsResponse = listOf(extensionSchema);

/** What the unit last submitted, exactly as its receipt's hash covers it. */
export const submittedVersionSchema = z.object({
  seq: z.number(),
  receiptNumber: z.string(),
  submittedAt: z.string(),
  content: caseContentSchema,
  declaration: z.record(z.string(), z.string()),
});
export const submittedVersionResponse = dataOf(submittedVersionSchema);
