import type { z } from 'zod';
import type { caseDetailSchema, caseEventSchema, caseSummarySchema, receiptAttachmentSchema, receiptSchema } from '../../../core/api/cases.ts';
import { caseCounts } from '../../../core/case/case-counts.ts';
import type { CaseContent } from '../../../core/case/case-content.ts';
import type { CaseStatus } from '../../../core/case/case-status.ts';
import { recommendationState } from '../../../core/case/recommendation.ts';
import type { CaseInContext } from './case-access.ts';
import { isReencodedImage } from '../uploads/image-reencode.ts';
import { currentRecommendation } from './content-hash.ts';
import type { CaseEventRow, CaseSubmissionRow } from './cases.repository.ts';

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

export function presentEvent(row: CaseEventRow): z.infer<typeof caseEventSchema> {
  return { at: row.at, actor: row.actor_label, action: row.action, from: row.from_status, to: row.to_status, message: row.message, dueAt: row.due_at };
}

export function presentSummary(row: {
  id: string; title: string; status: CaseStatus; campaign_slug: string; organization_id: string; organization_name: string;
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
