import { inTransaction } from '../../db/transaction.ts';
import { moveCampaignPhase } from '../../modules/campaigns/campaign-phase.service.ts';
import type { CampaignPhase } from '../../../core/campaign/campaign-phase.ts';
import { publishNotice } from '../../modules/notice/notice.service.ts';
import { listMyAssignments, readAssignedCase, saveReview } from '../../modules/scoring/scoring.service.ts';
import { acceptSuggestion, changeDecision, computeSuggestion } from '../../modules/selection/selection.service.ts';
import { actorOf, contextAt, eachLimited, type DemoContext } from '../demo-context.ts';
import type { DemoCampaignCases, DemoState } from '../demo-state.ts';
import { solveAndRelease } from './review-assignment.step.ts';
import { REJECTED, screener } from './review-screening.step.ts';
import { reviewOf } from './review-scores.step.ts';
import { importReviewerPool } from './reviewers.step.ts';
import { COPY_UNIT } from './cases.step.ts';

// A campaign's review and selection lived on a clock set back (decision 0035), for the campaign
// whose notice runs on the demo's day and the finished earlier edition: screened, its pool and
// assignment, every assignment scored, then selected and put to a public notice. Each stage acts
// through the services the routes call, on the day it happened.

/** One campaign's days, counted back from the demo's day. */
export interface PastDays {
  screened: number;
  scored: number;
  selected: number;
  published: number;
}

export const NOTICE_BODY = '经案例单位申报、上级组织推荐、主办方初审和专家评审，拟确定以下案例为本届最佳案例和优秀案例，现予公示。'
  + '公示期间，如对公示案例有异议，请通过本页“提出异议”表单实名反映，并提供联系方式和相关证据材料。';
/** Why the organizer took one suggested case off the list by hand. */
export const CHANGE_REASON = '经核实，该案例所述部分成效数据与单位年度工作报告不一致，经主办方研究，暂不列入公示名单。';

/** "yesterday", "3 days ago": a day in a step's line. */
export const daysAgo = (days: number) => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);

const move = (ctx: DemoContext, state: DemoState, to: CampaignPhase) =>
  inTransaction(ctx.db, (trx) => moveCampaignPhase(trx, state.organizer!, ctx.slug, { to, reason: null }, ctx.clock()));

/**
 * Screens ctx.slug `days.screened` days back (the planted copy rejected, the rest passed), imports
 * the pool and releases the solver's assignment; `days.scored` days back every reviewer submits
 * every assignment, a case's quality (by its id) given by `quality` where it says. Returns the step's line.
 */
export async function reviewPast(baseCtx: DemoContext, state: DemoState, into: DemoCampaignCases, days: PastDays, quality: (caseId: string) => number | undefined): Promise<string> {
  const ctx = contextAt(baseCtx, baseCtx.slug, days.screened);
  await move(ctx, state, 'screening');
  const decide = await screener(ctx, state);
  const copy = into.cases.find((c) => c.unit.index === COPY_UNIT);
  if (copy) {
    await decide('reject', [copy], REJECTED.get(COPY_UNIT)!);
    into.rejected = [copy];
  }
  into.passed = into.cases.filter((c) => c !== copy);
  await decide('pass', into.passed, null);
  await move(ctx, state, 'review');
  await importReviewerPool(ctx, state, false);
  const { release } = await solveAndRelease(ctx, state.organizer!);

  const scoring = contextAt(baseCtx, baseCtx.slug, days.scored);
  const planned: { actor: Awaited<ReturnType<typeof actorOf>>; id: string }[] = [];
  for (const email of state.reviewers) {
    const actor = await actorOf(scoring, email);
    const { assignments } = await listMyAssignments(scoring.db, actor, 'zh-CN');
    for (const a of assignments) if (a.campaign.slug === scoring.slug) planned.push({ actor, id: a.id });
  }
  // Which case each assignment is of, as the demo knows its cases (a reviewer sees the case, not its id).
  const caseOf = new Map((await scoring.db.selectFrom('review_assignments').select(['id', 'case_id']).where('id', 'in', planned.length > 0 ? planned.map((p) => p.id) : [''])
    .execute()).map((a) => [a.id, a.case_id]));
  await eachLimited(planned, 4, async ({ actor, id }) => {
    const assigned = await readAssignedCase(scoring.db, actor, id, 'zh-CN');
    const review = reviewOf(assigned, actor.email, true, quality(caseOf.get(id)!));
    await inTransaction(scoring.db, (trx) => saveReview(trx, actor, id, review, true, 'zh-CN', scoring.clock()));
  });
  return `${into.passed.length} passed, ${into.rejected.length} rejected ${daysAgo(days.screened)}; ${release.released} assignments released, all ${planned.length} reviews submitted ${daysAgo(days.scored)}`;
}

/** Why the organizer put a case the suggestion left out on the list, in the place freed. */
export const PROMOTE_REASON = '该案例专家评分与入选案例相差无几，且做法具有较强的示范推广价值，经主办方研究，增补为优秀案例。';

/**
 * `days.selected` days back: moves ctx.slug to selection, computes the suggestion (HiGHS in a
 * worker) and accepts it; when `change` is set, or `promote` names a case the suggestion left out,
 * takes the lowest suggested excellent case off the list with a reason (the solver fills every
 * place, so that frees one) and puts `promote` on it as excellent with its own; `days.published`
 * days back: moves it to notice and publishes the notice.
 */
export async function selectAndPublishPast(baseCtx: DemoContext, state: DemoState, days: PastDays, change: boolean, promote?: string) {
  const organizer = state.organizer!;
  const ctx = contextAt(baseCtx, baseCtx.slug, days.selected);
  await move(ctx, state, 'selection');
  const suggested = await computeSuggestion(ctx.db, organizer, ctx.slug, ctx.storage.has, ctx.clock());
  await acceptSuggestion(ctx.db, organizer, ctx.slug, ctx.clock());
  const excellent = suggested.cases.filter((c) => c.suggested === 'excellent').sort((a, b) => a.score - b.score);
  const promoted = promote && suggested.cases.find((c) => c.caseId === promote && c.suggested === 'none');
  const changed = change || promoted ? excellent[0] : undefined;
  if (changed) await changeDecision(ctx.db, organizer, ctx.slug, changed.caseId, { tier: 'none', reason: CHANGE_REASON }, ctx.clock());
  if (promoted) await changeDecision(ctx.db, organizer, ctx.slug, promoted.caseId, { tier: 'excellent', reason: PROMOTE_REASON }, ctx.clock());
  const published = contextAt(baseCtx, baseCtx.slug, days.published);
  await move(published, state, 'notice');
  const notice = await publishNotice(published.db, organizer, published.slug, { body: NOTICE_BODY }, published.clock());
  const tiers = notice.notice!.entries.map((e) => e.tier);
  const line = `${suggested.cases.length} ranked, ${suggested.suggestion!.entries.length} suggested and accepted ${daysAgo(days.selected)}`
    + (changed ? ', 1 taken off by hand with a reason' : '') + (promoted ? ', 1 put on in its place' : '')
    + `; notice of ${tiers.filter((t) => t === 'best').length} best and ${tiers.filter((t) => t === 'excellent').length} excellent published ${daysAgo(days.published)}`;
  return { line, notice: notice.notice!, changed: changed?.caseId };
}
