import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { hashSecretToken, newSecretToken } from '../../shared/secret-token.ts';
import { insertRoleGrant } from '../accounts/accounts.repository.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, isOrganizer, type Actor } from '../auth/actor.ts';
import { consumeOneTimeToken, findOneTimeToken, insertOneTimeToken } from '../auth/auth.repository.ts';
import { assertInvitee } from '../auth/invitee.ts';
import { getCampaign, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { joinReviewerPool } from './pool-join.ts';
import { findReviewerProfile, insertEmptyReviewerProfile, listCampaignReviewers, upsertReviewerProfile } from './reviewers.repository.ts';

const INVITE_DAYS = 14;

export interface ReviewerProfileInput {
  expertise: string[];
  organization: string;
  divisionCode: string | null;
  capacity: number;
}

/** The campaign, if the actor organizes it; otherwise the same answer as for no campaign. */
export async function campaignOrganizedBy(db: Kysely<Database>, actor: Actor, slug: string) {
  const campaign = await getCampaign(db, slug);
  if (!isOrganizer(actor, campaign.id)) throw new AppError('campaign_not_found', { slug });
  return campaign;
}

/** Mails `to` (lower case) a one-time link that makes its account a reviewer of the campaign; no audit entry of its own. */
export async function mailReviewerInvitation(trx: Transaction<Database>, actor: Actor, campaign: StoredCampaign, to: string, now: Date, baseUrl: string): Promise<void> {
  const { token, hash } = newSecretToken();
  await insertOneTimeToken(trx, {
    id: newId(), kind: 'reviewer_invite', token_hash: hash, email: to, user_id: null, subject_id: campaign.id,
    created_at: now.toISOString(), expires_at: new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString(), used_at: null,
  });
  await queueMail(trx, {
    to, locale: actor.locale, template: 'reviewer_invite',
    params: { campaignTitle: campaign.definition.title[actor.locale], link: `${baseUrl}/app/reviewer-invitation?token=${token}` },
  }, now);
}

/** Mails an expert a one-time link that makes them a reviewer of this campaign; organizers of it only. */
export async function inviteReviewer(trx: Transaction<Database>, actor: Actor, slug: string, email: string, now: Date, baseUrl: string): Promise<void> {
  const campaign = await campaignOrganizedBy(trx, actor, slug);
  const to = email.trim().toLowerCase();
  await mailReviewerInvitation(trx, actor, campaign, to, now, baseUrl);
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'reviewer.invite', subjectType: 'campaign', subjectId: campaign.id, change: { email: to } }, now);
}

/**
 * Makes the signed-in account a reviewer of the invitation's campaign, if it is the invited
 * account (assertInvitee); the link works once.
 */
export async function acceptReviewerInvitation(trx: Transaction<Database>, actor: Actor, token: string, now: Date): Promise<{ campaignId: string }> {
  const row = await findOneTimeToken(trx, 'reviewer_invite', hashSecretToken(token));
  if (!row || row.used_at || row.expires_at <= now.toISOString() || !row.subject_id) throw new AppError('link_invalid');
  assertInvitee(actor, row.email);
  if (!(await consumeOneTimeToken(trx, row.id, now.toISOString()))) throw new AppError('link_invalid');
  const stamp = now.toISOString();
  // Two invitations accepted at once must make one grant: the insert decides, not a look beforehand.
  if (await insertRoleGrant(trx, { id: newId(), user_id: actor.userId, role: 'reviewer', campaign_id: row.subject_id, created_at: stamp })) {
    await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'role.grant', subjectType: 'user', subjectId: actor.userId, change: { role: 'reviewer', campaignId: row.subject_id, invited: row.email } }, now);
  }
  await insertEmptyReviewerProfile(trx, actor.userId, stamp);
  await joinReviewerPool(trx, actor, row.subject_id, row.email, now);
  return { campaignId: row.subject_id };
}

export async function getReviewerProfile(db: Kysely<Database>, actor: Actor): Promise<ReviewerProfileInput> {
  const row = await findReviewerProfile(db, actor.userId);
  if (!row) throw new AppError('not_found');
  return { expertise: JSON.parse(row.expertise) as string[], organization: row.organization, divisionCode: row.division_code, capacity: row.capacity };
}

/** Saves the reviewer's own profile; only someone who accepted an invitation has one. */
export async function saveReviewerProfile(trx: Transaction<Database>, actor: Actor, input: ReviewerProfileInput, now: Date): Promise<ReviewerProfileInput> {
  if (!(await findReviewerProfile(trx, actor.userId))) throw new AppError('not_found');
  await upsertReviewerProfile(trx, {
    user_id: actor.userId, expertise: JSON.stringify(input.expertise), organization: input.organization,
    division_code: input.divisionCode, capacity: input.capacity, updated_at: now.toISOString(),
  });
  await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'reviewer.profile', subjectType: 'user', subjectId: actor.userId, change: { ...input } }, now);
  return input;
}

/** The reviewers of a campaign with their profiles, for its organizers. */
export async function listReviewers(db: Kysely<Database>, actor: Actor, slug: string) {
  const campaign = await campaignOrganizedBy(db, actor, slug);
  const rows = await listCampaignReviewers(db, campaign.id);
  return rows.map((r) => ({
    userId: r.user_id, email: r.email, displayName: r.display_name,
    expertise: r.expertise ? (JSON.parse(r.expertise) as string[]) : [],
    organization: r.organization ?? '', divisionCode: r.division_code ?? null, capacity: r.capacity ?? 0,
  }));
}
