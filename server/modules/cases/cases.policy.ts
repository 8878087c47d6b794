import { isOrganizer, type Actor } from '../auth/actor.ts';

// Who may do what with a case, as named predicates over the case's unit and campaign.

/** A unit's operators act for its cases: they draft, upload, submit and withdraw. */
export const canActForCase = (actor: Actor, c: { organization_id: string }) =>
  actor.units.some((u) => u.organizationId === c.organization_id);

/** Its unit's operators and the campaign's organizers see a case; nobody else learns it exists. */
export const canSeeCase = (actor: Actor, c: { organization_id: string; campaign_id: string }) =>
  canActForCase(actor, c) || isOrganizer(actor, c.campaign_id);

/** Organizers of the campaign return cases and extend deadlines. */
export const canOrganizeCase = (actor: Actor, c: { campaign_id: string }) => isOrganizer(actor, c.campaign_id);
