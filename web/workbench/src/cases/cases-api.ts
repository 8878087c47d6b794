import type { CaseContent } from '../../../../core/case/case-content.ts';
import type { FieldDiff } from '../../../../core/case/content-diff.ts';
import type { CaseStatus } from '../../../../core/case/case-status.ts';
import type { Problem } from '../../../../core/case/preflight.ts';
import type { importProposalResponse } from '../../../../core/api/attachments.ts';
import type { CampaignPhase } from '../../../../core/campaign/campaign-phase.ts';
import type { campaignPhaseResponse, campaignResponse, campaignsResponse } from '../../../../core/api/campaigns.ts';
import type {
  caseResponse, caseSummariesResponse, extensionResponse, extensionsResponse, historyResponse, preflightResponse, receiptResponse,
  receiptsResponse, submittedVersionResponse,
} from '../../../../core/api/cases.ts';
import type { statusResponse } from '../../../../core/api/envelope.ts';
import type { candidatesResponse, memberReviewResponse, reviewItemsResponse, tokenReviewResponse } from '../../../../core/api/superior.ts';
import { api } from '../api.ts';
import type { Answer, CaseDetail } from '../api-types.ts';

// Typed calls for the case routes (server/modules/cases/*.routes.ts). Each answer's type is
// inferred from the schema its route answers with (core/api/cases.ts, superior.ts, campaigns.ts).

export type { CaseContent, CaseStatus, FieldDiff, Problem };
export type {
  CampaignDetail, CampaignSummary, CaseDetail, CaseSummary, DeadlineExtension, ImportProposal, ImportWarning, Receipt, ReceiptAttachment,
  SuperiorView,
} from '../api-types.ts';

export interface DraftInput {
  version: number;
  content: CaseContent;
  declaration: Record<string, string>;
  superiorName: string;
  superiorEmail: string | null;
}

export type SuperiorDecision = { decision: 'recommend' | 'decline'; opinion: string; contentSha256: string };

/** Details of a 409 version_conflict on PUT /cases/:id/draft. */
export interface VersionConflictDetails {
  current: CaseDetail;
}

/** Details of a 422 preflight_failed on POST /cases/:id/submit. */
export interface PreflightFailedDetails {
  problems: Problem[];
}

const c = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;
const campaign = (slug: string) => `/api/v1/campaigns/${encodeURIComponent(slug)}`;
const data = async <T>(p: Promise<{ data: T }>): Promise<T> => (await p).data;
/** The Blob type the import route reads a Word file as, whatever type the browser gave the file. */
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const casesApi = {
  listCampaigns: () => data(api.get<Answer<typeof campaignsResponse>>('/api/v1/campaigns')),
  getCampaign: (slug: string) => data(api.get<Answer<typeof campaignResponse>>(campaign(slug))),

  listMyCases: () => data(api.get<Answer<typeof caseSummariesResponse>>('/api/v1/me/cases')),
  createCase: (slug: string, input: { organizationId: string; title: string }) =>
    data(api.post<Answer<typeof caseResponse>>(`${campaign(slug)}/cases`, input)),
  getCase: (id: string) => data(api.get<Answer<typeof caseResponse>>(c(id))),
  /** 409 `version_conflict` (ApiError.details: VersionConflictDetails) when `version` is stale. */
  saveDraft: (id: string, input: DraftInput) => data(api.put<Answer<typeof caseResponse>>(`${c(id)}/draft`, input)),
  preflight: (id: string) => data(api.get<Answer<typeof preflightResponse>>(`${c(id)}/preflight`)),
  /** 201 new receipt, 200 the receipt already made for this requestKey; 422 `preflight_failed`. */
  submit: (id: string, requestKey: string) => data(api.post<Answer<typeof receiptResponse>>(`${c(id)}/submit`, { requestKey })),
  withdraw: (id: string) => data(api.post<Answer<typeof caseResponse>>(`${c(id)}/withdraw`)),
  history: (id: string) => data(api.get<Answer<typeof historyResponse>>(`${c(id)}/history`)),
  submissions: (id: string) => data(api.get<Answer<typeof receiptsResponse>>(`${c(id)}/submissions`)),
  /** A plain link (the browser downloads it with the session cookie). */
  receiptPdfUrl: (id: string, seq: number, locale: string) => `${c(id)}/submissions/${seq}/receipt.pdf?lang=${locale}`,
  /** The Word file split by its headings; nothing is saved. */
  importDocx: (id: string, file: File) =>
    data(api.upload<Answer<typeof importProposalResponse>>(`${c(id)}/import-docx?name=${encodeURIComponent(file.name)}`, file.slice(0, file.size, DOCX_TYPE))),

  // Organizers.
  submittedVersion: (id: string) => data(api.get<Answer<typeof submittedVersionResponse>>(`${c(id)}/submitted`)),
  returnCase: (id: string, input: { message: string; dueAt: string }) => data(api.post<Answer<typeof caseResponse>>(`${c(id)}/return`, input)),
  listCampaignCases: (slug: string, status?: CaseStatus) =>
    data(api.get<Answer<typeof caseSummariesResponse>>(`${campaign(slug)}/cases`, { status })),
  listExtensions: (slug: string) => data(api.get<Answer<typeof extensionsResponse>>(`${campaign(slug)}/deadline-extensions`)),
  /** The next phase, or the one before with a reason (organizers). */
  movePhase: (slug: string, input: { to: CampaignPhase; reason: string | null }) =>
    data(api.post<Answer<typeof campaignPhaseResponse>>(`${campaign(slug)}/phase`, input)),
  extendDeadline: (slug: string, input: { organizationId: string | null; closesAt: string; reason: string }) =>
    data(api.post<Answer<typeof extensionResponse>>(`${campaign(slug)}/deadline-extensions`, input)),

  // Superior organization's recommendation.
  requestSuperiorReview: (id: string) => api.post<Answer<typeof statusResponse>>(`${c(id)}/superior-review`),
  superiorView: (token: string) => data(api.get<Answer<typeof tokenReviewResponse>>('/api/v1/superior-review', { token })),
  /** 409 `case_changed_since_read` when the unit changed the text after `contentSha256` was read. */
  decideSuperiorReview: (input: { token: string } & SuperiorDecision) => api.post<Answer<typeof statusResponse>>('/api/v1/superior-review', input),
  superiorCandidates: (id: string, q: string) => data(api.get<Answer<typeof candidatesResponse>>(`${c(id)}/superior-candidates`, { q })),
  /** null goes back to a mailed address. */
  chooseSuperiorUnit: (id: string, organizationId: string | null) =>
    data(api.put<Answer<typeof caseResponse>>(`${c(id)}/superior-organization`, { organizationId })),
  // Members of a registered superior unit, signed in.
  mySuperiorReviews: () => data(api.get<Answer<typeof reviewItemsResponse>>('/api/v1/me/superior-reviews')),
  memberReview: (id: string) => data(api.get<Answer<typeof memberReviewResponse>>(`/api/v1/superior-reviews/${encodeURIComponent(id)}`)),
  decideAsMember: (id: string, input: SuperiorDecision) =>
    api.post<Answer<typeof statusResponse>>(`/api/v1/superior-reviews/${encodeURIComponent(id)}`, input),
};

/** TanStack Query keys, so pages invalidate each other's data. */
export const caseKeys = {
  campaigns: ['campaigns'] as const,
  campaign: (slug: string) => ['campaign', slug, 'definition'] as const,
  mine: ['cases', 'mine'] as const,
  detail: (id: string) => ['case', id] as const,
  preflight: (id: string) => ['case', id, 'preflight'] as const,
  history: (id: string) => ['case', id, 'history'] as const,
  submissions: (id: string) => ['case', id, 'submissions'] as const,
  campaignCases: (slug: string, status?: string) => ['campaign', slug, 'cases', status ?? 'all'] as const,
  extensions: (slug: string) => ['campaign', slug, 'extensions'] as const,
  superiorReviews: ['superior-reviews'] as const,
  submitted: (id: string, seq: number) => ['case', id, 'submitted', seq] as const,
};
