import type { objectionReceipt, organizerNoticeResponse, publicNoticeResponse } from '../../../../core/api/notice.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';

// Typed calls for the public notice (server/modules/notice): the organizers' view, and the public
// one anyone may read and object through.

const base = (slug: string) => `/api/v1/campaigns/${encodeURIComponent(slug)}/notice`;
const publicBase = (slug: string) => `/api/v1/public/campaigns/${encodeURIComponent(slug)}/notice`;

export type OrganizerNotice = Answer<typeof organizerNoticeResponse>['data'];
export type Objection = OrganizerNotice['objections'][number];
export type NoticeEntry = NonNullable<OrganizerNotice['notice']>['entries'][number];
export type PublicNotice = Answer<typeof publicNoticeResponse>['data'];
export type Tier = 'best' | 'excellent' | 'none';
export type Outcome = { status: 'upheld'; tier: Tier; reason: string } | { status: 'dismissed'; reason: string };
export interface ObjectionForm { n: number; name: string; organization: string; phone: string; email: string; body: string }

export const noticeApi = {
  notice: async (slug: string) => (await api.get<Answer<typeof organizerNoticeResponse>>(base(slug))).data,
  publish: async (slug: string, body: { body: string; days: number }) => (await api.post<Answer<typeof organizerNoticeResponse>>(base(slug), body)).data,
  resolve: async (slug: string, id: string, outcome: Outcome) =>
    (await api.post<Answer<typeof organizerNoticeResponse>>(`${base(slug)}/objections/${encodeURIComponent(id)}/outcome`, outcome)).data,
  finalize: async (slug: string) => (await api.post<Answer<typeof organizerNoticeResponse>>(`${base(slug)}/finalize`, {})).data,
  /** An objection's evidence file, for a download link (organizers of the campaign). */
  fileUrl: (slug: string, objectionId: string, fileId: string) => `${base(slug)}/objections/${encodeURIComponent(objectionId)}/files/${encodeURIComponent(fileId)}`,
  publicNotice: async (slug: string) => (await api.get<Answer<typeof publicNoticeResponse>>(publicBase(slug))).data,
  object: async (slug: string, form: ObjectionForm) =>
    (await api.post<Answer<typeof objectionReceipt>>(`${publicBase(slug)}/objections`, { ...form, phone: form.phone || null, email: form.email || null })).data,
};
