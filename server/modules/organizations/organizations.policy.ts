import { isOrganizer, type Actor } from '../auth/actor.ts';

// Who may do what with a unit, as named predicates. `unitId` '*' asks about every unit.

/** Its own operators and organizers see a unit; nobody else learns it exists. */
export const canSeeUnit = (actor: Actor, unitId: string) =>
  isOrganizer(actor) || actor.units.some((u) => u.organizationId === unitId);

/** Its operators edit a unit's profile; organizers correct it. */
export const canEditUnit = canSeeUnit;

/** Its owner invites colleagues; organizers may too. */
export const canManageMembers = (actor: Actor, unitId: string) =>
  isOrganizer(actor) || actor.units.some((u) => u.organizationId === unitId && u.role === 'owner');
