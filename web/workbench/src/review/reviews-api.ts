import type { assignedCaseResponse, myAssignmentsResponse, reviewResponse } from '../../../../core/api/reviews.ts';
import type { statusResponse } from '../../../../core/api/envelope.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';

// Typed calls for the reviewer workbench (server/modules/scoring).

export type AssignedCase = Answer<typeof assignedCaseResponse>['data'];
export type Review = Answer<typeof reviewResponse>['data'];
export interface ReviewDraft { version: number; scores: Record<string, number>; comment: string; tier: string | null }

const base = '/api/v1/reviews/assignments';

export const reviewsApi = {
  mine: async () => (await api.get<Answer<typeof myAssignmentsResponse>>(base)).data,
  assigned: async (id: string) => (await api.get<Answer<typeof assignedCaseResponse>>(`${base}/${id}`)).data,
  save: async (id: string, draft: ReviewDraft) => (await api.put<Answer<typeof reviewResponse>>(`${base}/${id}/review`, draft)).data,
  submit: async (id: string, draft: ReviewDraft) => (await api.post<Answer<typeof reviewResponse>>(`${base}/${id}/review/submit`, draft)).data,
  declareConflict: (id: string, reason: string) => api.post<Answer<typeof statusResponse>>(`${base}/${id}/conflict`, { reason }),
};
