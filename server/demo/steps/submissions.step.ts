import { inTransaction } from '../../db/transaction.ts';
import { storedWhenFinished, submitCase } from '../../modules/cases/submission.service.ts';
import { eachLimited, type DemoContext } from '../demo-context.ts';
import type { DemoCase, DemoStep } from '../demo-state.ts';

// Nineteen cases in twenty are submitted, each with its receipt; the rest stay drafts.

export const isSubmitted = (index: number) => index % 20 !== 19;

/** Submits each case as its operator does, keeping its receipt number. */
export async function submitCases(ctx: DemoContext, cases: readonly DemoCase[]): Promise<void> {
  await eachLimited(cases, 4, async (c) => {
    const receipt = await inTransaction(ctx.db, (trx) => submitCase(trx, c.unit.operator, c.id, crypto.randomUUID(), ctx.clock(), { readable: storedWhenFinished, baseUrl: ctx.baseUrl }));
    c.receiptNumber = receipt.receiptNumber;
  });
}

export const submissionsStep: DemoStep = {
  name: 'submissions',
  async run(ctx, state) {
    const submitting = state.cases.filter((c) => isSubmitted(c.unit.index));
    await submitCases(ctx, submitting);
    return `${submitting.length} submitted with receipts, ${state.cases.length - submitting.length} left as drafts`;
  },
};
