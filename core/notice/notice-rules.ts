import { normalizePhone } from '../org/phone.ts';
import { zonedLocalToUtc, wallClockAt } from '../time/zoned-time.ts';

// The public notice (公示) of the shortlist and the objections against it (issue 15, item 3;
// decision 0032). A notice runs whole calendar days in the campaign's time zone: published on
// 7 December for 7 days, it takes objections until the end of 13 December. Organizers finalize
// only once it has ended and every objection has an outcome.

export const DEFAULT_NOTICE_DAYS = 7;
export const MAX_NOTICE_DAYS = 30;
export const NOTICE_BODY_MAX = 5000;
export const OBJECTION_LIMITS = { name: 50, organization: 100, body: 2000, bodyMin: 10, reason: 500 } as const;
/**
 * How many objections are taken in an hour (decision 0037): from one author (their e-mail, or
 * phone without one) on one network, and from one network whoever files them, so colleagues
 * behind one office's address each have their own; refused and repeated filings do not count.
 * `requestsPerNetwork` is the flood guard on every request, counted before anything is read.
 */
export const OBJECTION_RATE = { perAuthor: 5, perNetwork: 10, requestsPerNetwork: 60 } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** From `publishedAt` to the end of the `days`-th calendar day in `timeZone` (the end is exclusive). */
export function noticeWindow(publishedAt: Date, days: number, timeZone: string): { startsAt: Date; endsAt: Date } {
  const today = wallClockAt(publishedAt, timeZone);
  // Noon of the first day plus `days` whole days lands on the day after the last, whatever the calendar.
  const after = new Date(Date.UTC(today.year, today.month - 1, today.day, 12) + days * 86_400_000);
  const endsAt = zonedLocalToUtc(`${after.getUTCFullYear()}-${pad(after.getUTCMonth() + 1)}-${pad(after.getUTCDate())}T00:00:00`, timeZone);
  return { startsAt: publishedAt, endsAt };
}

export type NoticeStage = 'running' | 'ended' | 'finalized';

export function noticeStage(notice: { endsAt: string; finalizedAt: string | null }, now: Date): NoticeStage {
  if (notice.finalizedAt) return 'finalized';
  return now.toISOString() < notice.endsAt ? 'running' : 'ended';
}

export type FinalizeRefusal = 'notice_missing' | 'notice_running' | 'objections_open' | 'already_final';

/** Why the campaign may not be finalized now, or null when it may. */
export function finalizeRefusal(notice: { endsAt: string; finalizedAt: string | null } | null, openObjections: number, now: Date): FinalizeRefusal | null {
  if (!notice) return 'notice_missing';
  const stage = noticeStage(notice, now);
  if (stage === 'finalized') return 'already_final';
  if (stage === 'running') return 'notice_running';
  if (openObjections > 0) return 'objections_open';
  return null;
}

export interface ObjectionInput {
  name: string;
  organization: string;
  phone: string | null;
  email: string | null;
  body: string;
}

export type ObjectionProblem =
  | { field: 'name' | 'organization' | 'body'; problem: 'required' | 'too_long' | 'too_short'; limit?: number }
  | { field: 'phone'; problem: 'invalid' }
  | { field: 'email'; problem: 'invalid' }
  | { field: 'contact'; problem: 'required' };

// One plain address: no display name, no list, nothing a mail header would read as more.
const EMAIL = /^[^\s@"<>,;:()[\]\\]+@[^\s@"<>,;:()[\]\\]+\.[^\s@"<>,;:()[\]\\]+$/;
const chars = (s: string) => [...s].length;

/** What is wrong with an objection as typed, field by field; an empty list when nothing is. */
export function objectionProblems(input: ObjectionInput): ObjectionProblem[] {
  const problems: ObjectionProblem[] = [];
  const text = (field: 'name' | 'organization' | 'body', value: string, max: number, min = 1) => {
    const n = chars(value.trim());
    if (n === 0) problems.push({ field, problem: 'required' });
    else if (n > max) problems.push({ field, problem: 'too_long', limit: max });
    else if (n < min) problems.push({ field, problem: 'too_short', limit: min });
  };
  text('name', input.name, OBJECTION_LIMITS.name);
  text('organization', input.organization, OBJECTION_LIMITS.organization);
  text('body', input.body, OBJECTION_LIMITS.body, OBJECTION_LIMITS.bodyMin);
  const phone = input.phone?.trim() || null;
  const email = input.email?.trim() || null;
  if (phone && !normalizePhone(phone)) problems.push({ field: 'phone', problem: 'invalid' });
  if (email && (!EMAIL.test(email) || email.length > 254)) problems.push({ field: 'email', problem: 'invalid' });
  if (!phone && !email) problems.push({ field: 'contact', problem: 'required' });
  return problems;
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** An objection's reference told to its author: YY<edition>-XXXX-XXXX, without look-alike letters. */
export function objectionReference(edition: number, randomBytes: Uint8Array): string {
  const letters = [...randomBytes.slice(0, 8)].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('');
  return `YY${edition}-${letters.slice(0, 4)}-${letters.slice(4, 8)}`;
}

export type ObjectionOutcome =
  | { status: 'upheld'; tier: 'best' | 'excellent' | 'none'; reason: string }
  | { status: 'dismissed'; reason: string };

export type OutcomeRefusal = 'reason_required' | 'reason_too_long' | 'tier_unchanged';

/** Why an outcome may not be recorded for a case now at `currentTier`, or null. */
export function outcomeRefusal(outcome: ObjectionOutcome, currentTier: 'best' | 'excellent' | 'none'): OutcomeRefusal | null {
  const n = chars(outcome.reason.trim());
  if (n === 0) return 'reason_required';
  if (n > OBJECTION_LIMITS.reason) return 'reason_too_long';
  if (outcome.status === 'upheld' && outcome.tier === currentTier) return 'tier_unchanged';
  return null;
}
