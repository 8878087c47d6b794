import { workerData } from 'node:worker_threads';
import loadHighs from 'highs';
import { answerFromWorker } from './run-in-worker.ts';
import { suggestSelection } from './selection-lp.ts';
import type { SelectionWorkerInput } from './selection-solver.ts';

// Runs in a worker thread (run-in-worker.ts).

const { candidates, quotas } = workerData as SelectionWorkerInput;

answerFromWorker(async () => suggestSelection(await loadHighs(), candidates, quotas));
