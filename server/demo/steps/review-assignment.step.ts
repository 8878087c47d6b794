import { inTransaction } from '../../db/transaction.ts';
import { addAssignment, releaseAssignments, removeAssignment } from '../../modules/assignment/assignment-edits.service.ts';
import { AssignmentRuns, latestRunFor } from '../../modules/assignment/assignment-runs.service.ts';
import { previewAssignments } from '../../modules/assignment/assignment-view.service.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { reviewerEmail } from '../demo-accounts.ts';
import { contextAt, type DemoContext } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';

// The campaign in review's assignment: the organizer runs the solver (HiGHS in a worker thread,
// as the assignment page starts it) and releases what it proposes; each reviewer is mailed. Were
// the pool too small for some category, the release says so in its reason. The solver spreads
// the cases thin when there are few (one each at twelve units): before releasing, the organizer
// hands the sign-in page's reviewer a few cases by hand, each in place of a proposed reviewer, so
// whoever signs in as that reviewer finds work, part of it scored.

/** How many cases the sign-in page's reviewer gets at the least (fewer if too few cases are open to them). */
export const SIGN_IN_REVIEWER_CASES = 3;

export const SHORTFALL_REASON = '部分类别评审专家人数不足，先行发布已分配的评审任务，缺额由主办方另行邀请专家补充。';

/** Swaps the reviewer `email` in on proposed cases open to them until they have `least`; returns how many swaps. */
async function giveCases(ctx: DemoContext, organizer: Actor, email: string, least: number): Promise<number> {
  const view = (page: number) => previewAssignments(ctx.db, organizer, ctx.slug, { page, pageSize: 100 });
  const me = (await view(1)).reviewers.find((r) => r.email === email);
  if (!me) return 0;
  let have = me.proposed + me.released;
  let swapped = 0;
  for (let page = 1; have < least; page += 1) {
    const { cases } = await view(page);
    if (cases.length === 0) break;
    for (const c of cases) {
      const replaced = c.reviewers.find((r) => r.state === 'proposed');
      if (have >= least || !replaced || !c.options.some((o) => o.id === me.id)) continue;
      await inTransaction(ctx.db, async (trx) => {
        await removeAssignment(trx, organizer, ctx.slug, replaced.assignmentId, ctx.clock());
        await addAssignment(trx, organizer, ctx.slug, { caseId: c.id, reviewerId: me.id }, ctx.clock(), 'zh-CN');
      });
      have += 1;
      swapped += 1;
    }
  }
  return swapped;
}

/**
 * Solves the assignment of ctx.slug, gives `signIn` (the sign-in page's reviewer) cases if the
 * solver gave them too few, and releases it; returns the run's figures and the release's.
 */
export async function solveAndRelease(ctx: DemoContext, organizer: Actor, signIn?: string) {
  let failure: unknown;
  const runs = new AssignmentRuns(ctx.db, ctx.clock, (error) => { failure = error; });
  await runs.start(organizer, ctx.slug);
  await runs.settle();
  const run = await latestRunFor(ctx.db, organizer, ctx.slug);
  if (failure || run?.status !== 'done' || !run.result) throw new Error(`assignment run ${run?.status ?? 'missing'}: ${run?.error ?? String(failure)}`);
  const swapped = signIn ? await giveCases(ctx, organizer, signIn, SIGN_IN_REVIEWER_CASES) : 0;
  const release = await inTransaction(ctx.db, async (trx) => {
    try {
      return await releaseAssignments(trx, organizer, ctx.slug, { override: false, reason: null }, ctx.clock(), 'zh-CN', ctx.baseUrl);
    } catch (error) {
      if ((error as { code?: string }).code !== 'assignment_short') throw error;
      return releaseAssignments(trx, organizer, ctx.slug, { override: true, reason: SHORTFALL_REASON }, ctx.clock(), 'zh-CN', ctx.baseUrl);
    }
  });
  return { run, release, swapped };
}

export const reviewAssignmentStep: DemoStep = {
  name: 'review assignment',
  async run(baseCtx, state) {
    const ctx = contextAt(baseCtx, baseCtx.reviewSlug, 0);
    const { run, release, swapped } = await solveAndRelease(ctx, state.organizer!, reviewerEmail(0));
    const missing = release.shortfall.reduce((n, s) => n + s.missing, 0);
    const { stoppedBy, seconds } = run.result!;
    return `solver ${stoppedBy} in ${seconds} s, ${release.released} assignments released to ${release.reviewers} reviewers`
      + (missing > 0 ? `, ${missing} reviews short (released with a reason)` : ', every passed case covered')
      + (swapped > 0 ? `; ${swapped} given by hand to ${reviewerEmail(0)}` : '');
  },
};
