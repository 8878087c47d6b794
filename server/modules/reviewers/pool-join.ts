import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { newId } from '../../ids.ts';
import type { Actor } from '../auth/actor.ts';
import { findReviewerProfile } from './reviewers.repository.ts';
import { insertPoolRow } from './reviewer-pool.repository.ts';

/**
 * Links the account that accepted an invitation to the campaign's pool row of the invited
 * address; an expert invited one by one gets a row from their own profile. Idempotent.
 */
export async function joinReviewerPool(trx: Transaction<Database>, actor: Actor, campaignId: string, invitedEmail: string, now: Date): Promise<void> {
  const email = invitedEmail.toLowerCase();
  const profile = await findReviewerProfile(trx, actor.userId);
  const stamp = now.toISOString();
  const inserted = await insertPoolRow(trx, {
    id: newId(), campaign_id: campaignId, email, name: actor.displayName, expertise: profile?.expertise ?? '[]', capacity: profile?.capacity ?? 0,
    division_code: profile?.division_code ?? null, affiliation: profile?.organization ?? '', affiliation_unit_id: null, user_id: actor.userId,
    source: 'invitation', created_at: stamp, updated_at: stamp,
  });
  if (!inserted) {
    await trx.updateTable('campaign_reviewers').set({ user_id: actor.userId, updated_at: stamp })
      .where('campaign_id', '=', campaignId).where('email', '=', email).execute();
  }
}
