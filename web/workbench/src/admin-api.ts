import type { statusResponse } from '../../../core/api/envelope.ts';
import type { auditPageResponse, auditVerificationResponse, mailPageResponse, organizersResponse, reviewersResponse } from '../../../core/api/people.ts';
import { api, type Query } from './api.ts';
import type { Answer } from './api-types.ts';

// Typed calls for the organizers' records (server/modules/accounts, reviewers, audit, mail).
// Each answer's type is inferred from the schema its route answers with (core/api/people.ts).

const campaign = (slug: string) => `/api/v1/campaigns/${encodeURIComponent(slug)}`;

export const adminApi = {
  organizers: async () => (await api.get<Answer<typeof organizersResponse>>('/api/v1/organizers')).data,
  reviewers: async (slug: string) => (await api.get<Answer<typeof reviewersResponse>>(`${campaign(slug)}/reviewers`)).data,
  inviteReviewer: (slug: string, input: { email: string }) => api.post<Answer<typeof statusResponse>>(`${campaign(slug)}/reviewer-invitations`, input),
  /** A page of the audit log, newest first, with the names of what its entries mention. */
  audit: (query: Query) => api.get<Answer<typeof auditPageResponse>>('/api/v1/audit', query),
  verifyAudit: () => api.get<Answer<typeof auditVerificationResponse>>('/api/v1/audit/verification'),
  /** A page of the outgoing mail, newest first. */
  outgoingMail: (query: Query) => api.get<Answer<typeof mailPageResponse>>('/api/v1/outgoing-mail', query),
};
