import type { dashboardResponse } from '../../../../core/api/dashboard.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';

// Typed call for a campaign's dashboard (server/modules/dashboard), organizers only.

export type Dashboard = Answer<typeof dashboardResponse>['data'];

export const dashboardApi = {
  dashboard: async (slug: string) => (await api.get<Answer<typeof dashboardResponse>>(`/api/v1/campaigns/${encodeURIComponent(slug)}/dashboard`)).data,
};
