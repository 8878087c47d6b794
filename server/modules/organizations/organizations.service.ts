import type { Kysely, Transaction } from 'kysely';
import { normalizeOrgName } from '../../../core/org/org-name.ts';
import type { Database } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { hashSecretToken, newSecretToken } from '../../shared/secret-token.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { consumeOneTimeToken, findOneTimeToken, insertOneTimeToken } from '../auth/auth.repository.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { assertInvitee } from '../auth/invitee.ts';
import type { OrganizationInput } from './organization-input.ts';
import {
  findLiveOrganization,
  findOrganizationByName,
  findSurvivorOf,
  insertMember,
  isMemberAddress,
  insertOrganization,
  listOwnerEmails,
  listMembers,
  lockLiveOrganization,
  searchOrganizations,
  updateOrganization,
  type OrganizationFilter,
  type OrganizationRow,
} from './organizations.repository.ts';
import { canEditUnit, canManageMembers, canSeeUnit } from './organizations.policy.ts';

const INVITE_DAYS = 7;

function toColumns(input: OrganizationInput) {
  return {
    name: input.name,
    name_key: normalizeOrgName(input.name),
    type: input.type,
    level: input.level,
    division_code: input.divisionCode,
    credit_code: input.creditCode ?? null,
    superior_name: input.superiorName,
    superior_email: input.superiorEmail ?? null,
    address: input.address,
    contact_name: input.contactName,
    contact_position: input.contactPosition,
    contact_phone: input.contactPhone,
    contact_email: input.contactEmail,
  };
}

const unitExists = (same: OrganizationRow) => new AppError('unit_exists', { name: same.name }, { organizationId: same.id, name: same.name });

/** A unit's superior organization is never reached at one of its own members' addresses: it would recommend itself. */
async function assertSuperiorNotMember(db: Kysely<Database>, input: OrganizationInput, memberOf: string | { email: string }) {
  const email = input.superiorEmail?.trim().toLowerCase();
  if (!email) return;
  const own = typeof memberOf === 'string' ? await isMemberAddress(db, memberOf, email) : memberOf.email.trim().toLowerCase() === email;
  if (own) throw new AppError('superior_email_own_unit', { email });
}

async function assertNameFree(trx: Transaction<Database>, input: OrganizationInput, exceptId?: string) {
  const same = await findOrganizationByName(trx, input.divisionCode, normalizeOrgName(input.name));
  if (same && same.id !== exceptId) throw unitExists(same);
}

/**
 * For a registration or rename that lost a race (both passed the name check; the unique index
 * let one through): the refusal the check gives, naming the unit that won. Rethrows anything else.
 */
export async function refuseSameName(db: Kysely<Database>, error: unknown, input: OrganizationInput): Promise<never> {
  if (isUniqueViolation(error, 'name_key')) {
    const same = await findOrganizationByName(db, input.divisionCode, normalizeOrgName(input.name));
    if (same) throw unitExists(same);
  }
  throw error;
}

/**
 * A unit the actor may see, or not_found whether it is missing or someone else's. The id of a
 * unit merged into another leads to the survivor (its members moved there with its cases), so
 * links and pages from before the merge keep working; the answer carries the survivor's id.
 */
export async function getUnit(db: Kysely<Database>, actor: Actor, id: string): Promise<OrganizationRow> {
  const unit = (await findLiveOrganization(db, id)) ?? (await findSurvivorOf(db, id));
  if (!unit || !canSeeUnit(actor, unit.id)) throw new AppError('not_found');
  return unit;
}

/** Registers a unit with the actor as its owner; a same-named unit in the division is refused with a way to join it. */
export async function registerUnit(trx: Transaction<Database>, actor: Actor, input: OrganizationInput, now: Date): Promise<OrganizationRow> {
  // The one who registers is the unit's only member so far.
  await assertSuperiorNotMember(trx, input, actor);
  await assertNameFree(trx, input);
  const stamp = now.toISOString();
  const id = newId();
  await insertOrganization(trx, { id, ...toColumns(input), merged_into: null, created_at: stamp, updated_at: stamp });
  await insertMember(trx, { organization_id: id, user_id: actor.userId, role: 'owner', created_at: stamp });
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'organization.register', subjectType: 'organization', subjectId: id, change: toColumns(input) }, now);
  return (await findLiveOrganization(trx, id))!;
}

/** Changes a unit's profile (its operators, or organizers correcting it), recording what changed. */
export async function updateUnit(trx: Transaction<Database>, actor: Actor, id: string, input: OrganizationInput, now: Date): Promise<OrganizationRow> {
  const unit = await getUnit(trx, actor, id);
  if (!canEditUnit(actor, unit.id)) throw new AppError('not_found');
  await assertSuperiorNotMember(trx, input, unit.id);
  await assertNameFree(trx, input, unit.id);
  const next = toColumns(input);
  const change = Object.fromEntries(
    Object.entries(next).filter(([k, v]) => unit[k as keyof typeof next] !== v).map(([k, v]) => [k, { from: unit[k as keyof typeof next], to: v }]),
  );
  await updateOrganization(trx, unit.id, { ...next, updated_at: now.toISOString() });
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'organization.update', subjectType: 'organization', subjectId: unit.id, change }, now);
  return (await findLiveOrganization(trx, unit.id))!;
}

/** Units the actor may see: their own, or every unit for organizers. */
export async function listUnits(db: Kysely<Database>, actor: Actor, filter: Omit<OrganizationFilter, 'memberUserId'>, page: { limit: number; offset: number }) {
  return searchOrganizations(db, { ...filter, memberUserId: canSeeUnit(actor, '*') ? undefined : actor.userId }, page);
}

export async function listUnitMembers(db: Kysely<Database>, actor: Actor, id: string) {
  const unit = await getUnit(db, actor, id);
  return listMembers(db, unit.id);
}

/** Mails a colleague a one-time link to act for the unit; only the unit's owner or organizers may. */
export async function inviteOperator(trx: Transaction<Database>, actor: Actor, unitId: string, email: string, now: Date, baseUrl: string): Promise<void> {
  const unit = await getUnit(trx, actor, unitId);
  if (!canManageMembers(actor, unit.id)) throw new AppError('forbidden');
  // A merge that got there first has moved the invitations: this one must not point at the old unit.
  if (!(await lockLiveOrganization(trx, unit.id, 'share'))) throw new AppError('not_found');
  const { token, hash } = newSecretToken();
  const to = email.trim().toLowerCase();
  await insertOneTimeToken(trx, {
    id: newId(), kind: 'join_unit', token_hash: hash, email: to, user_id: null, subject_id: unit.id,
    created_at: now.toISOString(), expires_at: new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString(), used_at: null,
  });
  await queueMail(trx, {
    to, locale: actor.locale, template: 'join_unit',
    params: { inviterName: actor.displayName, unitName: unit.name, link: `${baseUrl}/app/join?token=${token}` },
  }, now);
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'organization.invite_operator', subjectType: 'organization', subjectId: unit.id, change: { email: to } }, now);
}

/**
 * Adds the signed-in account to the unit named by an invitation link, if it is the invited
 * account (assertInvitee); a link works once.
 */
export async function acceptUnitInvitation(trx: Transaction<Database>, actor: Actor, token: string, now: Date): Promise<OrganizationRow> {
  const row = await findOneTimeToken(trx, 'join_unit', hashSecretToken(token));
  if (!row || row.used_at || row.expires_at <= now.toISOString() || !row.subject_id) throw new AppError('link_invalid');
  assertInvitee(actor, row.email);
  // Held so that a merge running now cannot move the members before this one is added.
  const unit = await lockLiveOrganization(trx, row.subject_id, 'share');
  if (!unit || !(await consumeOneTimeToken(trx, row.id, now.toISOString()))) throw new AppError('link_invalid');
  // A second invitation accepted (perhaps at the same moment) uses its link and adds nobody.
  if (!(await insertMember(trx, { organization_id: unit.id, user_id: actor.userId, role: 'operator', created_at: now.toISOString() }))) return unit;
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'organization.join', subjectType: 'organization', subjectId: unit.id, change: { invited: row.email } }, now);
  return unit;
}

/**
 * Asks a unit's owners to invite the caller (offered when a same-named unit already exists).
 * The caller learns nothing about the unit's members and gains no access until invited.
 */
export async function requestToJoinUnit(trx: Transaction<Database>, actor: Actor, unitId: string, now: Date, baseUrl: string): Promise<void> {
  const unit = await findLiveOrganization(trx, unitId);
  if (!unit) throw new AppError('not_found');
  if (actor.units.some((u) => u.organizationId === unit.id)) return;
  for (const owner of await listOwnerEmails(trx, unit.id)) {
    await queueMail(trx, {
      to: owner.email, locale: owner.locale, template: 'join_request',
      params: { requesterName: actor.displayName, requesterEmail: actor.email, unitName: unit.name, link: `${baseUrl}/app/unit/members` },
    }, now);
  }
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'organization.join_request', subjectType: 'organization', subjectId: unit.id, change: {} }, now);
}
