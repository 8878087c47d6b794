import type { publicationQueueResponse, publicationResponse } from '../../../../core/api/publishing.ts';
import type { QueueFilter } from '../../../../core/publishing/publication-queue.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';

// Typed calls for the publishing queue and a case's public copy (server/modules/publishing),
// organizers of the campaign only.

export type Publication = Answer<typeof publicationResponse>['data'];
export type PublicCopy = NonNullable<Publication['copy']>;
export type PersonalFlag = PublicCopy['personalData'][number];
export type Queue = Answer<typeof publicationQueueResponse>['data'];
export type QueueItem = Queue['items'][number];
export type Refusal = NonNullable<Publication['refusal']>;

export interface CopyEdit {
  version: number;
  title: string;
  unitName: string;
  summary: string;
  sections: Record<string, string>;
  photoIds: string[];
}

export interface QueueQuery {
  state?: QueueFilter | undefined;
  category?: string | undefined;
  page: number;
  pageSize: number;
}

const copy = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/public-copy`;
const data = async <T>(p: Promise<{ data: T }>): Promise<T> => (await p).data;
type One = Answer<typeof publicationResponse>;

export const publishingApi = {
  queue: (slug: string, q: QueueQuery) =>
    data(api.get<Answer<typeof publicationQueueResponse>>(`/api/v1/campaigns/${encodeURIComponent(slug)}/publications`, { ...q })),
  read: (caseId: string) => data(api.get<One>(copy(caseId))),
  create: (caseId: string) => data(api.post<One>(copy(caseId))),
  /** 409 `publication_version_conflict` when someone saved since `version` was read. */
  save: (caseId: string, edit: CopyEdit) => data(api.put<One>(copy(caseId), edit)),
  publish: (caseId: string, version: number) => data(api.post<One>(`${copy(caseId)}/publish`, { version })),
  unpublish: (caseId: string, version: number) => data(api.post<One>(`${copy(caseId)}/unpublish`, { version })),
  recreate: (caseId: string, version: number) => data(api.post<One>(`${copy(caseId)}/recreate`, { version })),
};

export const publishingKeys = {
  all: ['publications'] as const,
  queue: (slug: string, q: QueueQuery) => ['publications', slug, q] as const,
  copy: (caseId: string) => ['publications', 'copy', caseId] as const,
};

/** A picture of the submitted version, as the workbench may read it (organizers of the campaign). */
export const pictureUrl = (attachmentId: string) => `/api/v1/attachments/${encodeURIComponent(attachmentId)}/file`;
