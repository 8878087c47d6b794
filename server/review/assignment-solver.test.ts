import { describe, expect, it } from 'vitest';
import type { AssignmentPair, AssignmentProblem } from '../../core/review/assignment/problem.ts';
import { aCase, aProblem, aReviewer } from '../../core/review/assignment/testing/builders.ts';
import { randomProblem } from '../../core/review/assignment/testing/random-problem.ts';
import { AppError } from '../errors.ts';
import { solveAssignment, type SolveProgress } from './assignment-solver.ts';

const key = (x: AssignmentPair) => `${x.caseId}|${x.reviewerId}`;

function loads(pairs: readonly AssignmentPair[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const x of pairs) load.set(x.reviewerId, (load.get(x.reviewerId) ?? 0) + 1);
  return load;
}

describe('solveAssignment (in a worker thread)', () => {
  it('assigns every case k qualified reviewers, never a conflict, within capacity, reporting its progress', async () => {
    const problem = randomProblem(11, { cases: 300, reviewers: 40, capacity: [20, 40] });
    const progress: SolveProgress[] = [];
    const solution = await solveAssignment(problem, { timeLimitSeconds: 30, onProgress: (p) => progress.push(p) });

    expect(solution.optimal).toBe(true);
    expect(solution.figures.coverage).toBe(1);
    expect(solution.pairs).toHaveLength(900);
    const conflicts = new Set(problem.conflicts.map(key));
    expect(solution.pairs.filter((x) => conflicts.has(key(x)))).toEqual([]);
    const capacity = new Map(problem.reviewers.map((r) => [r.id, r.capacity]));
    expect([...loads(solution.pairs)].filter(([id, n]) => n > capacity.get(id)!)).toEqual([]);
    const category = new Map(problem.cases.map((c) => [c.id, c.category]));
    const qualified = new Map(problem.reviewers.map((r) => [r.id, r.categories]));
    expect(solution.pairs.filter((x) => !qualified.get(x.reviewerId)!.includes(category.get(x.caseId)!))).toEqual([]);
    expect(new Set(solution.pairs.map(key)).size).toBe(900);
    expect(solution.figures.objective.total).toBeLessThanOrEqual(solution.greedy.objective.total);

    const phases = progress.map((p) => p.phase);
    expect(phases[0]).toBe('building');
    expect(phases).toContain('solving');
    expect(phases.at(-1)).toBe('done');
    expect(progress.every((p, i) => i === 0 || p.elapsedMs >= progress[i - 1]!.elapsedMs)).toBe(true);
  });

  it('keeps released assignments when run again after reviewers, cases and conflicts changed', async () => {
    const problem = randomProblem(12, { cases: 120, reviewers: 20, capacity: [20, 30] });
    const first = await solveAssignment(problem, { timeLimitSeconds: 30 });
    const released = first.pairs.filter((_, i) => i % 4 === 0);
    const releasedReviewers = new Set(released.map((x) => x.reviewerId));
    const releasedCases = new Set(released.map((x) => x.caseId));
    const changed: AssignmentProblem = {
      ...problem,
      kept: released,
      // A reviewer leaves, one joins, capacities shrink, new cases arrive, and a new conflict
      // strikes a pair that was proposed but not released.
      reviewers: [
        ...problem.reviewers.filter((r) => releasedReviewers.has(r.id)).map((r) => ({ ...r, capacity: r.capacity - 5 })),
        aReviewer('newcomer', { categories: ['g0', 'g1', 'g2', 'g3', 'g4', 'g5'], capacity: 40 }),
      ],
      cases: [...problem.cases, aCase('late-1', { category: 'g0' }), aCase('late-2', { category: 'g3' })],
      conflicts: [
        ...problem.conflicts.filter((x) => releasedReviewers.has(x.reviewerId)),
        ...first.pairs.filter((x, i) => i % 4 === 1 && releasedReviewers.has(x.reviewerId) && !releasedCases.has(x.caseId)).slice(0, 10),
      ],
    };
    const second = await solveAssignment(changed, { timeLimitSeconds: 30 });

    const now = new Set(second.pairs.map(key));
    expect(released.filter((x) => !now.has(key(x)))).toEqual([]);
    expect(second.optimal).toBe(true);
    expect(second.figures.coverage).toBe(1);
    expect(second.droppedKept).toEqual([]);
  });

  it('says which categories lack reviewers and by how many, and assigns what can be assigned', async () => {
    const problem = aProblem({
      cases: [aCase('c1'), aCase('c2'), aCase('c3', { category: 'rural' })],
      reviewers: [aReviewer('r1'), aReviewer('r2'), aReviewer('r3', { capacity: 1 }), aReviewer('r4', { categories: ['rural'] })],
    });
    const solution = await solveAssignment(problem, { timeLimitSeconds: 30 });
    expect(solution.diagnosis.categories).toEqual([
      { category: 'urban', demand: 6, supply: 5, shortfall: 1 },
      { category: 'rural', demand: 3, supply: 1, shortfall: 2 },
    ]);
    expect(solution.diagnosis.missingAtLeast).toBe(3);
    expect(solution.figures.reviewsMissing).toBe(3);
    expect(solution.pairs).toHaveLength(6);
    expect(solution.optimal).toBe(true);
  });

  it('returns the best feasible assignment found, marked not optimal, when the time limit strikes', async () => {
    const problem = randomProblem(13, { cases: 400, reviewers: 40, capacity: [30, 50] });
    const solution = await solveAssignment(problem, { timeLimitSeconds: 0.001 });
    expect(solution.optimal).toBe(false);
    expect(solution.stoppedBy).toBe('time_limit');
    expect(solution.figures).toEqual(solution.greedy);
    const conflicts = new Set(problem.conflicts.map(key));
    expect(solution.pairs.filter((x) => conflicts.has(key(x)))).toEqual([]);
  });

  it('gives up with a timeout error, and stops the worker, when the worker does not answer in time', async () => {
    const problem = randomProblem(14, { cases: 400, reviewers: 40 });
    const failure = await solveAssignment(problem, { timeLimitSeconds: 0.001, graceSeconds: 0 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'timed_out', params: { seconds: 0.001 } });
  });
});
