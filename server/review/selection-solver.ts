import type { SelectionCandidate, SelectionQuotas } from '../../core/review/selection.ts';
import type { SuggestionOutcome } from './selection-lp.ts';
import { runInWorker } from './run-in-worker.ts';

export interface SelectionWorkerInput {
  candidates: SelectionCandidate[];
  quotas: SelectionQuotas;
}

/** 3,000 candidates with tight caps take a few seconds (decision 0029); far more means a stuck worker. */
const WAIT_SECONDS = 120;

/**
 * The suggested selection (suggestSelection) solved in a worker thread, so the server keeps
 * answering; rejects with AppError('timed_out') if the worker does not answer in time.
 */
export function solveSelection(candidates: SelectionCandidate[], quotas: SelectionQuotas, waitSeconds = WAIT_SECONDS): Promise<SuggestionOutcome> {
  return runInWorker<SelectionWorkerInput, SuggestionOutcome>(new URL('./selection-worker.ts', import.meta.url), { candidates, quotas }, waitSeconds);
}
