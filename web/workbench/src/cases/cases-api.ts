import type { Campaign, LocalizedText } from '../../../../core/campaign/campaign.schema.ts';
import type { CaseContent } from '../../../../core/case/case-content.ts';
import type { FieldDiff } from '../../../../core/case/content-diff.ts';
import type { CaseStatus } from '../../../../core/case/case-status.ts';
import type { Problem } from '../../../../core/case/preflight.ts';
import type { LimitState } from '../../../../core/text/zi-count.ts';
import { api } from '../api.ts';

// Typed calls for the case routes (server/modules/cases/cases.routes.ts and
// superior-review.routes.ts). The shapes mirror cases.present.ts: the browser never imports
// server/, so keep these in step with it.

export type { CaseContent, CaseStatus, FieldDiff, Problem };

/** 'void': recommended on a text the case has since left (core/case/recommendation.ts). */
export type Recommendation = 'none' | 'pending' | 'recommended' | 'declined' | 'void';
/** How the recommendation's author was known: signed in as a member of the chosen unit, a registered member's address, or neither. */
export type RecommendationVerification = 'signed_in' | 'registered_email' | 'unverified';

export interface CaseLimit {
  count: number;
  max: number;
  state: LimitState;
}

export interface CaseDetail {
  id: string;
  campaignSlug: string;
  organizationId: string;
  status: CaseStatus;
  version: number;
  content: CaseContent;
  declaration: Record<string, string>;
  superiorName: string;
  superiorEmail: string | null;
  /** A registered unit chosen as the superior organization; its members recommend signed in. */
  superiorOrganizationId: string | null;
  recommendation: Recommendation;
  recommendationNote: string | null;
  recommendationAt: string | null;
  recommendationVerification: RecommendationVerification | null;
  returnMessage: string | null;
  returnDueAt: string | null;
  submissionCount: number;
  /** The unit's effective deadline, UTC ISO. */
  deadline: string;
  editable: boolean;
  counts: { summary: CaseLimit; body: CaseLimit; sections: Record<string, number> };
  updatedAt: string;
}

export interface ReceiptAttachment {
  id: string;
  kind: string;
  fileName: string;
  size: number;
  mediaType: string;
  /** The stored bytes: a re-encoded picture's copy. */
  sha256: string;
  /** The bytes as sent; null for a picture stored before originals were kept. */
  receivedSha256: string | null;
  receivedSize: number | null;
}

export interface Receipt {
  caseId: string;
  seq: number;
  receiptNumber: string;
  submittedAt: string;
  contentSha256: string;
  attachments: ReceiptAttachment[];
  withdrawnAt: string | null;
}

export interface CaseEvent {
  at: string;
  actor: string;
  action: string;
  from: string;
  to: string;
  message: string | null;
  dueAt: string | null;
}

export interface CaseSummary {
  id: string;
  title: string;
  status: string;
  campaignSlug: string;
  organizationId: string;
  organizationName: string;
  submissionCount: number;
  recommendation: string;
  recommendationVerification: RecommendationVerification | null;
  returnMessage: string | null;
  returnDueAt: string | null;
  updatedAt: string;
}

export interface DeadlineExtension {
  id: string;
  organizationId: string | null;
  closesAt: string;
  reason: string;
  createdAt: string;
}

/** GET /api/v1/campaigns/:slug: the campaign definition plus its window state and links. */
export type CampaignDetail = Campaign & {
  state: { opensAtUtc: string; closesAtUtc: string; phase: 'upcoming' | 'open' | 'closed' };
  links: { page: string; declarationForm: { 'zh-CN': string; en: string } };
};

/** GET /api/v1/campaigns: one line per campaign, with its window as UTC instants. */
export interface CampaignSummary {
  slug: string;
  edition: number;
  title: LocalizedText;
  theme: LocalizedText;
  noticeDate: string;
  window: { opensAtUtc: string; closesAtUtc: string; phase: 'upcoming' | 'open' | 'closed'; timeZone: string };
}

export interface DraftInput {
  version: number;
  content: CaseContent;
  declaration: Record<string, string>;
  superiorName: string;
  superiorEmail: string | null;
}

/** The case as the superior organization reads it by the mailed link. */
export interface SuperiorView {
  campaignSlug: string;
  campaignTitle: LocalizedText;
  unitName: string;
  superiorName: string;
  /** The mailed address; null for a member of a registered superior unit, signed in. */
  superiorEmail: string | null;
  content: CaseContent;
  /** Named back with the decision, which binds it to exactly this text. */
  contentSha256: string;
  status: string;
  recommendation: string;
  /** What changed since the superior last decided, field by field; null when nothing did. */
  changes: FieldDiff[] | null;
  /** Signed-in members only: whether the unit's request is open and the reader may decide now. */
  decidable?: boolean;
}

/** A registered unit the case's unit may choose as its superior organization. */
export interface SuperiorCandidate {
  id: string;
  name: string;
  divisionCode: string;
  level: string;
}

/** A case naming one of the caller's units as its superior organization. */
export interface SuperiorReviewItem {
  caseId: string;
  title: string;
  campaignSlug: string;
  unitName: string;
  superiorName: string;
  recommendation: Recommendation;
  decidedAt: string | null;
  updatedAt: string;
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

export const casesApi = {
  listCampaigns: () => data(api.get<{ data: CampaignSummary[] }>('/api/v1/campaigns')),
  getCampaign: (slug: string) => data(api.get<{ data: CampaignDetail }>(campaign(slug))),

  listMyCases: () => data(api.get<{ data: CaseSummary[] }>('/api/v1/me/cases')),
  createCase: (slug: string, input: { organizationId: string; title: string }) =>
    data(api.post<{ data: CaseDetail }>(`${campaign(slug)}/cases`, input)),
  getCase: (id: string) => data(api.get<{ data: CaseDetail }>(c(id))),
  /** 409 `version_conflict` (ApiError.details: VersionConflictDetails) when `version` is stale. */
  saveDraft: (id: string, input: DraftInput) => data(api.put<{ data: CaseDetail }>(`${c(id)}/draft`, input)),
  preflight: (id: string) => data(api.get<{ data: { problems: Problem[] } }>(`${c(id)}/preflight`)),
  /** 201 new receipt, 200 the receipt already made for this requestKey; 422 `preflight_failed`. */
  submit: (id: string, requestKey: string) => data(api.post<{ data: Receipt }>(`${c(id)}/submit`, { requestKey })),
  withdraw: (id: string) => data(api.post<{ data: CaseDetail }>(`${c(id)}/withdraw`)),
  history: (id: string) => data(api.get<{ data: CaseEvent[] }>(`${c(id)}/history`)),
  submissions: (id: string) => data(api.get<{ data: Receipt[] }>(`${c(id)}/submissions`)),
  /** A plain link (the browser downloads it with the session cookie). */
  receiptPdfUrl: (id: string, seq: number, locale: string) => `${c(id)}/submissions/${seq}/receipt.pdf?lang=${locale}`,

  // Organizers.
  returnCase: (id: string, input: { message: string; dueAt: string }) => data(api.post<{ data: CaseDetail }>(`${c(id)}/return`, input)),
  listCampaignCases: (slug: string, status?: CaseStatus) =>
    data(api.get<{ data: CaseSummary[] }>(`${campaign(slug)}/cases`, { status })),
  listExtensions: (slug: string) => data(api.get<{ data: DeadlineExtension[] }>(`${campaign(slug)}/deadline-extensions`)),
  extendDeadline: (slug: string, input: { organizationId: string | null; closesAt: string; reason: string }) =>
    data(api.post<{ data: DeadlineExtension }>(`${campaign(slug)}/deadline-extensions`, input)),

  // Superior organization's recommendation.
  requestSuperiorReview: (id: string) => api.post<{ status: string }>(`${c(id)}/superior-review`),
  superiorView: (token: string) => data(api.get<{ data: SuperiorView }>('/api/v1/superior-review', { token })),
  /** 409 `case_changed_since_read` when the unit changed the text after `contentSha256` was read. */
  decideSuperiorReview: (input: { token: string; decision: 'recommend' | 'decline'; opinion: string; contentSha256: string }) =>
    api.post<{ status: string }>('/api/v1/superior-review', input),
  superiorCandidates: (id: string, q: string) => data(api.get<{ data: SuperiorCandidate[] }>(`${c(id)}/superior-candidates`, { q })),
  /** null goes back to a mailed address. */
  chooseSuperiorUnit: (id: string, organizationId: string | null) => data(api.put<{ data: CaseDetail }>(`${c(id)}/superior-organization`, { organizationId })),
  // Members of a registered superior unit, signed in.
  mySuperiorReviews: () => data(api.get<{ data: SuperiorReviewItem[] }>('/api/v1/me/superior-reviews')),
  memberReview: (id: string) => data(api.get<{ data: SuperiorView }>(`/api/v1/superior-reviews/${encodeURIComponent(id)}`)),
  decideAsMember: (id: string, input: SuperiorDecision) => api.post<{ status: string }>(`/api/v1/superior-reviews/${encodeURIComponent(id)}`, input),
};

/** TanStack Query keys, so pages invalidate each other's data. */
export const caseKeys = {
  campaigns: ['campaigns'] as const,
  // Not ['campaign', slug]: OrgReviewersPage caches the unwrapped { data } answer under that key.
  campaign: (slug: string) => ['campaign', slug, 'definition'] as const,
  mine: ['cases', 'mine'] as const,
  detail: (id: string) => ['case', id] as const,
  preflight: (id: string) => ['case', id, 'preflight'] as const,
  history: (id: string) => ['case', id, 'history'] as const,
  submissions: (id: string) => ['case', id, 'submissions'] as const,
  campaignCases: (slug: string, status?: string) => ['campaign', slug, 'cases', status ?? 'all'] as const,
  extensions: (slug: string) => ['campaign', slug, 'extensions'] as const,
  superiorReviews: ['superior-reviews'] as const,
};
