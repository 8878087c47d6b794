import type { assignmentPreviewResponse, assignmentRunResponse, latestRunResponse, releaseResponse } from '../../../../core/api/assignment.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';

// Typed calls for a campaign's reviewer assignment (server/modules/assignment).

const base = (slug: string) => `/api/v1/campaigns/${encodeURIComponent(slug)}`;

export type AssignmentRun = NonNullable<Answer<typeof latestRunResponse>['data']>;
export type AssignmentPreview = Answer<typeof assignmentPreviewResponse>;
export type PreviewCase = AssignmentPreview['data']['cases'][number];
export type PreviewReviewer = AssignmentPreview['data']['reviewers'][number];
export type Shortfall = AssignmentPreview['data']['summary']['shortfall'][number];

export interface PreviewFilter {
  category?: string | undefined;
  reviewer?: string | undefined;
  state?: 'proposed' | 'released' | 'short' | undefined;
  page: number;
  pageSize: number;
}

export const assignmentKeys = {
  run: (slug: string) => ['assignment-run', slug] as const,
  preview: (slug: string) => ['assignments', slug] as const,
};

export const assignmentApi = {
  latestRun: async (slug: string) => (await api.get<Answer<typeof latestRunResponse>>(`${base(slug)}/assignment-runs/latest`)).data,
  startRun: async (slug: string) => (await api.post<Answer<typeof assignmentRunResponse>>(`${base(slug)}/assignment-runs`, {})).data,
  preview: (slug: string, filter: PreviewFilter) => api.get<AssignmentPreview>(`${base(slug)}/assignments`, { ...filter }),
  add: (slug: string, caseId: string, reviewerId: string) => api.post(`${base(slug)}/assignments`, { caseId, reviewerId }),
  remove: (slug: string, id: string) => api.delete(`${base(slug)}/assignments/${encodeURIComponent(id)}`),
  release: async (slug: string, input: { override: boolean; reason: string | null }) =>
    (await api.post<Answer<typeof releaseResponse>>(`${base(slug)}/assignments/release`, input)).data,
};
