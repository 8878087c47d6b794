import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { getCampaignById } from '../campaigns/campaigns.service.ts';
import { insertConflictMark, updateDeclaration } from '../conflicts/conflicts.repository.ts';
import { ownAssignment } from './scoring.service.ts';
import { findCampaignOrganizers, findReviewOf, handBackAssignment, lockAssignment } from './scoring.repository.ts';

/**
 * "I have a conflict": the caller's released assignment is handed back for reassignment, their
 * declared conflict with the case recorded (the assignment solver then avoids the pair), the
 * declaration audited and every organizer of the campaign mailed, all in one transaction. A
 * submitted review cannot be handed back; an assignment already handed back is not found.
 */
export async function handBackForConflict(trx: Transaction<Database>, actor: Actor, id: string, reason: string, now: Date, baseUrl: string): Promise<void> {
  const a = await ownAssignment(trx, actor, id);
  if ((await lockAssignment(trx, a.id))?.state !== 'released') throw new AppError('not_found');
  if ((await findReviewOf(trx, a.id))?.status === 'submitted') throw new AppError('review_submitted');
  const stamp = now.toISOString();
  const text = reason.trim();
  if (!(await handBackAssignment(trx, a.id, actor.userId, text, stamp))) throw new AppError('not_found');
  const declared = await insertConflictMark(trx, {
    id: newId(), campaign_id: a.campaign_id, case_id: a.case_id, reviewer_id: a.reviewer_id, kind: 'declared', reason: text, actor_id: actor.userId, created_at: stamp, updated_at: stamp,
  });
  if (!declared) await updateDeclaration(trx, a.case_id, a.reviewer_id, text, stamp);
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'conflict.declare', subjectType: 'case', subjectId: a.case_id,
    change: { reviewerId: a.reviewer_id, reason: text, assignmentId: a.id, handedBack: true },
  }, now);
  const campaign = await getCampaignById(trx, a.campaign_id);
  const caseTitle = (JSON.parse(a.submitted_content) as { title: string }).title;
  for (const organizer of await findCampaignOrganizers(trx, a.campaign_id)) {
    await queueMail(trx, {
      to: organizer.email, locale: organizer.locale, template: 'review_handed_back',
      params: {
        campaignTitle: campaign.definition.title[organizer.locale], reviewerName: actor.displayName, reviewerEmail: actor.email,
        caseTitle, reason: text, link: `${baseUrl}/app/org/cases`,
      },
    }, now);
  }
}
