import { z } from 'zod';
import { caseContentSchema } from '../../../core/case/case-content.ts';
import { caseCounts } from '../../../core/case/case-counts.ts';
import type { CaseContent } from '../../../core/case/case-content.ts';
import { recommendationState } from '../../../core/case/recommendation.ts';
import type { CaseInContext } from './case-access.ts';
import { isReencodedImage } from '../uploads/image-reencode.ts';
import { currentRecommendation } from './content-hash.ts';
import type { CaseEventRow, CaseSubmissionRow } from './cases.repository.ts';

/** 'void': recommended, but on a text the case has since left (core/case/recommendation.ts). */
const recommendationSchema = z.enum(['none', 'pending', 'recommended', 'declined', 'void']);
/** How the recommendation's author was known: signed in as a member of the chosen unit, a registered member's address, or neither. */
const verificationSchema = z.enum(['signed_in', 'registered_email', 'unverified']).nullable();
const limit = z.object({ count: z.number(), max: z.number(), state: z.enum(['ok', 'near', 'over']) });

export const caseDetailSchema = z.object({
  id: z.string(),
  campaignSlug: z.string(),
  organizationId: z.string(),
  status: z.enum(['draft', 'submitted', 'withdrawn', 'returned']),
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
  deadline: z.string(),
  editable: z.boolean(),
  counts: z.object({ summary: limit, body: limit, sections: z.record(z.string(), z.number()) }),
  updatedAt: z.string(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export function presentCase(c: CaseInContext, editable: boolean): CaseDetail {
  const { row, campaign } = c;
  const content = JSON.parse(row.content) as CaseContent;
  return {
    id: row.id,
    campaignSlug: campaign.definition.slug,
    organizationId: row.organization_id,
    status: row.status,
    version: row.version,
    content,
    declaration: JSON.parse(row.declaration) as Record<string, string>,
    superiorName: row.superior_name,
    superiorEmail: row.superior_email,
    superiorOrganizationId: row.superior_organization_id,
    recommendation: currentRecommendation(row, campaign.definition.slug),
    recommendationNote: row.recommendation_note,
    recommendationAt: row.recommendation_at,
    recommendationVerification: row.recommendation_verification,
    returnMessage: row.return_message,
    returnDueAt: row.return_due_at,
    submissionCount: row.submission_count,
    deadline: c.deadline,
    editable,
    counts: caseCounts(campaign.definition, content),
    updatedAt: row.updated_at,
  };
}

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
export type ReceiptAttachment = z.infer<typeof receiptAttachmentSchema>;

/** An attachment as a receipt stored it; receipts made before received bytes were recorded lack them. */
type StoredReceiptAttachment = Omit<ReceiptAttachment, 'receivedSha256' | 'receivedSize'> & Partial<ReceiptAttachment>;

// Before received bytes were recorded, every file but a re-encoded picture was stored as
// received (an SVG or HEIC too), as migration 013 reads the attachments themselves.
const withReceived = (a: StoredReceiptAttachment): ReceiptAttachment => {
  if (a.receivedSha256 !== undefined) return { ...a, receivedSha256: a.receivedSha256, receivedSize: a.receivedSize ?? null };
  const asReceived = !isReencodedImage(a.mediaType);
  return { ...a, receivedSha256: asReceived ? a.sha256 : null, receivedSize: asReceived ? a.size : null };
};

export const receiptSchema = z.object({
  caseId: z.string(),
  seq: z.number(),
  receiptNumber: z.string(),
  submittedAt: z.string(),
  contentSha256: z.string(),
  attachments: z.array(receiptAttachmentSchema),
  withdrawnAt: z.string().nullable(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export function presentReceipt(row: CaseSubmissionRow): Receipt {
  return {
    caseId: row.case_id,
    seq: row.seq,
    receiptNumber: row.receipt_number,
    submittedAt: row.submitted_at,
    contentSha256: row.content_sha256,
    attachments: (JSON.parse(row.attachments) as StoredReceiptAttachment[]).map(withReceived),
    withdrawnAt: row.withdrawn_at,
  };
}

export const caseEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  from: z.string(),
  to: z.string(),
  message: z.string().nullable(),
  dueAt: z.string().nullable(),
});

export function presentEvent(row: CaseEventRow): z.infer<typeof caseEventSchema> {
  return { at: row.at, actor: row.actor_label, action: row.action, from: row.from_status, to: row.to_status, message: row.message, dueAt: row.due_at };
}

export const caseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
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

export function presentSummary(row: {
  id: string; title: string; status: string; campaign_slug: string; organization_id: string; organization_name: string;
  submission_count: number; recommendation: 'none' | 'pending' | 'recommended' | 'declined';
  recommendation_sha256: string | null; content_sha256: string | null; recommendation_verification: 'signed_in' | 'registered_email' | 'unverified' | null; return_message: string | null; return_due_at: string | null; updated_at: string;
}): z.infer<typeof caseSummarySchema> {
  return {
    id: row.id, title: row.title, status: row.status, campaignSlug: row.campaign_slug, organizationId: row.organization_id,
    organizationName: row.organization_name, submissionCount: row.submission_count,
    recommendation: recommendationState(row.recommendation, row.recommendation_sha256, row.content_sha256),
    recommendationVerification: row.recommendation_verification,
    returnMessage: row.return_message, returnDueAt: row.return_due_at, updatedAt: row.updated_at,
  };
}
