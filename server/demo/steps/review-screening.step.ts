import { inTransaction } from '../../db/transaction.ts';
import { moveCampaignPhase } from '../../modules/campaigns/campaign-phase.service.ts';
import { returnCase } from '../../modules/cases/organizer.service.ts';
import { decideScreening, screeningQueue } from '../../modules/screening/screening.service.ts';
import { contextAt, type DemoContext } from '../demo-context.ts';
import type { DemoCase, DemoState, DemoStep } from '../demo-state.ts';
import { COPY_UNIT } from './cases.step.ts';

// The campaign in review, screened (初审): while it still collected, the organizer returned one
// case for correction, which its unit never sent back by the date; today the organizer moves the
// campaign to screening, rejects three cases with the reason the unit is mailed, passes the rest
// and moves the campaign on to review.

/** Units whose case is rejected, and why; the first is the planted near-duplicate's copy. */
export const REJECTED: ReadonlyMap<number, string> = new Map([
  [COPY_UNIT, '经比对，该案例与本次征集中另一单位报送的案例内容高度雷同，不符合原创性要求，不予通过。'],
  [5, '案例所述主要做法和成效集中在2019年以前，不符合本次征集“近三年来”的时间范围要求。'],
  [11, '案例以工作总结方式罗列做法，缺少具体事例和可核实的数据，未能体现党组织的创新做法和实际成效。'],
]);
export const RETURNED_UNIT = 3;
const RETURN_MESSAGE = '申报表“单位意见”栏未加盖单位公章，请补充盖章后的扫描件并重新提交。';
/** The return, and the date it gave the unit, both while the campaign still collected (days before the demo's day). */
const RETURNED_DAYS_AGO = 25;
const CORRECTION_DAYS = 7;

/** The screening queue's pending cases as the organizer sees them, page by page. */
async function pendingCases(ctx: DemoContext, state: DemoState) {
  const seen = [];
  for (let page = 1; ; page += 1) {
    const { data, total } = await screeningQueue(ctx.db, state.organizer!, ctx.slug, { state: 'pending', page, pageSize: 100 }, ctx.storage.has, ctx.clock());
    seen.push(...data.map(({ caseId, submissionId, state: s }) => ({ caseId, submissionId, state: s })));
    if (seen.length >= total || data.length === 0) return seen;
  }
}

/**
 * The organizer's screening of ctx.slug, its queue read once: `decide` passes or rejects cases,
 * each named as seen there, in batches as the bulk action sends them.
 */
export async function screener(ctx: DemoContext, state: DemoState) {
  const seen = new Map((await pendingCases(ctx, state)).map((c) => [c.caseId, c]));
  const seenOf = (cases: readonly DemoCase[]) => cases.map((c) => {
    if (!seen.has(c.id)) throw new Error(`screening: case of unit ${c.unit.index} is not pending`);
    return seen.get(c.id)!;
  });
  return async (decision: 'pass' | 'reject', cases: readonly DemoCase[], reason: string | null): Promise<void> => {
    const named = seenOf(cases);
    for (let i = 0; i < named.length; i += 500) {
      await inTransaction(ctx.db, (trx) => decideScreening(trx, state.organizer!, ctx.slug, { decision, reason, dueAt: null, cases: named.slice(i, i + 500) }, ctx.clock(), ctx.baseUrl));
    }
  };
}

export const reviewScreeningStep: DemoStep = {
  name: 'review screening',
  async run(baseCtx, state) {
    const ctx = contextAt(baseCtx, baseCtx.reviewSlug, 0);
    const organizer = state.organizer!;
    const review = state.review;
    const returning = review.cases.find((c) => c.unit.index === RETURNED_UNIT);
    if (returning) {
      const then = contextAt(baseCtx, baseCtx.reviewSlug, RETURNED_DAYS_AGO).clock();
      const dueAt = new Date(then.getTime() + CORRECTION_DAYS * 86_400_000).toISOString();
      await inTransaction(ctx.db, (trx) => returnCase(trx, organizer, returning.id, { message: RETURN_MESSAGE, dueAt }, then, ctx.baseUrl));
      review.returned = [returning];
    }
    await inTransaction(ctx.db, (trx) => moveCampaignPhase(trx, organizer, ctx.slug, { to: 'screening', reason: null }, ctx.clock()));
    const decide = await screener(ctx, state);
    for (const [unit, reason] of REJECTED) {
      const c = review.cases.find((x) => x.unit.index === unit);
      if (!c) continue;
      await decide('reject', [c], reason);
      review.rejected.push(c);
    }
    const decided = new Set([...review.rejected, ...review.returned]);
    review.passed = review.cases.filter((c) => !decided.has(c));
    await decide('pass', review.passed, null);
    await inTransaction(ctx.db, (trx) => moveCampaignPhase(trx, organizer, ctx.slug, { to: 'review', reason: null }, ctx.clock()));
    return `${review.passed.length} passed, ${review.rejected.length} rejected, ${review.returned.length} returned and not corrected by the date; now in review`;
  },
};
