import { z } from 'zod';
import { dataOf, listOf, pageOf } from './envelope.ts';

// Answers about people and the platform's records: reviewers, organizers, the audit log and the
// outgoing mail (server/modules/reviewers, accounts, audit, mail).

/** Answers show what is stored as it is; only a request's text passes the text rule. */
export const reviewerProfileSchema = z.object({
  expertise: z.array(z.string()),
  organization: z.string(),
  divisionCode: z.string().nullable(),
  capacity: z.number().int().min(0).max(500),
});
export const reviewerProfileResponse = dataOf(reviewerProfileSchema);
export const reviewersResponse = listOf(reviewerProfileSchema.extend({ userId: z.string(), email: z.string(), displayName: z.string() }));
export const reviewerJoinedResponse = z.object({ campaignId: z.string() });

/** Organizers of the platform (campaign null) and of each campaign. */
export const organizersResponse = listOf(z.object({ userId: z.string(), email: z.string(), displayName: z.string(), campaign: z.string().nullable(), since: z.string() }));

/** `id` orders entries as they were appended; `seq` is the place in the hash chain, null until sealed. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  seq: z.number().int().nullable(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  change: z.record(z.string(), z.unknown()),
});
/** A page of entries, with the name (and link, where the reader may open it) of each thing they mention, keyed "case:<id>", "unit:<id>"… */
export const auditPageResponse = pageOf(auditEntrySchema).extend({
  names: z.record(z.string(), z.object({ name: z.string(), href: z.string().nullable() })),
});

const sealState = { unsealed: z.number().int(), oldestUnsealedAt: z.string().nullable() };
/**
 * The hash chain intact up to its head, or the first entry where it was edited, cut, or differs
 * from a head published outside the database; and how many entries wait to be sealed.
 */
export const auditVerificationResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number().int(), headSeq: z.number().int(), ...sealState }),
  z.object({ ok: z.literal(false), seq: z.number().int(), problem: z.enum(['edited', 'broken-link', 'missing', 'truncated', 'rewritten']), ...sealState }),
]);
/** The chain's head as published each day (public). */
export const auditHeadsResponse = z.object({ data: z.array(z.object({ day: z.string(), seq: z.number().int(), hash: z.string(), publishedAt: z.string() })) });

const mailStatus = z.enum(['queued', 'sending', 'sent', 'kept', 'failed']);
export const mailSchema = z.object({
  id: z.string(), to: z.string(), locale: z.string(), template: z.string(), subject: z.string(), text: z.string(), html: z.string(),
  status: mailStatus, messageId: z.string().nullable(), lastError: z.string().nullable(),
  createdAt: z.string(), sentAt: z.string().nullable(),
});
export const mailPageResponse = pageOf(mailSchema);
