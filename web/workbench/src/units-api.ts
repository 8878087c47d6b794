import type { statusResponse } from '../../../core/api/envelope.ts';
import type {
  divisionDetailResponse, divisionsResponse, membersResponse, organizationPageResponse, organizationResponse,
} from '../../../core/api/organizations.ts';
import { api, type Query } from './api.ts';
import type { Answer } from './api-types.ts';
import type { UnitInput } from './components/UnitForm.tsx';

// Typed calls for the unit and division routes (server/modules/organizations, divisions). Each
// answer's type is inferred from the schema its route answers with (core/api/organizations.ts).

type Status = Answer<typeof statusResponse>;
const unit = (id: string) => `/api/v1/organizations/${encodeURIComponent(id)}`;

export const unitsApi = {
  /** The caller's units, or for organizers every unit matching the filters, a page at a time. */
  list: (query: Query) => api.get<Answer<typeof organizationPageResponse>>('/api/v1/organizations', query),
  get: async (id: string) => (await api.get<Answer<typeof organizationResponse>>(unit(id))).data,
  register: async (input: UnitInput) => (await api.post<Answer<typeof organizationResponse>>('/api/v1/organizations', input)).data,
  update: async (id: string, input: UnitInput) => (await api.put<Answer<typeof organizationResponse>>(unit(id), input)).data,
  /** Fold a duplicate unit into another; the answer is the unit kept. */
  merge: async (id: string, into: string) => (await api.post<Answer<typeof organizationResponse>>(`${unit(id)}/merge`, { into })).data,
  members: async (id: string) => (await api.get<Answer<typeof membersResponse>>(`${unit(id)}/members`)).data,
  invite: (id: string, input: { email: string }) => api.post<Status>(`${unit(id)}/invitations`, input),
  askToJoin: (id: string) => api.post<Status>(`${unit(id)}/join-requests`),

  /** The provinces, or the children of one division. */
  divisions: async (parent?: string) => (await api.get<Answer<typeof divisionsResponse>>('/api/v1/divisions', { parent })).data,
  division: async (code: string) => (await api.get<Answer<typeof divisionDetailResponse>>(`/api/v1/divisions/${encodeURIComponent(code)}`)).data,
};
