import { z } from 'zod';
import { dataOf } from './envelope.ts';

// Answers of the public notice (server/modules/notice): the organizers' view with objections and
// their authors, and the public view anyone may read, without case ids or anyone's contact.

const tier = z.enum(['best', 'excellent']);
const decisionTier = z.enum(['best', 'excellent', 'none']);

/** A case on the shortlist as published; `n` is its place on the list, used by the objection form. */
const entrySchema = z.object({ n: z.number().int(), tier, title: z.string(), unitName: z.string(), category: z.string() });
/** A case on the public list; once the results are final, with its certificate's number (null before). */
export const publicEntrySchema = entrySchema.extend({ certificate: z.string().nullable() });
export const noticeEntrySchema = entrySchema.extend({ caseId: z.string(), province: z.string().nullable() });

const noticeTimes = {
  body: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Start and end as read in the campaign's time zone ("2026-12-07 10:00"), and the zone's name. */
  startsAtLocal: z.string(),
  endsAtLocal: z.string(),
  zone: z.string(),
  stage: z.enum(['running', 'ended', 'finalized']),
  finalizedAt: z.string().nullable(),
};

export const publicNoticeSchema = z.object({
  campaignTitle: z.string(),
  ...noticeTimes,
  entries: z.array(publicEntrySchema),
});

/**
 * Evidence files an objection may carry (decision 0036): checked by the page before a byte is
 * sent, by the server when the upload starts, and again by content once it has arrived.
 */
export const EVIDENCE_LIMITS = {
  maxCount: 5,
  maxBytes: 20 * 1024 * 1024,
  accept: ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  extensions: ['pdf', 'jpg', 'jpeg', 'png', 'docx'],
} as const;

/** Who filed an objection may send its evidence files through tus with this token until it runs out. */
export const evidenceUploadSchema = z.object({ objectionId: z.string(), token: z.string(), expiresAt: z.string() });
export const objectionFileSchema = z.object({ id: z.string(), fileName: z.string(), size: z.number().int(), mediaType: z.string(), createdAt: z.string() });
export type ObjectionFile = z.infer<typeof objectionFileSchema>;

export const objectionSchema = z.object({
  id: z.string(),
  reference: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  unitName: z.string(),
  /** The case's tier now (after any upheld objection). */
  currentTier: decisionTier,
  authorName: z.string(),
  authorOrganization: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  body: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  outcomeTier: decisionTier.nullable(),
  outcomeReason: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Evidence files the author sent, oldest first. */
  files: z.array(objectionFileSchema),
});

export const organizerNoticeSchema = z.object({
  phase: z.string(),
  /** Null until published. */
  notice: z.object({ ...noticeTimes, entries: z.array(noticeEntrySchema), publishedAt: z.string(), publishedBy: z.string() }).nullable(),
  /** What publishing would put on the list now, and whether the selection allows it. */
  draft: z.object({ days: z.number().int(), body: z.string(), selected: z.number().int(), ready: z.boolean() }),
  objections: z.array(objectionSchema),
  /** Why finalizing is refused now, or null when it may happen. */
  finalizeRefusal: z.enum(['notice_missing', 'notice_running', 'objections_open', 'already_final']).nullable(),
});

export const organizerNoticeResponse = dataOf(organizerNoticeSchema);
export const publicNoticeResponse = dataOf(publicNoticeSchema);
export const objectionReceipt = dataOf(z.object({ reference: z.string(), mailed: z.boolean(), evidence: evidenceUploadSchema }));

export type OrganizerNotice = z.infer<typeof organizerNoticeSchema>;
export type PublicNotice = z.infer<typeof publicNoticeSchema>;
export type Objection = z.infer<typeof objectionSchema>;

