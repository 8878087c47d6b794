import type { z } from 'zod';
import type { meSchema } from '../../../core/api/auth.ts';
import type { Actor } from './actor.ts';

/** What the workbench needs to draw its navigation: the roles, never re-derived in the browser. */
export function presentMe(actor: Actor): z.infer<typeof meSchema> {
  return {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    locale: actor.locale,
    emailVerified: actor.emailVerified,
    roles: actor.grants.map((g) => ({ role: g.role, campaignId: g.campaignId })),
    units: actor.units,
  };
}
