import type { Kysely, Updateable } from 'kysely';
import { nextStatus, type CaseActorKind, type CaseMove, type CaseStatus } from '../../../core/case/case-status.ts';
import type { CasesTable, Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { insertCaseEvent } from './cases.repository.ts';

export interface Transition {
  caseId: string;
  /** The status the caller read; the update applies only if the case is still in it. */
  from: CaseStatus | null;
  move: CaseMove;
  by: CaseActorKind;
  actor: { id: string | null; label: string };
  message?: string | null;
  dueAt?: string | null;
  submissionId?: string | null;
  /**
   * The version the caller read, when the move also claims it (a submit): the update then applies
   * only at that version, and a case changed meanwhile is a version conflict.
   */
  atVersion?: number;
  /** Other columns that change with the move (return message, recommendation…). */
  set?: Updateable<CasesTable>;
  /** Extra facts for the audit entry. */
  audit?: Record<string, unknown>;
}

/**
 * The one way a case changes state: checks the move against the table in core/case/case-status,
 * applies it only if nobody moved the case meanwhile, and records it in the case's history and in
 * the audit log, all in the caller's transaction.
 */
export async function transitionCase(trx: Kysely<Database>, t: Transition, now: Date): Promise<CaseStatus> {
  if (!trx.isTransaction) throw new Error('transitionCase must run inside a transaction');
  const to = nextStatus(t.from, t.move, t.by);
  if (!to) throw new AppError('invalid_transition', { status: t.from ?? 'none' });
  const at = now.toISOString();
  if (t.from !== null) {
    let update = trx.updateTable('cases').set({ ...t.set, status: to, updated_at: at }).where('id', '=', t.caseId).where('status', '=', t.from);
    if (t.atVersion !== undefined) update = update.where('version', '=', t.atVersion);
    const result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw t.atVersion === undefined ? new AppError('invalid_transition', { status: t.from }) : new AppError('version_conflict');
  }
  await insertCaseEvent(trx, {
    id: newId(), case_id: t.caseId, at, actor_id: t.actor.id, actor_label: t.actor.label, action: t.move,
    from_status: t.from ?? 'none', to_status: to, message: t.message ?? null, due_at: t.dueAt ?? null, submission_id: t.submissionId ?? null,
  });
  await appendAudit(trx, {
    actorId: t.actor.id, actorLabel: t.actor.label, action: `case.${t.move}`, subjectType: 'case', subjectId: t.caseId,
    change: { from: t.from, to, ...(t.message ? { message: t.message } : {}), ...(t.dueAt ? { dueAt: t.dueAt } : {}), ...t.audit },
  }, now);
  return to;
}
