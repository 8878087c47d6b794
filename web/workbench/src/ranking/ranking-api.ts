import type { flagScoresResponse, rankingResponse } from '../../../../core/api/ranking.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';

// Typed calls for a campaign's ranking (server/modules/ranking), organizers only.

const base = (slug: string) => `/api/v1/campaigns/${encodeURIComponent(slug)}/ranking`;

export type Ranking = Answer<typeof rankingResponse>['data'];
export type RankingRow = Ranking['rows'][number];
export type RankingFlag = Ranking['flags'][number];
export type FlagScores = Answer<typeof flagScoresResponse>['data'];

export const rankingApi = {
  ranking: async (slug: string, category: string | undefined) => (await api.get<Answer<typeof rankingResponse>>(base(slug), { category })).data,
  flag: async (slug: string, flagId: string) => (await api.get<Answer<typeof flagScoresResponse>>(`${base(slug)}/flags/${encodeURIComponent(flagId)}`)).data,
};
