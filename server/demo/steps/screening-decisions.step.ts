import { inTransaction } from '../../db/transaction.ts';
import { moveCampaignPhase } from '../../modules/campaigns/campaign-phase.service.ts';
import { contextAt } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';
import { REJECTED, screener } from './review-screening.step.ts';

// The campaign in screening, begun: today the organizer moves it to screening, rejects one case
// with the reason its unit is mailed and passes every fourth of the others, leaving the rest (the
// planted near-duplicate pair among them) pending for the visitor to screen.

/** The unit whose case is rejected: its practices predate the campaign's period. */
export const SCREENING_REJECTED_UNIT = 5;

export const screeningDecisionsStep: DemoStep = {
  name: 'screening decisions',
  async run(baseCtx, state) {
    const ctx = contextAt(baseCtx, baseCtx.screeningSlug, 0);
    const screening = state.screening;
    await inTransaction(ctx.db, (trx) => moveCampaignPhase(trx, state.organizer!, ctx.slug, { to: 'screening', reason: null }, ctx.clock()));
    const decide = await screener(ctx, state);
    const rejected = screening.cases.find((c) => c.unit.index === SCREENING_REJECTED_UNIT);
    if (rejected) {
      await decide('reject', [rejected], REJECTED.get(SCREENING_REJECTED_UNIT)!);
      screening.rejected = [rejected];
    }
    const pair = new Set([screening.nearDuplicate?.original, screening.nearDuplicate?.copy]);
    screening.passed = screening.cases.filter((c) => c !== rejected && !pair.has(c)).filter((_, i) => i % 4 === 0);
    await decide('pass', screening.passed, null);
    const pending = screening.cases.length - screening.passed.length - screening.rejected.length;
    return `moved to screening; ${screening.passed.length} passed, ${screening.rejected.length} rejected, ${pending} pending`;
  },
};
