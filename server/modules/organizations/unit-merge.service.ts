import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { transitionCase } from '../cases/case-transition.ts';
import { canEditUnit } from './organizations.policy.ts';
import { lockLiveOrganization, moveMembers, type OrganizationRow } from './organizations.repository.ts';
import { lockCasesOfUnit, markMerged, moveDeadlineExtensions, moveOpenInvitations, repointSuperiorOf } from './unit-merge.repository.ts';

/**
 * Folds a duplicate unit into another, all in the caller's transaction: its members, its cases
 * (with their attachments, uploads in progress, submissions and recommendations), its open
 * invitations and its deadline extensions move to the surviving unit, and cases naming it as
 * their superior organization name the survivor; each moved case records the merge in its
 * history and the audit log. The duplicate stays on record as merged, and its id still leads to
 * the survivor for whoever may see that (see getUnit). Both units may have cases in the same
 * campaign: they are distinct cases and both are kept.
 */
export async function mergeUnits(trx: Transaction<Database>, actor: Actor, fromId: string, intoId: string, now: Date): Promise<OrganizationRow> {
  if (fromId === intoId) throw new AppError('invalid_request', { detail: 'a unit cannot be merged into itself' });
  // Locked in one order, so two merges of the same pair wait for each other instead of deadlocking;
  // work adding to either unit (a case, a member, an invitation) waits for the merge, then sees it.
  const locked = new Map<string, OrganizationRow | undefined>();
  for (const id of [fromId, intoId].sort()) locked.set(id, await lockLiveOrganization(trx, id, 'update'));
  const from = locked.get(fromId);
  const into = locked.get(intoId);
  if (!from || !into || !canEditUnit(actor, from.id) || !canEditUnit(actor, into.id)) throw new AppError('not_found');

  const by = { id: actor.userId, label: actorLabel(actor) };
  const cases = await lockCasesOfUnit(trx, from.id);
  for (const c of cases) {
    await transitionCase(trx, {
      caseId: c.id, from: c.status, move: 'unit_merged', by: 'organizer', actor: by, message: `${from.name} → ${into.name}`,
      set: { organization_id: into.id }, audit: { fromUnit: from.id, intoUnit: into.id },
    }, now);
  }
  const stamp = now.toISOString();
  const members = await moveMembers(trx, from.id, into.id);
  const invitations = await moveOpenInvitations(trx, from.id, into.id, stamp);
  const deadlineExtensions = await moveDeadlineExtensions(trx, from.id, into.id);
  const superiorOf = await repointSuperiorOf(trx, from.id, into);
  await markMerged(trx, from.id, into.id, stamp);
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: by.label, action: 'organization.merge', subjectType: 'organization', subjectId: from.id,
    change: { into: into.id, cases: cases.map((c) => c.id), members, invitations, deadlineExtensions, superiorOf },
  }, now);
  return into;
}
