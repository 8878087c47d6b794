import { finalizeResults } from '../../modules/notice/notice.service.ts';
import { fileObjection, resolveObjection } from '../../modules/notice/objections.service.ts';
import { findFinalResultOfCase } from '../../modules/certificates/certificates.repository.ts';
import { DEMO_EARLIER_SLUG } from '../demo-campaign.ts';
import { contextAt } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';
import { OBJECTION } from './notice-campaign.step.ts';
import { daysAgo, reviewPast, selectAndPublishPast, type PastDays } from './past-selection.ts';
import { collectPast } from './review-collection.step.ts';

// The finished earlier edition, the sixth (decision 0035), lived ten months back: collected,
// screened, assigned and scored, selected, put to a notice that drew one objection, dismissed
// with a reason, and finalized once the notice ended: final results with certificate numbers.
// The sign-in page's unit (unit 0) wrote a case its reviewers rated highly, so whoever signs in
// as that unit finds a certificate to download.

export const EARLIER_COLLECTED_DAYS_AGO = 300;
export const EARLIER_DAYS: PastDays = { screened: 265, scored: 240, selected: 200, published: 190 };
const OBJECTED_DAYS_AGO = 188;
const RESOLVED_DAYS_AGO = 185;
export const FINALIZED_DAYS_AGO = 180;

export const writesForEarlier = (index: number) => index < 12 || index % 4 === 3;

/** The sign-in page's unit, whose case is rated highly. */
export const CERTIFIED_UNIT = 0;

export const DISMISSAL_REASON = '经主办方向案例单位及其上级党组织核实，案例所述数据有工作台账佐证，相关做法系该单位结合实际的创新探索，异议不成立。';

export const earlierCollectionStep: DemoStep = {
  name: 'earlier collection',
  run: (ctx, state) => collectPast(ctx, state, DEMO_EARLIER_SLUG, EARLIER_COLLECTED_DAYS_AGO, writesForEarlier, state.earlier),
};

export const earlierReviewStep: DemoStep = {
  name: 'earlier review',
  run(ctx, state) {
    const certified = state.earlier.cases.find((c) => c.unit.index === CERTIFIED_UNIT)?.id;
    return reviewPast(contextAt(ctx, DEMO_EARLIER_SLUG, 0), state, state.earlier, EARLIER_DAYS, (id) => (id === certified ? 1 : undefined));
  },
};

export const earlierResultsStep: DemoStep = {
  name: 'earlier results',
  async run(baseCtx, state) {
    const ctx = contextAt(baseCtx, DEMO_EARLIER_SLUG, 0);
    const organizer = state.organizer!;
    const certified = state.earlier.cases.find((c) => c.unit.index === CERTIFIED_UNIT);
    // Rated highly, the case is usually suggested; where the reviewers' leniency pushed it just
    // below the places, the organizer puts it on by hand, with a reason.
    const { line, notice } = await selectAndPublishPast(ctx, state, EARLIER_DAYS, false, certified?.id);
    const objected = contextAt(ctx, ctx.slug, OBJECTED_DAYS_AGO);
    const n = notice.entries.at(-1)!.n;
    const { reference } = await fileObjection(ctx.db, ctx.slug, { n, ...OBJECTION }, 'demo', 'zh-CN', objected.clock(), ctx.baseUrl);
    const objections = await ctx.db.selectFrom('objections').select('id').where('reference', '=', reference).execute();
    const resolved = contextAt(ctx, ctx.slug, RESOLVED_DAYS_AGO);
    await resolveObjection(ctx.db, organizer, ctx.slug, objections[0]!.id, { status: 'dismissed', reason: DISMISSAL_REASON }, resolved.clock(), ctx.baseUrl);
    const finalized = contextAt(ctx, ctx.slug, FINALIZED_DAYS_AGO);
    await finalizeResults(ctx.db, organizer, ctx.slug, finalized.clock(), ctx.baseUrl);
    if (certified && !(await findFinalResultOfCase(ctx.db, certified.id))) throw new Error(`earlier results: the case of unit ${CERTIFIED_UNIT} has no certificate`);
    return `${line}; objection ${reference} dismissed ${daysAgo(RESOLVED_DAYS_AGO)}; finalized ${daysAgo(FINALIZED_DAYS_AGO)}, ${notice.entries.length} certificates`;
  },
};
