import { parentPort, workerData } from 'node:worker_threads';
import loadHighs from 'highs';
import { suggestSelection } from './selection-lp.ts';
import type { SelectionWorkerInput, SelectionWorkerMessage } from './selection-solver.ts';

// Runs in a worker thread: HiGHS blocks the thread it runs on for the whole solve.

const { candidates, quotas } = workerData as SelectionWorkerInput;
const post = (message: SelectionWorkerMessage) => parentPort!.postMessage(message);

loadHighs().then((highs) => suggestSelection(highs, candidates, quotas)).then(
  (outcome) => post({ type: 'result', outcome }),
  (error: unknown) => post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
