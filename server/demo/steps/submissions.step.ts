import { statSync } from 'node:fs';
import { inTransaction } from '../../db/transaction.ts';
import { submitCase, type AttachmentCheck } from '../../modules/cases/submission.service.ts';
import { blobPath } from '../../storage/blob-store.ts';
import { eachLimited, type DemoContext } from '../demo-context.ts';
import type { DemoCase, DemoStep } from '../demo-state.ts';

// Nineteen cases in twenty are submitted, each with its receipt; the rest stay drafts.

export const isSubmitted = (index: number) => index % 20 !== 19;

/** Submits each case as its operator does, keeping its receipt number. */
export async function submitCases(ctx: DemoContext, cases: readonly DemoCase[]): Promise<void> {
  // As the submit route checks them: the blob on disk at its recorded size.
  const readable: AttachmentCheck = async ({ sha256, size }) => {
    try {
      return statSync(blobPath(ctx.dataDir, sha256)).size === Number(size);
    } catch {
      return false;
    }
  };
  await eachLimited(cases, 4, async (c) => {
    const { receipt } = await inTransaction(ctx.db, (trx) => submitCase(trx, c.unit.operator, c.id, crypto.randomUUID(), ctx.clock(), { readable, baseUrl: ctx.baseUrl }));
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
