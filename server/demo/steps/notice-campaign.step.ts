import { fileObjection } from '../../modules/notice/objections.service.ts';
import { DEMO_NOTICE_SLUG } from '../demo-campaign.ts';
import { contextAt } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';
import { reviewPast, selectAndPublishPast, type PastDays } from './past-selection.ts';
import { collectPast } from './review-collection.step.ts';

// The campaign whose notice runs on the demo's day (decision 0035): collected two months back,
// screened, assigned and fully scored before its review was due two weeks ago; three days ago
// the organizer computed the selection, accepted it and took one case off by hand with a reason;
// yesterday its public notice went out, and today a visitor objected to one case on it. The
// objection is left open for whoever signs in as the organizer.

export const NOTICE_COLLECTED_DAYS_AGO = 60;
export const NOTICE_DAYS: PastDays = { screened: 38, scored: 25, selected: 3, published: 1 };

/** The first twelve units and one in four of the rest (selectingWriters counts them). */
export const writesForNotice = (index: number) => index < 12 || index % 4 === 1;

export const OBJECTION = {
  name: '周建国', organization: '某县委组织部退休干部', phone: null, email: 'zhou.jianguo@demo.example.cn',
  body: '该案例所称“三年来帮助群众解决急难愁盼问题两千余件”，与当地公开报道的数字出入较大，且部分做法系上级统一部署，并非该单位首创，请主办方予以核实。',
};

export const noticeCollectionStep: DemoStep = {
  name: 'notice collection',
  run: (ctx, state) => collectPast(ctx, state, DEMO_NOTICE_SLUG, NOTICE_COLLECTED_DAYS_AGO, writesForNotice, state.notice),
};

export const noticeReviewStep: DemoStep = {
  name: 'notice review',
  run: (ctx, state) => reviewPast(contextAt(ctx, DEMO_NOTICE_SLUG, 0), state, state.notice, NOTICE_DAYS, () => undefined),
};

export const noticeSelectionStep: DemoStep = {
  name: 'notice selection',
  async run(baseCtx, state) {
    const ctx = contextAt(baseCtx, DEMO_NOTICE_SLUG, 0);
    const { line, notice } = await selectAndPublishPast(ctx, state, NOTICE_DAYS, true);
    // A visitor objects, today, to the last case on the list.
    const n = notice.entries.at(-1)!.n;
    const { reference } = await fileObjection(ctx.db, ctx.slug, { n, ...OBJECTION }, 'demo', 'zh-CN', ctx.clock(), ctx.baseUrl);
    return `${line}; objection ${reference} to no. ${n} filed today, open`;
  },
};
