import type { selectionResponse } from '../../../../core/api/selection.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';

// Typed calls for a campaign's selection (server/modules/selection), organizers only; each
// answers the whole view.

const base = (slug: string) => `/api/v1/campaigns/${encodeURIComponent(slug)}/selection`;

export type Selection = Answer<typeof selectionResponse>['data'];
export type SelectionCase = Selection['cases'][number];
export type SelectionQuota = Selection['quotas'][number]['quota'];
export type Binding = NonNullable<Selection['suggestion']>['binding'][number];
export type DecisionTier = SelectionCase['suggested'];

export const selectionApi = {
  selection: async (slug: string) => (await api.get<Answer<typeof selectionResponse>>(base(slug))).data,
  suggest: async (slug: string) => (await api.post<Answer<typeof selectionResponse>>(`${base(slug)}/suggestion`, {})).data,
  accept: async (slug: string) => (await api.post<Answer<typeof selectionResponse>>(`${base(slug)}/accept`, {})).data,
  change: async (slug: string, caseId: string, body: { tier: DecisionTier; reason: string }) =>
    (await api.put<Answer<typeof selectionResponse>>(`${base(slug)}/cases/${encodeURIComponent(caseId)}`, body)).data,
};
