import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { solveAssignment, type SolveProgress } from '../../review/assignment-solver.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { requirePhaseOpen } from '../campaigns/campaign-phase.service.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { campaignOrganizedBy } from '../reviewers/reviewers.service.ts';
import { loadAssignmentFacts, pairOf } from './assignment-problem.ts';
import {
  deleteProposed, failStaleRuns, findLatestRun, finishRun, insertAssignments, insertRun, listAssignmentRows, listPassedCases, lockCampaignAssignments, updateRunProgress,
} from './assignment.repository.ts';
import { runResult, type RunResult } from './run-result.ts';

// An assignment run: started by an organizer, solved in a worker thread (the HTTP server keeps
// answering), its progress written as it comes, and on finish its proposal written in place of
// the last one, released assignments untouched.

export const RUN_TIME_LIMIT_SECONDS = 60;
const GRACE_SECONDS = 20;
/** A run still "running" this long after it started belongs to a process that stopped. */
const ABANDONED_AFTER_MS = (RUN_TIME_LIMIT_SECONDS + GRACE_SECONDS + 60) * 1000;
const PROGRESS_EVERY_MS = 500;

export interface AssignmentRunView {
  id: string;
  status: 'running' | 'done' | 'failed';
  definitionVersion: number;
  progress: SolveProgress | Record<string, never>;
  result: RunResult | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Runs solving now, so that closing the app waits for them instead of writing into a closed database. */
export class AssignmentRuns {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly logError: (error: unknown) => void,
    private readonly timeLimitSeconds = RUN_TIME_LIMIT_SECONDS,
  ) {}

  /**
   * Starts a run for an organizer of the campaign while assigning is open. One run at a time per
   * campaign: the database's unique index decides between two starts, the second is refused.
   */
  async start(actor: Actor, slug: string): Promise<AssignmentRunView> {
    const campaign = await campaignOrganizedBy(this.db, actor, slug);
    await requirePhaseOpen(this.db, campaign, 'assign_reviewers');
    const now = this.clock();
    const id = newId();
    const started = await inTransaction(this.db, async (trx) => {
      await failStaleRuns(trx, campaign.id, new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString(), now.toISOString());
      if (!(await insertRun(trx, { id, campaign_id: campaign.id, status: 'running', definition_version: campaign.definitionVersion, started_by: actor.userId, started_at: now.toISOString() }))) {
        return false;
      }
      await appendAudit(trx, { actorId: actor.userId, actorLabel: actorLabel(actor), action: 'assignment.run', subjectType: 'campaign', subjectId: campaign.id, change: { runId: id } }, now);
      return true;
    });
    if (!started) throw new AppError('assignment_run_running');
    const work = this.solve(id, campaign).catch(this.logError).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    return (await latestRun(this.db, campaign))!;
  }

  /** Resolves once every run started here has finished. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async solve(runId: string, campaign: StoredCampaign): Promise<void> {
    let lastWrite = 0;
    let writing = Promise.resolve();
    const onProgress = (progress: SolveProgress) => {
      const at = Date.now();
      if (progress.phase !== 'done' && at - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = at;
      writing = writing.then(() => inTransaction(this.db, (trx) => updateRunProgress(trx, runId, JSON.stringify(progress)))).catch(() => undefined);
    };
    try {
      const facts = await loadAssignmentFacts(this.db, campaign);
      const solution = await solveAssignment(facts.problem, { timeLimitSeconds: this.timeLimitSeconds, graceSeconds: GRACE_SECONDS, onProgress });
      await writing;
      const order = campaign.definition.categories.map((c) => c.key);
      const result = runResult(solution, facts.cases, facts.problem.reviewsPerCase, order);
      await inTransaction(this.db, async (trx) => {
        await lockCampaignAssignments(trx, campaign.id);
        const now = this.clock().toISOString();
        if (!(await finishRun(trx, runId, { status: 'done', result: JSON.stringify(result), error: null, finished_at: now }))) return;
        await deleteProposed(trx, campaign.id);
        // Only pairs that still stand: the case still passed at the same version, the pair neither
        // released (kept as it is) nor handed back since the facts were read.
        const passed = new Map((await listPassedCases(trx, campaign.id)).map((c) => [c.id, c.submission_id]));
        const taken = new Set((await listAssignmentRows(trx, campaign.id, ['released', 'handed_back'])).map((a) => pairOf(a.case_id, a.reviewer_id)));
        const submissionOf = new Map(facts.cases.map((c) => [c.id, c.submissionId]));
        await insertAssignments(trx, solution.pairs
          .filter((p) => !taken.has(pairOf(p.caseId, p.reviewerId)) && passed.get(p.caseId) === submissionOf.get(p.caseId))
          .map((p) => ({
            id: newId(), campaign_id: campaign.id, case_id: p.caseId, reviewer_id: p.reviewerId, submission_id: submissionOf.get(p.caseId)!,
            definition_version: campaign.definitionVersion, state: 'proposed' as const, source: 'solver' as const, run_id: runId, created_by: 'solver', created_at: now,
          })));
      });
    } catch (error) {
      await writing;
      const message = error instanceof AppError ? error.code : error instanceof Error ? error.message : String(error);
      await inTransaction(this.db, (trx) => finishRun(trx, runId, { status: 'failed', result: null, error: message, finished_at: this.clock().toISOString() }));
    }
  }
}

/** The campaign's latest run, or null before the first. */
export async function latestRun(db: Kysely<Database>, campaign: StoredCampaign): Promise<AssignmentRunView | null> {
  const row = await findLatestRun(db, campaign.id);
  if (!row) return null;
  return {
    id: row.id, status: row.status, definitionVersion: row.definition_version, progress: JSON.parse(row.progress) as AssignmentRunView['progress'],
    result: row.result ? (JSON.parse(row.result) as RunResult) : null, error: row.error, startedAt: row.started_at, finishedAt: row.finished_at,
  };
}

/** The latest run of a campaign the actor organizes. */
export async function latestRunFor(db: Kysely<Database>, actor: Actor, slug: string): Promise<AssignmentRunView | null> {
  return latestRun(db, await campaignOrganizedBy(db, actor, slug));
}
