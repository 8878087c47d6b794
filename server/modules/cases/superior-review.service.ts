import type { Kysely, Transaction } from 'kysely';
import type { CaseContent } from '../../../core/case/case-content.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { hashSecretToken, newSecretToken } from '../../shared/secret-token.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { consumeOneTimeToken, findOneTimeToken, insertOneTimeToken } from '../auth/auth.repository.ts';
import { getCampaignById } from '../campaigns/campaigns.service.ts';
import { findLiveOrganization } from '../organizations/organizations.repository.ts';
import { requireEditableCase } from './case-access.ts';
import { transitionCase } from './case-transition.ts';
import { findCase } from './cases.repository.ts';

// The superior Party organization reads the case through a link mailed to the address the unit
// gave, and recommends it with an opinion or returns it with a reason. The link is a secret
// token stored only as its hash; asking again replaces the earlier link.

export const REVIEW_LINK_DAYS = 30;

export async function requestSuperiorReview(trx: Transaction<Database>, actor: Actor, id: string, now: Date, baseUrl: string): Promise<void> {
  // Once the case is closed, asking again could turn a decline back into "pending".
  const c = await requireEditableCase(trx, actor, id, now);
  if (c.campaign.definition.recommendation === 'off') throw new AppError('invalid_transition', { status: c.row.status });
  const email = c.row.superior_email;
  if (!email || !c.row.superior_name) throw new AppError('invalid_request', { detail: 'superiorName and superiorEmail are required' });
  const stamp = now.toISOString();
  await cancelReviewLinks(trx, id, now);
  const { token, hash } = newSecretToken();
  await insertOneTimeToken(trx, {
    id: newId(), kind: 'superior_review', token_hash: hash, email, user_id: null, subject_id: id,
    created_at: stamp, expires_at: new Date(now.getTime() + REVIEW_LINK_DAYS * 86_400_000).toISOString(), used_at: null,
  });
  const unit = await findLiveOrganization(trx, c.row.organization_id);
  await transitionCase(trx, {
    caseId: id, from: c.row.status, move: 'request_review', by: 'unit', actor: { id: actor.userId, label: actorLabel(actor) },
    set: { recommendation: 'pending', recommendation_note: null, recommendation_at: null }, audit: { superiorEmail: email },
  }, now);
  await queueMail(trx, {
    to: email, locale: 'zh-CN', template: 'superior_review',
    params: {
      unitName: unit?.name ?? '', caseTitle: c.row.title, campaignTitle: c.campaign.definition.title['zh-CN'],
      link: `${baseUrl}/app/superior-review?token=${token}`, days: REVIEW_LINK_DAYS,
    },
  }, now);
}

/** Ends every open review link of the case (a new request replaces them; so does a new address). */
export async function cancelReviewLinks(trx: Kysely<Database>, caseId: string, now: Date): Promise<void> {
  await trx.updateTable('one_time_tokens').set({ used_at: now.toISOString() })
    .where('kind', '=', 'superior_review').where('subject_id', '=', caseId).where('used_at', 'is', null).execute();
}

async function liveToken(db: Kysely<Database>, token: string, now: Date) {
  const row = await findOneTimeToken(db, 'superior_review', hashSecretToken(token));
  if (!row || row.used_at || row.expires_at <= now.toISOString() || !row.subject_id) throw new AppError('link_invalid');
  return row;
}

/** The case as the superior organization reads it, by the mailed link alone. */
export async function superiorView(db: Kysely<Database>, token: string, now: Date) {
  const link = await liveToken(db, token, now);
  const row = await findCase(db, link.subject_id!);
  if (!row) throw new AppError('link_invalid');
  const campaign = await getCampaignById(db, row.campaign_id);
  const unit = await findLiveOrganization(db, row.organization_id);
  return {
    campaignSlug: campaign.definition.slug,
    campaignTitle: campaign.definition.title,
    unitName: unit?.name ?? '',
    superiorName: row.superior_name,
    superiorEmail: link.email,
    content: JSON.parse(row.content) as CaseContent,
    status: row.status,
    recommendation: row.recommendation,
  };
}

/** Records the superior organization's decision; the link then stops working. */
export async function decideSuperiorReview(trx: Transaction<Database>, token: string, input: { decision: 'recommend' | 'decline'; opinion: string }, now: Date): Promise<void> {
  const link = await liveToken(trx, token, now);
  if (!(await consumeOneTimeToken(trx, link.id, now.toISOString()))) throw new AppError('link_invalid');
  const row = await findCase(trx, link.subject_id!);
  if (!row) throw new AppError('link_invalid');
  const opinion = input.opinion.trim();
  await transitionCase(trx, {
    caseId: row.id, from: row.status, move: input.decision, by: 'superior',
    actor: { id: null, label: `${row.superior_name} <${link.email}>` }, message: opinion,
    set: { recommendation: input.decision === 'recommend' ? 'recommended' : 'declined', recommendation_note: opinion, recommendation_at: now.toISOString() },
  }, now);
}
