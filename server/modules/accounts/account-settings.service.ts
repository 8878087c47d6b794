import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../../../core/i18n/locale.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { deleteOtherSessionsOfUser, endResetLinksOfUser } from '../auth/auth.repository.ts';
import { assertStrongPassword } from '../auth/auth.service.ts';
import { newId } from '../../ids.ts';
import { findUserById, insertRoleGrant, listOrganizerAccounts, updateUser } from './accounts.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** Changes the caller's own name and mail language. */
export async function updateAccountSettings(trx: Transaction<Database>, actor: Actor, input: { displayName: string; locale: Locale }, now: Date): Promise<void> {
  await updateUser(trx, actor.userId, { display_name: input.displayName, locale: input.locale, updated_at: now.toISOString() });
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'account.update', subjectType: 'user', subjectId: actor.userId, change: { ...input } }, now);
}

/** A password change checked and hashed, before its transaction (see preparePasswordChange). */
export interface PasswordChange {
  /** The stored hash the current password matched. */
  currentHash: string;
  newHash: string;
}

/**
 * Checks the current password and the strength of the new one and hashes it, outside any
 * transaction: argon2 takes tens of milliseconds, and on SQLite a transaction holds the one
 * connection and its commit group while it runs (decision 0012).
 */
export async function preparePasswordChange(db: Kysely<Database>, actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<PasswordChange> {
  const user = await findUserById(db, actor.userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('invalid_credentials');
  }
  assertStrongPassword(input.newPassword, { email: user.email, name: user.display_name });
  return { currentHash: user.password_hash, newHash: await hashPassword(input.newPassword) };
}

/**
 * Changes the caller's password, if it is still the one checked, ends every reset link not
 * used yet and signs out every other session (neither a stolen session nor a link mailed before
 * must outlive the change); this one stays signed in.
 */
export async function changePassword(trx: Transaction<Database>, actor: Actor, change: PasswordChange, now: Date): Promise<void> {
  const user = await findUserById(trx, actor.userId);
  if (user?.password_hash !== change.currentHash) throw new AppError('invalid_credentials');
  await updateUser(trx, actor.userId, { password_hash: change.newHash, updated_at: now.toISOString() });
  await endResetLinksOfUser(trx, actor.userId, now.toISOString());
  await deleteOtherSessionsOfUser(trx, actor.userId, actor.sessionId);
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'auth.password_change', subjectType: 'user', subjectId: actor.userId, change: {} }, now);
}

/** Everyone who organizes a campaign or the platform, for the platform's organizers. */
export async function listOrganizers(db: Kysely<Database>) {
  const rows = await listOrganizerAccounts(db);
  return rows.map((r) => ({ userId: r.user_id, email: r.email, displayName: r.display_name, campaign: r.campaign_slug ?? null, since: r.created_at }));
}

/**
 * Makes the caller a learner of the online college (a site-wide role anyone signed in may
 * take); taking it twice changes nothing.
 */
export async function becomeLearner(trx: Transaction<Database>, actor: Actor, now: Date): Promise<void> {
  if (!(await insertRoleGrant(trx, { id: newId(), user_id: actor.userId, role: 'learner', campaign_id: null, created_at: now.toISOString() }))) return;
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'role.grant', subjectType: 'user', subjectId: actor.userId, change: { role: 'learner', campaignId: null } }, now);
}
