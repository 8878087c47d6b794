import { Worker } from 'node:worker_threads';
import type { SelectionCandidate, SelectionQuotas } from '../../core/review/selection.ts';
import { AppError } from '../errors.ts';
import type { SuggestionOutcome } from './selection-lp.ts';

export interface SelectionWorkerInput {
  candidates: SelectionCandidate[];
  quotas: SelectionQuotas;
}

export type SelectionWorkerMessage = { type: 'result'; outcome: SuggestionOutcome } | { type: 'error'; message: string };

/** 3,000 candidates with tight caps take a few seconds (decision 0029); far more means a stuck worker. */
const WAIT_SECONDS = 120;
// As the assignment's worker: TypeScript, registering tsx in its own thread first.
const WORKER_URL = new URL('./selection-worker.ts', import.meta.url).href;
const WORKER_BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

/**
 * The suggested selection (suggestSelection) solved in a worker thread, so the server keeps
 * answering; rejects with AppError('timed_out') if the worker does not answer in time.
 */
export function solveSelection(candidates: SelectionCandidate[], quotas: SelectionQuotas, waitSeconds = WAIT_SECONDS): Promise<SuggestionOutcome> {
  const input: SelectionWorkerInput = { candidates, quotas };
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: input });
  return new Promise<SuggestionOutcome>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      clearTimeout(watchdog);
      worker.removeAllListeners();
      void worker.terminate();
      outcome();
    };
    const watchdog = setTimeout(() => finish(() => reject(new AppError('timed_out', { seconds: waitSeconds }))), waitSeconds * 1000);
    worker.on('message', (message: SelectionWorkerMessage) => {
      if (message.type === 'result') finish(() => resolve(message.outcome));
      else finish(() => reject(new Error(`selection worker failed: ${message.message}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`selection worker exited with code ${code} before answering`))));
  });
}
