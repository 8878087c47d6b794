import { performance } from 'node:perf_hooks';
import { workerData } from 'node:worker_threads';
import loadHighs from 'highs';
import { diagnose } from '../../core/review/assignment/diagnosis.ts';
import { greedyAssignment } from '../../core/review/assignment/greedy.ts';
import { indexProblem } from '../../core/review/assignment/problem.ts';
import { scoreAssignment, slotsToPairs } from '../../core/review/assignment/score.ts';
import { solveAssignmentLp, type SolveProgress } from './assignment-lp.ts';
import type { AssignmentSolution, WorkerInput } from './assignment-solver.ts';
import { answerFromWorker, type WorkerMessage } from './run-in-worker.ts';

// Runs in a worker thread (run-in-worker.ts).

const startedAt = performance.now();
const { problem, timeLimitSeconds } = workerData as WorkerInput;
async function solve(post: (message: WorkerMessage<AssignmentSolution, SolveProgress>) => void): Promise<AssignmentSolution> {
  const onProgress = (progress: SolveProgress) => post({ type: 'progress', progress });
  onProgress({ phase: 'building', elapsedMs: 0, round: 0, columns: 0 });
  const indexed = indexProblem(problem);
  const greedy = greedyAssignment(indexed);
  const highs = await loadHighs();
  const lp = solveAssignmentLp(highs, indexed, {
    startedAt,
    deadlineAt: startedAt + timeLimitSeconds * 1000,
    now: () => performance.now(),
    onProgress,
    seed: greedy,
  });
  return {
    pairs: slotsToPairs(indexed, lp.slots),
    optimal: lp.optimal,
    stoppedBy: lp.stoppedBy,
    figures: scoreAssignment(indexed, lp.slots),
    greedy: scoreAssignment(indexed, greedy),
    diagnosis: diagnose(indexed),
    droppedKept: [...indexed.droppedKept],
    seconds: (performance.now() - startedAt) / 1000,
    model: { eligiblePairs: indexed.pairReviewer.length, rows: lp.rows, columns: lp.columns, rounds: lp.rounds, wasmBytes: lp.wasmBytes },
  };
}

answerFromWorker(solve);
