import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { newId } from '../../ids.ts';
import { countPlatformOrganizers, findUserByEmail, insertRoleGrant, insertUser } from './accounts.repository.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { hashPassword } from './password.ts';

export type BootstrapOutcome = 'created' | 'granted' | 'organizer-exists' | 'not-configured';

/**
 * Guarantees the platform has an organizer: when none exists and an admin is configured, makes
 * that person one (creating the account, password hashed) in one transaction. Never changes an
 * existing password and does nothing once any platform organizer exists.
 */
export async function ensureFirstOrganizer(
  db: Kysely<Database>,
  admin: { email: string; password: string } | undefined,
  now: Date,
): Promise<BootstrapOutcome> {
  if ((await countPlatformOrganizers(db)) > 0) return 'organizer-exists';
  if (!admin) return 'not-configured';
  const passwordHash = await hashPassword(admin.password);
  return db.transaction().execute(async (trx) => {
    if ((await countPlatformOrganizers(trx)) > 0) return 'organizer-exists';
    const stamp = now.toISOString();
    const existing = await findUserByEmail(trx, admin.email);
    const userId = existing?.id ?? newId();
    if (!existing) {
      await insertUser(trx, {
        id: userId,
        email: admin.email,
        password_hash: passwordHash,
        display_name: admin.email.split('@')[0] ?? admin.email,
        // The operator who configured the address is trusted to own it.
        email_verified_at: stamp,
        created_at: stamp,
        updated_at: stamp,
      });
    }
    // Another instance starting at the same moment may have made the same person organizer.
    if (!(await insertRoleGrant(trx, { id: newId(), user_id: userId, role: 'organizer', campaign_id: null, created_at: stamp }))) return 'organizer-exists';
    await appendAudit(trx, { actorId: null, actorLabel: 'ZHENGJI_ADMIN_EMAIL', action: 'role.grant', subjectType: 'user', subjectId: userId, change: { role: 'organizer', campaignId: null, email: admin.email } }, now);
    return existing ? 'granted' : 'created';
  }).catch((error: unknown) => {
    // Another instance starting at the same moment created the same account, and made it organizer.
    if (isUniqueViolation(error, 'email')) return 'organizer-exists' as const;
    throw error;
  });
}
