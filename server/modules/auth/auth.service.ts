import type { Kysely, Transaction } from 'kysely';
import { checkPassword } from '../../../core/auth/password-strength.ts';
import { safeNext } from '../../../core/auth/safe-next.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { hashSecretToken, newSecretToken } from '../../shared/secret-token.ts';
import { findUserByEmail, findUserById, insertUser, updateUser } from '../accounts/accounts.repository.ts';
import { hashPassword, verifyPasswordOrDummy } from '../accounts/password.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Actor } from './actor.ts';
import {
  consumeOneTimeToken,
  countLinksSince,
  countRecentFailedSignIns,
  deleteSession,
  deleteSessionByTokenHash,
  deleteSessionsOfUser,
  endResetLinksOfUser,
  findUserByEmailForUpdate,
  findLiveSessionWithAccess,
  findOneTimeToken,
  insertOneTimeToken,
  insertSession,
  lockUser,
  touchSession,
} from './auth.repository.ts';

const DAY_MS = 86_400_000;
export const SESSION_DAYS = 30;
/** However often it is used, a session ends this long after sign-in (ASVS 7.3.2). */
export const SESSION_MAX_DAYS = 90;
const VERIFY_LINK_HOURS = 48;
export const RESEND_MAX_PER_HOUR = 3;
const RESET_LINK_HOURS = 2;
const SIGN_IN_WINDOW_MS = 15 * 60_000;
const SIGN_IN_MAX_FAILURES = 5;
const TOUCH_EVERY_MS = 5 * 60_000;

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  baseUrl: string;
}

/** Refuses a weak password with every problem named, before anything is written. */
export function assertStrongPassword(password: string, context: { email?: string; name?: string }): void {
  const result = checkPassword(password, context);
  if (!result.ok) throw new AppError('weak_password', {}, result.problems);
}

async function issueLink(
  trx: Transaction<Database>,
  input: { kind: 'verify_email' | 'reset_password'; email: string; userId: string; hours: number; locale: Locale; next?: string | null | undefined },
  now: Date,
  baseUrl: string,
): Promise<void> {
  const { token, hash } = newSecretToken();
  await insertOneTimeToken(trx, {
    id: newId(), kind: input.kind, token_hash: hash, email: input.email, user_id: input.userId, subject_id: null,
    created_at: now.toISOString(), expires_at: later(now, input.hours * 3_600_000), used_at: null,
  });
  const mail = { to: input.email, locale: input.locale };
  if (input.kind === 'verify_email') {
    // Where the visitor was going (starting a case, say) rides along, checked again on arrival.
    const next = safeNext(input.next);
    const link = `${baseUrl}/app/verify-email?token=${token}${next ? `&next=${encodeURIComponent(next)}` : ''}`;
    await queueMail(trx, { ...mail, template: 'verify_email', params: { link } }, now);
  } else {
    await queueMail(trx, { ...mail, template: 'reset_password', params: { link: `${baseUrl}/app/reset-password?token=${token}`, hours: input.hours } }, now);
  }
}

/**
 * A new account's password, checked for strength and hashed before its transaction opens:
 * argon2 takes tens of milliseconds, and on SQLite a transaction holds the one connection (and
 * the commit group it shares, decision 0012) for as long as it runs. Hashed whether or not the
 * address has an account, so the answer takes as long either way.
 */
export async function prepareSignUp(input: { email: string; password: string; displayName: string }): Promise<{ passwordHash: string }> {
  assertStrongPassword(input.password, { email: normalizeEmail(input.email), name: input.displayName });
  return { passwordHash: await hashPassword(input.password) };
}

/**
 * Registers an unverified account and mails a verification link. The caller learns nothing
 * about whether the address already had an account: an unverified one gets a fresh link, a
 * verified one nothing.
 */
export async function signUp(
  trx: Transaction<Database>,
  input: { email: string; passwordHash: string; displayName: string; locale: Locale; next?: string | undefined },
  now: Date,
  meta: RequestMeta,
): Promise<void> {
  const email = normalizeEmail(input.email);
  const existing = await findUserByEmail(trx, email);
  if (existing) {
    await resendVerification(trx, { email, next: input.next }, now, meta);
    return;
  }
  const id = newId();
  const stamp = now.toISOString();
  await insertUser(trx, {
    id, email, password_hash: input.passwordHash, display_name: input.displayName.trim(),
    email_verified_at: null, locale: input.locale, created_at: stamp, updated_at: stamp,
  });
  await appendAudit(trx, { actorId: id, actorLabel: email, action: 'account.sign_up', subjectType: 'user', subjectId: id, change: { email, locale: input.locale } }, now);
  await issueLink(trx, { kind: 'verify_email', email, userId: id, hours: VERIFY_LINK_HOURS, locale: input.locale, next: input.next }, now, meta.baseUrl);
}

/**
 * Mails a fresh verification link to an account not verified yet, at most
 * RESEND_MAX_PER_HOUR links an hour per address (counted from the links in the database, so
 * the limit holds across instances). The caller learns nothing either way: an unknown, verified
 * or rate-limited address gets the same answer as one that was mailed.
 */
export async function resendVerification(trx: Transaction<Database>, input: { email: string; next?: string | undefined }, now: Date, meta: RequestMeta): Promise<void> {
  const email = normalizeEmail(input.email);
  const user = await findUserByEmailForUpdate(trx, email);
  if (!user || user.email_verified_at || user.disabled_at) return;
  const since = new Date(now.getTime() - 3_600_000).toISOString();
  if ((await countLinksSince(trx, 'verify_email', email, since)) >= RESEND_MAX_PER_HOUR) return;
  await issueLink(trx, { kind: 'verify_email', email, userId: user.id, hours: VERIFY_LINK_HOURS, locale: user.locale, next: input.next }, now, meta.baseUrl);
}

async function useLink(trx: Transaction<Database>, kind: 'verify_email' | 'reset_password', token: string, now: Date) {
  const row = await findOneTimeToken(trx, kind, hashSecretToken(token));
  if (!row || row.used_at || row.expires_at <= now.toISOString() || !row.user_id) throw new AppError('link_invalid');
  if (!(await consumeOneTimeToken(trx, row.id, now.toISOString()))) throw new AppError('link_invalid');
  return { ...row, user_id: row.user_id };
}

/**
 * Marks the address verified; a link works once and only before it expires. A link of an
 * address that is verified already (opened twice, or from an older mail) says so instead of
 * failing: whoever holds it can read that mailbox, so it tells them nothing new.
 */
export async function verifyEmail(trx: Transaction<Database>, token: string, now: Date): Promise<'verified' | 'already_verified'> {
  const known = await findOneTimeToken(trx, 'verify_email', hashSecretToken(token));
  const owner = known?.user_id ? await findUserById(trx, known.user_id) : undefined;
  if (owner?.email_verified_at && owner.email === known!.email) return 'already_verified';
  const row = await useLink(trx, 'verify_email', token, now);
  await updateUser(trx, row.user_id, { email_verified_at: now.toISOString(), updated_at: now.toISOString() });
  await appendAudit(trx, { actorId: row.user_id, actorLabel: row.email, action: 'account.verify_email', subjectType: 'user', subjectId: row.user_id, change: {} }, now);
  return 'verified';
}

export type SignInOutcome =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials' | 'too_many_attempts' | 'email_not_verified' };

/** What the password check outside the transaction found (see checkSignIn). */
export interface SignInCheck {
  email: string;
  /** The stored hash the password matched, or null when it did not. */
  matchedHash: string | null;
}

/**
 * The first half of signing in, outside any transaction: argon2 takes tens of milliseconds, and
 * on SQLite a transaction holds the one connection (and the commit group it shares, decision
 * 0012) for as long as it runs. An unknown address, or an account disabled or without a
 * password, costs the same argon2 verification as a wrong password (against a dummy hash), so
 * timing does not tell which addresses have accounts. An address already locked out is not
 * checked at all, whether or not it has an account.
 */
export async function checkSignIn(db: Kysely<Database>, input: { email: string; password: string }, now: Date): Promise<SignInCheck> {
  const email = normalizeEmail(input.email);
  if (await isLockedOut(db, email, now)) return { email, matchedHash: null };
  const user = await findUserByEmail(db, email);
  const usableHash = user?.password_hash && !user.disabled_at ? user.password_hash : null;
  return { email, matchedHash: (await verifyPasswordOrDummy(usableHash, input.password)) ? usableHash : null };
}

async function isLockedOut(db: Kysely<Database>, email: string, now: Date): Promise<boolean> {
  return (await countRecentFailedSignIns(db, email, new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString())) >= SIGN_IN_MAX_FAILURES;
}

/**
 * Opens a database session when the check held: the account still has the hash the password
 * matched and is not disabled. Failures are recorded in the audit log (and so count across
 * every app instance); five within fifteen minutes lock the address out.
 */
export async function signIn(trx: Transaction<Database>, check: SignInCheck, now: Date, meta: RequestMeta, heldToken?: string): Promise<SignInOutcome> {
  const { email } = check;
  if (await isLockedOut(trx, email, now)) return { ok: false, code: 'too_many_attempts' };
  const user = await findUserByEmail(trx, email);
  if (!user || user.disabled_at || !check.matchedHash || user.password_hash !== check.matchedHash) {
    await appendAudit(trx, { actorId: user?.id ?? null, actorLabel: email, action: 'auth.sign_in_failed', subjectType: 'email', subjectId: email, change: { ip: meta.ip } }, now);
    return { ok: false, code: 'invalid_credentials' };
  }
  if (!user.email_verified_at) return { ok: false, code: 'email_not_verified' };
  const { token, hash } = newSecretToken();
  const sessionId = newId();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await insertSession(trx, {
    id: sessionId, token_hash: hash, user_id: user.id, created_at: now.toISOString(), last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(), user_agent: meta.userAgent?.slice(0, 300) ?? null, ip: meta.ip,
  });
  // Signing in again ends the session the browser still held (whoever's it was): one browser,
  // one live token, and a token planted before sign-in is worth nothing after it.
  if (heldToken) await deleteSessionByTokenHash(trx, hashSecretToken(heldToken));
  await appendAudit(trx, { actorId: user.id, actorLabel: email, action: 'auth.sign_in', subjectType: 'session', subjectId: sessionId, change: { ip: meta.ip } }, now);
  return { ok: true, token, expiresAt };
}

/** Ends this session everywhere: the row is deleted, so every instance refuses the cookie. */
export async function signOut(trx: Transaction<Database>, actor: Actor, now: Date): Promise<void> {
  await deleteSession(trx, actor.sessionId);
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actor.email, action: 'auth.sign_out', subjectType: 'session', subjectId: actor.sessionId, change: {} }, now);
}

/** Mails a reset link when the address has an account; answers the same either way. */
export async function requestPasswordReset(trx: Transaction<Database>, rawEmail: string, now: Date, meta: RequestMeta): Promise<void> {
  const user = await findUserByEmail(trx, normalizeEmail(rawEmail));
  if (!user || user.disabled_at) return;
  await issueLink(trx, { kind: 'reset_password', email: user.email, userId: user.id, hours: RESET_LINK_HOURS, locale: user.locale }, now, meta.baseUrl);
}

/**
 * The new password from a reset link, checked for strength against its account and hashed
 * outside any transaction (argon2 is slow; decision 0012). A link already used, expired or
 * naming no account is refused here, before any hashing; the transaction checks it again.
 */
export async function prepareReset(db: Kysely<Database>, token: string, password: string, now: Date): Promise<{ passwordHash: string }> {
  const row = await findOneTimeToken(db, 'reset_password', hashSecretToken(token));
  const user = row?.user_id && !row.used_at && row.expires_at > now.toISOString() ? await findUserById(db, row.user_id) : undefined;
  if (!user) throw new AppError('link_invalid');
  assertStrongPassword(password, { email: user.email, name: user.display_name });
  return { passwordHash: await hashPassword(password) };
}

/**
 * Sets the new password from a one-time link, ends every other reset link of the account (one
 * mailed earlier must not reset the new password) and signs the account out everywhere.
 */
export async function resetPassword(trx: Transaction<Database>, token: string, passwordHash: string, now: Date): Promise<void> {
  const link = await findOneTimeToken(trx, 'reset_password', hashSecretToken(token));
  if (link?.user_id) await lockUser(trx, link.user_id);
  const used = await useLink(trx, 'reset_password', token, now);
  const user = await findUserById(trx, used.user_id);
  const stamp = now.toISOString();
  await updateUser(trx, used.user_id, { password_hash: passwordHash, email_verified_at: user?.email_verified_at ?? stamp, updated_at: stamp });
  await endResetLinksOfUser(trx, used.user_id, stamp);
  await deleteSessionsOfUser(trx, used.user_id);
  await appendAudit(trx, { actorId: used.user_id, actorLabel: used.email, action: 'auth.password_reset', subjectType: 'user', subjectId: used.user_id, change: {} }, now);
}

/** The actor behind a session cookie, or null; extends the session as it is used. */
export async function resolveSession(db: Kysely<Database>, token: string, now: Date): Promise<Actor | null> {
  const rows = await findLiveSessionWithAccess(db, hashSecretToken(token), now.toISOString());
  const session = rows[0];
  if (!session) return null;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    const idleEnd = now.getTime() + SESSION_DAYS * DAY_MS;
    const absoluteEnd = Date.parse(session.session_created_at) + SESSION_MAX_DAYS * DAY_MS;
    await touchSession(db, session.session_id, now.toISOString(), new Date(Math.min(idleEnd, absoluteEnd)).toISOString());
  }
  const grants = new Map<string, Actor['grants'][number]>();
  const units = new Map<string, Actor['units'][number]>();
  for (const row of rows) {
    if (row.grant_id !== null && row.grant_role !== null) grants.set(row.grant_id, { role: row.grant_role, campaignId: row.grant_campaign_id });
    if (row.unit_id !== null && row.unit_role !== null) units.set(row.unit_id, { organizationId: row.unit_id, role: row.unit_role });
  }
  return {
    userId: session.user_id,
    email: session.email,
    displayName: session.display_name,
    locale: session.locale,
    sessionId: session.session_id,
    emailVerified: session.email_verified_at !== null,
    platformOrganizer: [...grants.values()].some((g) => g.role === 'organizer' && g.campaignId === null),
    grants: [...grants.values()],
    units: [...units.values()],
  };
}
