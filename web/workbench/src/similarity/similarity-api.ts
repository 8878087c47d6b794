import type { referenceImportResponse, similarityReportResponse, similarityStatusResponse } from '../../../../core/api/similarity.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';

// Typed calls for near-duplicates (server/modules/similarity): a case's report and the state of
// its check, and the import of earlier campaigns' cases.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const campaign = (slug: string) => `/api/v1/campaigns/${encodeURIComponent(slug)}`;
const sheet = (file: File) => new Blob([file], { type: XLSX });

export type SimilarityReport = Answer<typeof similarityReportResponse>['data'];
export type ReferenceImportReport = Answer<typeof referenceImportResponse>['data'];

export const similarityApi = {
  report: async (caseId: string) => (await api.get<Answer<typeof similarityReportResponse>>(`/api/v1/cases/${caseId}/similarity`)).data,
  status: async (caseId: string) => (await api.get<Answer<typeof similarityStatusResponse>>(`/api/v1/cases/${caseId}/similarity/status`)).data,
  previewReferences: async (slug: string, file: File) =>
    (await api.upload<Answer<typeof referenceImportResponse>>(`${campaign(slug)}/reference-imports/preview?name=${encodeURIComponent(file.name)}`, sheet(file))).data,
  importReferences: async (slug: string, file: File) =>
    (await api.upload<Answer<typeof referenceImportResponse>>(`${campaign(slug)}/reference-imports?name=${encodeURIComponent(file.name)}`, sheet(file))).data,
};
