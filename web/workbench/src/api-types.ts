import type { z } from 'zod';
import type { attachmentSchema, importProposalSchema } from '../../../core/api/attachments.ts';
import type { meSchema } from '../../../core/api/auth.ts';
import type { campaignDetailSchema, campaignSummarySchema } from '../../../core/api/campaigns.ts';
import type { caseDetailSchema, caseSummarySchema, extensionSchema, receiptAttachmentSchema, receiptSchema } from '../../../core/api/cases.ts';
import type { divisionSchema, memberSchema, organizationSchema } from '../../../core/api/organizations.ts';
import type { mailSchema, organizersResponse, reviewerProfileSchema, reviewersResponse } from '../../../core/api/people.ts';
import type { memberReviewResponse, tokenReviewResponse } from '../../../core/api/superior.ts';

// The shapes of the server's answers, inferred from the very schemas its routes answer with
// (core/api/). Imported as types only: no schema is shipped to the browser, and a changed
// answer fails `tsc` in the page that reads it.

/** What a route answers, from its response schema. */
export type Answer<S extends z.ZodType> = z.infer<S>;
type Item<S extends z.ZodType> = Answer<S> extends { data: (infer T)[] } ? T : never;

export type Me = Answer<typeof meSchema>;
export type Organization = Answer<typeof organizationSchema>;
export type Member = Answer<typeof memberSchema>;
export type Division = Answer<typeof divisionSchema>;

export type CampaignSummary = Answer<typeof campaignSummarySchema>;
export type CampaignDetail = Answer<typeof campaignDetailSchema>;

export type CaseDetail = Answer<typeof caseDetailSchema>;
export type CaseSummary = Answer<typeof caseSummarySchema>;
export type Receipt = Answer<typeof receiptSchema>;
export type ReceiptAttachment = Answer<typeof receiptAttachmentSchema>;
export type DeadlineExtension = Answer<typeof extensionSchema>;
export type Attachment = Answer<typeof attachmentSchema>;
export type ImportProposal = Answer<typeof importProposalSchema>;
export type ImportWarning = ImportProposal['warnings'][number];

/** The case as the superior organization reads it: by the mailed link, or signed in as a member of the chosen unit. */
export type SuperiorView = Answer<typeof tokenReviewResponse>['data'] | Answer<typeof memberReviewResponse>['data'];

export type ReviewerProfile = Answer<typeof reviewerProfileSchema>;
export type Reviewer = Item<typeof reviewersResponse>;
export type Organizer = Item<typeof organizersResponse>;
export type Mail = Answer<typeof mailSchema>;
