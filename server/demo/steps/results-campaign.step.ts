import { fileObjection } from '../../modules/notice/objections.service.ts';
import { DEMO_RESULTS_SLUG } from '../demo-campaign.ts';
import { contextAt } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';
import { daysAgo, reviewPast, selectAndPublishPast, type PastDays } from './past-selection.ts';
import { collectPast } from './review-collection.step.ts';

// The campaign whose notice has ended with one objection still open (decision 0035): what is
// left is the organizer's, in the browser: resolve the objection at 公示, confirm the final
// results, and see the units' certificates. (demo-notice's notice runs for days yet, so its
// results cannot be confirmed on the demo's day.)

export const RESULTS_COLLECTED_DAYS_AGO = 100;
export const RESULTS_DAYS: PastDays = { screened: 90, scored: 50, selected: 14, published: 10 };
const OBJECTED_DAYS_AGO = 6;

export const writesForResults = (index: number) => index < 12 || index % 4 === 2;

export const RESULTS_OBJECTION = {
  name: '李秀英', organization: '某街道居民', phone: '139 0000 1234', email: null,
  body: '该案例中“社区食堂每日服务老人三百余人次”的说法与实际不符，据我了解日均不足百人次，请主办方核实后再确定是否列入。',
};

export const resultsCollectionStep: DemoStep = {
  name: 'results collection',
  run: (ctx, state) => collectPast(ctx, state, DEMO_RESULTS_SLUG, RESULTS_COLLECTED_DAYS_AGO, writesForResults, state.results),
};

export const resultsReviewStep: DemoStep = {
  name: 'results review',
  run: (ctx, state) => reviewPast(contextAt(ctx, DEMO_RESULTS_SLUG, 0), state, state.results, RESULTS_DAYS, () => undefined),
};

export const resultsNoticeStep: DemoStep = {
  name: 'results notice',
  async run(baseCtx, state) {
    const ctx = contextAt(baseCtx, DEMO_RESULTS_SLUG, 0);
    const { line, notice } = await selectAndPublishPast(ctx, state, RESULTS_DAYS, true);
    // Filed while the notice ran, against the first case on the list, and never resolved.
    const objected = contextAt(ctx, ctx.slug, OBJECTED_DAYS_AGO);
    const n = notice.entries[0]!.n;
    const { reference } = await fileObjection(ctx.db, ctx.slug, { n, ...RESULTS_OBJECTION }, 'demo', 'zh-CN', objected.clock(), ctx.baseUrl);
    return `${line}; objection ${reference} to no. ${n} filed ${daysAgo(OBJECTED_DAYS_AGO)}, open; the notice has ended`;
  },
};
