import type { Kysely, Transaction } from 'kysely';
import type { Problem } from '../../../core/case/preflight.ts';
import type { RecommendationState } from '../../../core/case/recommendation.ts';
import {
  changedSince, decisionRefusal, reversalRefusal, screeningState, type DecisionRefusal, type ScreeningDecision, type ScreeningState, type SeenCase,
} from '../../../core/screening/screening-decision.ts';
import { isQueryRefusal, screeningQuery, type ScreeningFilterInput } from '../../../core/screening/screening-query.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { actorLabel, isOrganizer, type Actor } from '../auth/actor.ts';
import { requirePhaseOpen } from '../campaigns/campaign-phase.service.ts';
import { getCampaign, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { loadVisibleCase } from '../cases/case-access.ts';
import { transitionCase } from '../cases/case-transition.ts';
import { canOrganizeCase } from '../cases/cases.policy.ts';
import { returnCase } from '../cases/organizer.service.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import { endProposed, listCaseAssignments, lockCampaignAssignments } from '../assignment/assignment.repository.ts';
import { ensureFormatReports } from './screening-report.service.ts';
import {
  countQueue, findStandingDecision, findSubmitter, insertDecision, listDecisions, listQueuePage, lockDecidableCases,
} from './screening.repository.ts';

// Screening (初审): the queue organizers work through, and their decisions on submitted versions.

/** The campaign for one of its organizers; anyone else learns nothing of it (campaign_not_found). */
export async function campaignForOrganizer(db: Kysely<Database>, actor: Actor, slug: string): Promise<StoredCampaign> {
  const campaign = await getCampaign(db, slug);
  if (!isOrganizer(actor, campaign.id)) throw new AppError('campaign_not_found', { slug });
  return campaign;
}

export interface QueueRow {
  caseId: string;
  title: string;
  unitName: string;
  divisionCode: string;
  category: string;
  submissionId: string;
  seq: number;
  submittedAt: string;
  state: ScreeningState;
  recommendation: RecommendationState;
  problems: Problem[];
  attachmentCount: number;
  similarity: { top: number | null; count: number };
  sameFile: boolean;
  returnMessage: string | null;
  returnDueAt: string | null;
}

/** One page of the campaign's screening queue with the counts of every filter, for its organizers only. */
export async function screeningQueue(db: Kysely<Database>, actor: Actor, slug: string, input: ScreeningFilterInput, readable: AttachmentCheck, now: Date) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  const query = screeningQuery(input, campaign.definition.categories.map((c) => c.key));
  if (isQueryRefusal(query)) throw new AppError('screening_filter_invalid', { field: query.field, value: query.value });
  await ensureFormatReports(db, campaign, readable, now);
  const [rows, counts] = await Promise.all([listQueuePage(db, campaign.id, query), countQueue(db, campaign.id, query)]);
  const data: QueueRow[] = rows.map((r) => ({
    caseId: r.case_id, title: r.title, unitName: r.unit_name, divisionCode: r.division_code, category: r.category ?? '',
    submissionId: r.submission_id, seq: Number(r.seq), submittedAt: r.submitted_at, state: screeningState(r.status, r.screening),
    recommendation: Number(r.not_recommended) ? (r.recommendation === 'recommended' ? 'void' : r.recommendation) : 'recommended',
    problems: JSON.parse(r.problems ?? '[]') as Problem[], attachmentCount: (JSON.parse(r.attachments) as unknown[]).length,
    similarity: { top: r.top_exact === null ? null : Number(r.top_exact), count: Number(r.match_count) }, sameFile: Boolean(Number(r.same_file)),
    returnMessage: r.status === 'returned' ? r.return_message : null, returnDueAt: r.status === 'returned' ? r.return_due_at : null,
  }));
  return { data, total: counts.total, counts: { states: counts.states, flags: counts.flags }, page: query.offset / query.limit + 1, pageSize: query.limit };
}

const REFUSAL_ERRORS: Record<DecisionRefusal, 'screening_not_pending' | 'screening_reason_required' | 'screening_due_date_invalid' | 'screening_not_reversible'> = {
  not_pending: 'screening_not_pending',
  reason_required: 'screening_reason_required',
  due_date_invalid: 'screening_due_date_invalid',
  not_reversible: 'screening_not_reversible',
};

export interface DecisionRequest {
  decision: ScreeningDecision;
  reason: string | null;
  dueAt: string | null;
  /** Each case as the organizer saw it: a case that changed since refuses the whole batch. */
  cases: SeenCase[];
}

/**
 * Decides every case of the selection, or none: the cases are locked, and if any was submitted
 * again or decided by someone else since the organizer saw it, the batch is refused naming how
 * many. Each decision is recorded on its submitted version, in the case's history and the audit
 * log, and mailed to whoever submitted it.
 */
export async function decideScreening(trx: Transaction<Database>, actor: Actor, slug: string, input: DecisionRequest, now: Date, baseUrl: string): Promise<{ decided: number }> {
  const campaign = await campaignForOrganizer(trx, actor, slug);
  await requirePhaseOpen(trx, campaign, 'screen');
  const seen = [...new Map(input.cases.map((c) => [c.caseId, c])).values()];
  const rows = await lockDecidableCases(trx, campaign.id, seen.map((c) => c.caseId));
  const onRoad = rows.filter((r) => r.status === 'submitted' || r.status === 'returned');
  const changed = changedSince(seen, new Map(onRoad.map((r) => [r.id, { submissionId: r.submission_id, state: screeningState(r.status, r.screening) }])));
  if (changed.length > 0) throw new AppError('screening_selection_changed', { count: changed.length }, { changed });
  const reason = input.reason?.trim() || null;
  const dueAt = input.dueAt ? new Date(input.dueAt) : null;
  for (const row of onRoad) {
    const refusal = decisionRefusal({ decision: input.decision, state: screeningState(row.status, row.screening), reason, dueAt, now });
    if (refusal) throw new AppError(REFUSAL_ERRORS[refusal]);
  }
  const by = { id: actor.userId, label: actorLabel(actor) };
  for (const row of onRoad) {
    if (input.decision === 'return') {
      // The existing return: status, message, date, history, audit and its own mail.
      await returnCase(trx, actor, row.id, { message: reason!, dueAt: dueAt!.toISOString() }, now, baseUrl);
    } else {
      const outcome = input.decision === 'pass' ? 'passed' : 'rejected';
      await transitionCase(trx, {
        caseId: row.id, from: 'submitted', move: input.decision === 'pass' ? 'screen_pass' : 'screen_reject', by: 'organizer', actor: by,
        message: reason, submissionId: row.submission_id, set: { screening: outcome }, audit: { seq: row.seq, submissionId: row.submission_id },
      }, now);
      await mailOutcome(trx, row, outcome, reason ?? '', now, baseUrl);
    }
    await insertDecision(trx, {
      id: newId(), campaign_id: campaign.id, case_id: row.id, submission_id: row.submission_id, seq: row.seq,
      decision: input.decision === 'pass' ? 'passed' : input.decision === 'reject' ? 'rejected' : 'returned',
      reason, due_at: input.decision === 'return' ? dueAt!.toISOString() : null, reverses_id: null,
      definition_version: campaign.definitionVersion, actor_id: actor.userId, actor_label: by.label, decided_at: now.toISOString(),
    });
  }
  return { decided: onRoad.length };
}

/**
 * Takes back a pass or a rejection of the case's current submitted version, with a reason: it
 * awaits screening again. A pass is not taken back once the case is released to reviewers; the
 * reviewers proposed for it before release are withdrawn with it.
 */
export async function reverseScreening(trx: Transaction<Database>, actor: Actor, caseId: string, input: { submissionId: string; reason: string }, now: Date, baseUrl: string): Promise<void> {
  const c = await loadVisibleCase(trx, actor, caseId);
  if (!canOrganizeCase(actor, c.row)) throw new AppError('not_found');
  // The campaign's assignment lock first, before the phase's share lock and the case's row lock:
  // taken after them it would wait on every other screening action holding the share lock while
  // they wait on this case (a deadlock on PostgreSQL).
  await lockCampaignAssignments(trx, c.campaign.id);
  await requirePhaseOpen(trx, c.campaign, 'screen');
  const [row] = await lockDecidableCases(trx, c.campaign.id, [caseId]);
  if (!row || row.submission_id !== input.submissionId) throw new AppError('screening_selection_changed', { count: 1 });
  const reason = input.reason.trim();
  const refusal = reversalRefusal(screeningState(row.status, row.screening), reason);
  if (refusal) throw new AppError(REFUSAL_ERRORS[refusal]);
  const by = { id: actor.userId, label: actorLabel(actor) };
  if (row.screening === 'passed') {
    // The pass is what put the case in the assignment: taken back, so are the reviewers proposed
    // for it; once released to reviewers it stands (they may already be scoring it). The campaign's
    // assignment lock (above) keeps a pair added by hand or a release meanwhile off the case.
    const assigned = await listCaseAssignments(trx, c.campaign.id, caseId, ['proposed', 'released']);
    if (assigned.some((a) => a.state === 'released')) throw new AppError('screening_reversal_assigned');
    for (const a of assigned) await endProposed(trx, a.id, actor.userId, now.toISOString(), 'screening_reversed');
  }
  const standing = await findStandingDecision(trx, caseId, row.submission_id);
  await transitionCase(trx, {
    caseId, from: 'submitted', move: 'screen_reverse', by: 'organizer', actor: by, message: reason, submissionId: row.submission_id,
    set: { screening: 'pending' }, audit: { seq: row.seq, submissionId: row.submission_id, was: row.screening },
  }, now);
  await insertDecision(trx, {
    id: newId(), campaign_id: c.campaign.id, case_id: caseId, submission_id: row.submission_id, seq: row.seq, decision: 'reversed',
    reason, due_at: null, reverses_id: standing?.id ?? null, definition_version: c.campaign.definitionVersion,
    actor_id: actor.userId, actor_label: by.label, decided_at: now.toISOString(),
  });
  await mailOutcome(trx, row, 'reversed', reason, now, baseUrl);
}

/** Every screening decision on the case, oldest first, for the campaign's organizers. */
export async function screeningHistory(db: Kysely<Database>, actor: Actor, caseId: string) {
  const c = await loadVisibleCase(db, actor, caseId);
  if (!canOrganizeCase(actor, c.row)) throw new AppError('not_found');
  return (await listDecisions(db, caseId)).map((d) => ({
    id: d.id, decision: d.decision, seq: Number(d.seq), submissionId: d.submission_id, reason: d.reason, dueAt: d.due_at,
    reversesId: d.reverses_id, actor: d.actor_label, decidedAt: d.decided_at,
  }));
}

async function mailOutcome(trx: Transaction<Database>, row: { id: string; title: string; submitted_by: string }, outcome: 'passed' | 'rejected' | 'reversed', reason: string, now: Date, baseUrl: string) {
  const to = await findSubmitter(trx, row.submitted_by);
  if (!to) return;
  await queueMail(trx, { to: to.email, locale: to.locale, template: 'case_screened', params: { caseTitle: row.title, outcome, reason, link: `${baseUrl}/app/cases/${row.id}` } }, now);
}
