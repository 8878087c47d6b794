import { Worker } from 'node:worker_threads';
import type { Diagnosis } from '../../core/review/assignment/diagnosis.ts';
import type { AssignmentPair, AssignmentProblem } from '../../core/review/assignment/problem.ts';
import type { AssignmentFigures } from '../../core/review/assignment/score.ts';
import { AppError } from '../errors.ts';
import type { LpOutcome, SolveProgress } from './assignment-lp.ts';

export type { SolveProgress } from './assignment-lp.ts';

export interface AssignmentSolution {
  pairs: AssignmentPair[];
  /** HiGHS proved no assignment of all eligible pairs does better under the objective. */
  optimal: boolean;
  stoppedBy: LpOutcome['stoppedBy'];
  figures: AssignmentFigures;
  /** The plain greedy's figures on the same problem, for comparison. */
  greedy: AssignmentFigures;
  diagnosis: Diagnosis;
  droppedKept: AssignmentPair[];
  seconds: number;
  model: { eligiblePairs: number; rows: number; columns: number; rounds: number; wasmBytes: number };
}

export interface WorkerInput {
  problem: AssignmentProblem;
  timeLimitSeconds: number;
}

export type WorkerMessage =
  | { type: 'progress'; progress: SolveProgress }
  | { type: 'result'; solution: AssignmentSolution }
  | { type: 'error'; message: string };

export interface SolveAssignmentOptions {
  /** HiGHS stops here and the best assignment found so far comes back, marked not optimal. */
  timeLimitSeconds: number;
  /** Extra time for starting the worker and reading the problem before the solve is abandoned. */
  graceSeconds?: number;
  onProgress?(progress: SolveProgress): void;
}

const DEFAULT_GRACE_SECONDS = 20;
// The worker is TypeScript like the rest of the server: it registers tsx in its own thread
// first, since Node 20 does not hand the parent's loader (or `--import` in execArgv) to workers.
const WORKER_URL = new URL('./assignment-worker.ts', import.meta.url).href;
const WORKER_BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

/**
 * Solves an assignment in a worker thread. Resolves with a feasible assignment (optimal or the
 * best one found in time); rejects with AppError('timed_out') if the worker does not answer
 * within the time limit plus grace, and the worker is then stopped.
 */
export function solveAssignment(problem: AssignmentProblem, options: SolveAssignmentOptions): Promise<AssignmentSolution> {
  const input: WorkerInput = { problem, timeLimitSeconds: options.timeLimitSeconds };
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: input });
  const waitSeconds = options.timeLimitSeconds + (options.graceSeconds ?? DEFAULT_GRACE_SECONDS);
  return new Promise<AssignmentSolution>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      clearTimeout(watchdog);
      worker.removeAllListeners();
      void worker.terminate();
      outcome();
    };
    const watchdog = setTimeout(() => finish(() => reject(new AppError('timed_out', { seconds: waitSeconds }))), waitSeconds * 1000);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.solution));
      else finish(() => reject(new Error(`assignment worker failed: ${message.message}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`assignment worker exited with code ${code} before answering`))));
  });
}
