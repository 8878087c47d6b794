import type { Kysely, Transaction } from 'kysely';
import { CAMPAIGN_PHASES, isActionOpen, phaseMoveRefusal, type CampaignPhase, type PhaseAction } from '../../../core/campaign/campaign-phase.ts';
import { formatInZone } from '../../../core/time/zoned-time.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, isOrganizer, type Actor } from '../auth/actor.ts';
import { listDeadlineExtensions } from '../cases/cases.repository.ts';
import { findCampaignPhase, findCampaignPhaseForShare, lastCorrectionDue, lockCampaignPhase, updateCampaignPhase } from './campaigns.repository.ts';
import { forgetCampaignVersions, getCampaign, type StoredCampaign } from './campaigns.service.ts';

export interface PhaseMoveInput {
  to: CampaignPhase;
  reason: string | null;
}

/**
 * Moves a campaign one phase on, or one back with a reason, for its organizers only; the move and
 * its audit entry commit together, and of two organizers moving at once the second is refused.
 */
export async function moveCampaignPhase(trx: Transaction<Database>, actor: Actor, slug: string, input: PhaseMoveInput, now: Date): Promise<StoredCampaign> {
  const campaign = await getCampaign(trx, slug);
  if (!isOrganizer(actor, campaign.id)) throw new AppError('campaign_not_found', { slug });
  // Read as committed, not from the cache, and locked before anything else is read: an action
  // that holds the phase (requirePhaseOpen) commits before this move reads what it changed.
  const from = (await lockCampaignPhase(trx, campaign.id)) ?? campaign.phase;
  const reason = input.reason?.trim() || null;
  const lastClose = await lastCollectionClose(trx, campaign);
  const correctionDue = await lastCorrectionDue(trx, campaign.id);
  const noticePublished = from === 'notice' && (await trx.selectFrom('notices').select('campaign_id').where('campaign_id', '=', campaign.id).executeTakeFirst()) !== undefined;
  const refusal = phaseMoveRefusal({
    from, to: input.to, reason, collectionOpen: now <= lastClose, correctionsOpen: correctionDue !== null && now.toISOString() < correctionDue, noticePublished,
  });
  if (refusal === 'not_adjacent') throw new AppError('phase_not_adjacent', { phase: from, to: input.to });
  if (refusal === 'reason_required') throw new AppError('phase_reason_required');
  if (refusal === 'finalize_required') throw new AppError('phase_finalize_required');
  if (refusal === 'results_final') throw new AppError('phase_results_final');
  if (refusal === 'notice_published') throw new AppError('phase_notice_published');
  if (refusal === 'collection_open') {
    throw new AppError('collection_still_open', { closesAt: formatInZone(lastClose, campaign.window.timeZone), zone: campaign.definition.window.timeZoneLabel[actor.locale] });
  }
  if (refusal === 'corrections_open') {
    throw new AppError('corrections_still_open', { dueAt: formatInZone(new Date(correctionDue!), campaign.window.timeZone), zone: campaign.definition.window.timeZoneLabel[actor.locale] });
  }
  if (!(await updateCampaignPhase(trx, campaign.id, from, input.to, now.toISOString()))) {
    throw new AppError('phase_not_adjacent', { phase: (await findCampaignPhase(trx, campaign.id)) ?? from, to: input.to });
  }
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'campaign.move_phase', subjectType: 'campaign', subjectId: campaign.id,
    change: { from, to: input.to, reason: isBefore(input.to, from) ? reason : null, definitionVersion: campaign.definitionVersion },
  }, now);
  forgetCampaignVersions(trx);
  return { ...campaign, phase: input.to, phaseChangedAt: now.toISOString() };
}

/**
 * AppError phase_closed unless `action` is open in the campaign's phase as committed now (not as
 * cached), so a move that just committed elsewhere is seen. Within a transaction, the phase
 * cannot move until it ends (a share lock on PostgreSQL; SQLite runs one transaction at a time).
 */
export async function requirePhaseOpen(db: Kysely<Database>, campaign: StoredCampaign, action: PhaseAction): Promise<void> {
  const phase = (await findCampaignPhaseForShare(db, campaign.id)) ?? campaign.phase;
  if (!isActionOpen(phase, action)) throw new AppError('phase_closed', { phase });
}

/** The last instant any unit may still submit: the window's close or the latest extension. */
async function lastCollectionClose(db: Kysely<Database>, campaign: StoredCampaign): Promise<Date> {
  let last = campaign.window.closesAt.toISOString();
  for (const e of await listDeadlineExtensions(db, campaign.id)) if (e.closes_at > last) last = e.closes_at;
  return new Date(last);
}

const isBefore = (a: CampaignPhase, b: CampaignPhase) => CAMPAIGN_PHASES.indexOf(a) < CAMPAIGN_PHASES.indexOf(b);
