import type { decisionsResponse, progressResponse, queueResponse } from '../../../../core/api/screening.ts';
import { api, type Query } from '../api.ts';
import type { Answer } from '../api-types.ts';

// Typed calls for screening (初审) and progress (server/modules/screening).

const campaign = (slug: string) => `/api/v1/campaigns/${encodeURIComponent(slug)}`;

export type QueueAnswer = Answer<typeof queueResponse>;
export type QueueRow = QueueAnswer['data'][number];
export type SeenCase = { caseId: string; submissionId: string; state: QueueRow['state'] };

export const screeningApi = {
  queue: (slug: string, query: Query) => api.get<QueueAnswer>(`${campaign(slug)}/screening`, query),
  decide: (slug: string, body: { decision: 'pass' | 'reject' | 'return'; reason: string | null; dueAt: string | null; cases: SeenCase[] }) =>
    api.post<Answer<typeof decisionsResponse>>(`${campaign(slug)}/screening/decisions`, body),
  reverse: (caseId: string, body: { submissionId: string; reason: string }) => api.post<Answer<typeof decisionsResponse>>(`/api/v1/cases/${caseId}/screening/reversal`, body),
  progress: async (slug: string) => (await api.get<Answer<typeof progressResponse>>(`${campaign(slug)}/progress`)).data,
};
