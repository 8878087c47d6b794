import { runDueJobs } from '../../jobs/jobs.service.ts';
import { screeningQueue } from '../../modules/screening/screening.service.ts';
import { similarityJobHandlers } from '../../modules/similarity/similarity.jobs.ts';
import { contextAt } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';

// The near-duplicate check, as the app's job worker runs it: each submission enqueued a check of
// its case; here the due checks run (and those they enqueue) before the app starts, so the
// campaign in screening's queue shows its flags at once. Seeding stops if the planted pair in it
// is not flagged.

export const nearDuplicatesStep: DemoStep = {
  name: 'similarity check',
  async run(baseCtx, state) {
    const ctx = contextAt(baseCtx, baseCtx.screeningSlug, 0);
    const handlers = similarityJobHandlers(ctx.db);
    let jobs = 0;
    let summary;
    do {
      summary = await runDueJobs({ db: ctx.db, engine: ctx.engine, handlers, clock: ctx.clock, workerId: 'zhengji-demo-seed', limit: 500 });
      if (summary.failed + summary.retried + summary.lost > 0) throw new Error(`similarity check: ${JSON.stringify(summary)}`);
      jobs += summary.ran;
    } while (summary.ran > 0);
    const { data, total } = await screeningQueue(ctx.db, state.organizer!, ctx.slug, { flags: ['similar'], pageSize: 100 }, ctx.storage.has, ctx.clock());
    const pair = state.screening.nearDuplicate;
    if (pair && ![pair.original, pair.copy].every((c) => data.some((row) => row.caseId === c.id))) {
      throw new Error(`similarity check: the planted pair of ${ctx.slug} is not flagged in its screening queue`);
    }
    return `${jobs} check jobs run; ${total} cases of ${ctx.slug} flagged as near-duplicates`;
  },
};
