import type { Diagnosis } from '../../core/review/assignment/diagnosis.ts';
import type { AssignmentPair, AssignmentProblem } from '../../core/review/assignment/problem.ts';
import type { AssignmentFigures } from '../../core/review/assignment/score.ts';
import type { LpOutcome, SolveProgress } from './assignment-lp.ts';
import { runInWorker } from './run-in-worker.ts';

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

export interface SolveAssignmentOptions {
  /** HiGHS stops here and the best assignment found so far comes back, marked not optimal. */
  timeLimitSeconds: number;
  /** Extra time for starting the worker and reading the problem before the solve is abandoned. */
  graceSeconds?: number;
  onProgress?(progress: SolveProgress): void;
}

const DEFAULT_GRACE_SECONDS = 20;

/**
 * Solves an assignment in a worker thread. Resolves with a feasible assignment (optimal or the
 * best one found in time); rejects with AppError('timed_out') if the worker does not answer
 * within the time limit plus grace, and the worker is then stopped.
 */
export function solveAssignment(problem: AssignmentProblem, options: SolveAssignmentOptions): Promise<AssignmentSolution> {
  const input: WorkerInput = { problem, timeLimitSeconds: options.timeLimitSeconds };
  const waitSeconds = options.timeLimitSeconds + (options.graceSeconds ?? DEFAULT_GRACE_SECONDS);
  return runInWorker<WorkerInput, AssignmentSolution, SolveProgress>(new URL('./assignment-worker.ts', import.meta.url), input, waitSeconds, options.onProgress);
}
