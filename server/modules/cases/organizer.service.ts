import type { Kysely, Transaction } from 'kysely';
import { formatInZone } from '../../../core/time/zoned-time.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, isOrganizer, type Actor } from '../auth/actor.ts';
import { getCampaign } from '../campaigns/campaigns.service.ts';
import { requirePhaseOpen } from '../campaigns/campaign-phase.service.ts';
import { findLiveOrganization } from '../organizations/organizations.repository.ts';
import { loadVisibleCase } from './case-access.ts';
import { transitionCase } from './case-transition.ts';
import { canOrganizeCase } from './cases.policy.ts';
import { insertDeadlineExtension, listDeadlineExtensions, listSubmissions } from './cases.repository.ts';

/**
 * Returns a submitted case to its unit for correction, with a message and the date by which to
 * resubmit; the unit may edit it until then, even after the campaign's deadline. The last
 * submitter is told by mail.
 */
export async function returnCase(trx: Transaction<Database>, actor: Actor, id: string, input: { message: string; dueAt: string }, now: Date, baseUrl: string): Promise<void> {
  const c = await loadVisibleCase(trx, actor, id);
  if (!canOrganizeCase(actor, c.row)) throw new AppError('forbidden');
  if (c.row.status !== 'submitted') throw new AppError('invalid_transition', { status: c.row.status });
  await requirePhaseOpen(trx, c.campaign, 'return');
  const dueAt = new Date(input.dueAt);
  if (!(dueAt > now)) throw new AppError('invalid_request', { detail: 'dueAt must be in the future' });
  const message = input.message.trim();
  await transitionCase(trx, {
    caseId: id, from: 'submitted', move: 'return', by: 'organizer', actor: { id: actor.userId, label: actorLabel(actor) },
    message, dueAt: dueAt.toISOString(), set: { return_message: message, return_due_at: dueAt.toISOString() },
  }, now);
  const last = (await listSubmissions(trx, id)).at(-1);
  const submitter = last ? await trx.selectFrom('users').select(['email', 'locale']).where('id', '=', last.submitted_by).executeTakeFirst() : undefined;
  if (submitter) {
    const campaign = c.campaign.definition;
    await queueMail(trx, {
      to: submitter.email, locale: submitter.locale, template: 'case_returned',
      params: {
        caseTitle: c.row.title, message, dueAt: formatInZone(dueAt, campaign.window.timeZone),
        zone: campaign.window.timeZoneLabel[submitter.locale], link: `${baseUrl}/app/cases/${id}`,
      },
    }, now);
  }
}

export interface ExtensionInput {
  organizationId: string | null;
  closesAt: string;
  reason: string;
}

/** Extends the deadline for one unit or for all; never shortens it. */
export async function extendDeadline(trx: Transaction<Database>, actor: Actor, slug: string, input: ExtensionInput, now: Date) {
  const campaign = await getCampaign(trx, slug);
  if (!isOrganizer(actor, campaign.id)) throw new AppError('campaign_not_found', { slug });
  await requirePhaseOpen(trx, campaign, 'extend_deadline');
  const closesAt = new Date(input.closesAt);
  if (!(closesAt > campaign.window.closesAt)) throw new AppError('invalid_request', { detail: 'closesAt must be after the campaign closes' });
  if (input.organizationId && !(await findLiveOrganization(trx, input.organizationId))) throw new AppError('not_found');
  const row = {
    id: newId(), campaign_id: campaign.id, organization_id: input.organizationId, closes_at: closesAt.toISOString(),
    reason: input.reason.trim(), created_by: actor.userId, created_at: now.toISOString(),
  };
  await insertDeadlineExtension(trx, row);
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'campaign.extend_deadline', subjectType: 'campaign', subjectId: campaign.id,
    change: { organizationId: input.organizationId, closesAt: row.closes_at, reason: row.reason },
  }, now);
  return presentExtension(row);
}

export async function listExtensions(db: Kysely<Database>, actor: Actor, slug: string) {
  const campaign = await getCampaign(db, slug);
  if (!isOrganizer(actor, campaign.id)) throw new AppError('campaign_not_found', { slug });
  return (await listDeadlineExtensions(db, campaign.id)).map(presentExtension);
}

function presentExtension(row: { id: string; organization_id: string | null; closes_at: string; reason: string; created_at: string }) {
  return { id: row.id, organizationId: row.organization_id, closesAt: row.closes_at, reason: row.reason, createdAt: row.created_at };
}
