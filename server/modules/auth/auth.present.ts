import { z } from 'zod';
import type { Actor } from './actor.ts';

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  emailVerified: z.boolean(),
  roles: z.array(z.object({ role: z.string(), campaignId: z.string().nullable() })),
  units: z.array(z.object({ organizationId: z.string(), role: z.enum(['owner', 'operator']) })),
});

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
