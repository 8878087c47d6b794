import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { hashSecretToken, newSecretToken } from '../../shared/secret-token.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { consumeOneTimeToken, findOneTimeToken, insertOneTimeToken } from '../auth/auth.repository.ts';
import { findLiveOrganization, isMemberAddress, listOwnerEmails } from '../organizations/organizations.repository.ts';
import { requireEditableCase, type CaseInContext } from './case-access.ts';
import { transitionCase } from './case-transition.ts';
import { findCase, lockCase } from './cases.repository.ts';
import { findReviewedContent, resolveLiveUnit } from './superior-review.repository.ts';
import { recordDecision, reviewView, type Decision } from './superior-decision.ts';

// The superior Party organization reads the case through a link mailed to the address the unit
// gave, and recommends it with an opinion or returns it with a reason. The link is a secret
// token stored only as its hash; asking again replaces the earlier link. A decision is bound to
// the text it was made on (superior-decision.ts); asked again after a change, the superior is
// shown what changed.

export const REVIEW_LINK_DAYS = 30;

export async function requestSuperiorReview(trx: Transaction<Database>, actor: Actor, id: string, now: Date, baseUrl: string): Promise<void> {
  // Requests made together take turns, so each cancels the link of the one before and one stays open.
  await lockCase(trx, id);
  // Once the case is closed, asking again could turn a decline back into "pending".
  const c = await requireEditableCase(trx, actor, id, now);
  if (c.campaign.definition.recommendation === 'off') throw new AppError('invalid_transition', { status: c.row.status });
  if (c.row.superior_organization_id) return requestRegisteredSuperior(trx, actor, c, now, baseUrl);
  const email = c.row.superior_email;
  if (!email || !c.row.superior_name) throw new AppError('invalid_request', { detail: 'superiorName and superiorEmail are required' });
  // A unit that gives its own member's address would recommend itself.
  if (await isMemberAddress(trx, c.row.organization_id, email)) throw new AppError('superior_email_own_unit', { email });
  const stamp = now.toISOString();
  await cancelReviewLinks(trx, id, now);
  const { token, hash } = newSecretToken();
  await insertOneTimeToken(trx, {
    id: newId(), kind: 'superior_review', token_hash: hash, email, user_id: null, subject_id: id,
    created_at: stamp, expires_at: new Date(now.getTime() + REVIEW_LINK_DAYS * 86_400_000).toISOString(), used_at: null,
  });
  const unit = await findLiveOrganization(trx, c.row.organization_id);
  const reviewed = await findReviewedContent(trx, id);
  await transitionCase(trx, {
    caseId: id, from: c.row.status, move: 'request_review', by: 'unit', actor: { id: actor.userId, label: actorLabel(actor) },
    set: { recommendation: 'pending', recommendation_note: null, recommendation_at: null }, audit: { superiorEmail: email },
  }, now);
  await queueMail(trx, {
    to: email, locale: 'zh-CN', template: 'superior_review',
    params: {
      unitName: unit?.name ?? '', caseTitle: c.row.title, campaignTitle: c.campaign.definition.title['zh-CN'],
      link: `${baseUrl}/app/superior-review?token=${token}`, days: REVIEW_LINK_DAYS,
      changed: reviewed !== null && reviewed !== c.row.content,
    },
  }, now);
}

/** Asks the registered unit the case names: its members find the case in their list and decide signed in; its owners are told by mail. */
async function requestRegisteredSuperior(trx: Transaction<Database>, actor: Actor, c: CaseInContext, now: Date, baseUrl: string): Promise<void> {
  const superior = await resolveLiveUnit(trx, c.row.superior_organization_id!);
  if (!superior || superior.id === c.row.organization_id) throw new AppError('superior_unit_invalid');
  await cancelReviewLinks(trx, c.row.id, now);
  await transitionCase(trx, {
    caseId: c.row.id, from: c.row.status, move: 'request_review', by: 'unit', actor: { id: actor.userId, label: actorLabel(actor) },
    set: { recommendation: 'pending', recommendation_note: null, recommendation_at: null, superior_organization_id: superior.id, superior_name: superior.name },
    audit: { superiorOrganizationId: superior.id },
  }, now);
  const unit = await findLiveOrganization(trx, c.row.organization_id);
  for (const owner of await listOwnerEmails(trx, superior.id)) {
    await queueMail(trx, {
      to: owner.email, locale: owner.locale, template: 'superior_review_member',
      params: {
        unitName: unit?.name ?? '', superiorName: superior.name, caseTitle: c.row.title, campaignTitle: c.campaign.definition.title[owner.locale],
        link: `${baseUrl}/app/superior-review?case=${c.row.id}`,
      },
    }, now);
  }
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
  return { ...(await reviewView(db, row)), superiorEmail: link.email };
}

/** Records the superior organization's decision on the text it read; the link then stops working. */
export async function decideSuperiorReview(trx: Transaction<Database>, token: string, input: Decision, now: Date): Promise<void> {
  const link = await liveToken(trx, token, now);
  if (!(await consumeOneTimeToken(trx, link.id, now.toISOString()))) throw new AppError('link_invalid');
  const row = await findCase(trx, link.subject_id!);
  if (!row) throw new AppError('link_invalid');
  // Whoever holds the link of an address that became a member of the unit would recommend their own case.
  if (await isMemberAddress(trx, row.organization_id, link.email)) throw new AppError('superior_email_own_unit', { email: link.email });
  // Organizers weigh a recommendation from an address nobody registered differently.
  const verification = (await isMemberAddress(trx, undefined, link.email)) ? 'registered_email' : 'unverified';
  await recordDecision(trx, row, input, { id: null, label: `${row.superior_name} <${link.email}>` }, verification, now);
}
