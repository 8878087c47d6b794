import { z } from 'zod';
import { LOCALES } from '../i18n/locale.ts';
import { dataOf } from './envelope.ts';

// Answers of the sign-in and account routes (server/modules/auth, server/modules/accounts).

/** The signed-in account: the workbench draws its navigation from these roles, never re-derived in the browser. */
export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  emailVerified: z.boolean(),
  roles: z.array(z.object({ role: z.string(), campaignId: z.string().nullable() })),
  units: z.array(z.object({ organizationId: z.string(), role: z.enum(['owner', 'operator']) })),
});
export const meResponse = dataOf(meSchema);
/** GET /api/v1/me: signed out is an answer (data null), not an error the browser would log. */
export const currentAccountResponse = dataOf(meSchema.nullable());

/** A second click on a used link finds the address already verified. */
export const verifyEmailResponse = z.object({ status: z.enum(['verified', 'already_verified']) });
