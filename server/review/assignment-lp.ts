import type { Highs, Model } from 'highs';
import { pairCost, type IndexedProblem } from '../../core/review/assignment/problem.ts';

// The assignment as a linear program for HiGHS (decision 0017). Rows: one per case
// (Σx + shortfall = demand), one per reviewer (Σx − overload ≤ target), one per case and
// province with at least two eligible reviewers (Σx − extra ≤ 1). It is a min-cost flow, so
// a simplex vertex is integral and the LP optimum is the integer optimum. Columns are priced
// in: the model starts with a few cheap pairs per case and adds the pairs whose reduced cost
// is negative until none is left, which proves the restricted optimum optimal for all pairs.

/** Pairs each case starts with (besides the greedy's and the released ones). */
const INITIAL_PER_CASE = 24;
/** Pairs each case may gain per pricing round. */
const ADDED_PER_CASE = 6;
const REDUCED_COST_TOLERANCE = 1e-7;
const INTEGRALITY_TOLERANCE = 1e-6;

export type SolvePhase = 'building' | 'solving' | 'pricing' | 'done';

export interface SolveProgress {
  phase: SolvePhase;
  elapsedMs: number;
  round: number;
  columns: number;
  objective?: number;
}

export interface LpOutcome {
  /** Chosen eligible-pair slots. */
  slots: number[];
  optimal: boolean;
  /** Why the solve ended: proved optimal, out of time (best assignment so far), or a non-integral vertex. */
  stoppedBy: 'optimal' | 'time_limit' | 'fractional';
  rounds: number;
  rows: number;
  columns: number;
  /** WebAssembly memory HiGHS grew to. */
  wasmBytes: number;
}

interface SolveOptions {
  /** Milliseconds on the `now()` clock: progress counts from `startedAt`, solving stops at `deadlineAt`. */
  startedAt: number;
  deadlineAt: number;
  now(): number;
  onProgress(progress: SolveProgress): void;
  /** Feasible assignment to fall back on and to seed the first columns. */
  seed: readonly number[];
  /** Cheapest pairs each case starts with; fewer means more pricing rounds. */
  initialPerCase?: number;
}

/** The cheapest pairs of each case, ties spread over reviewers, plus the seed and the released pairs. */
function initialSlots(p: IndexedProblem, seed: readonly number[], perCase: number): number[] {
  const chosen = new Uint8Array(p.pairReviewer.length);
  for (const s of seed) chosen[s] = 1;
  const spreadKey = (s: number) => ((p.pairReviewer[s]! * 2654435761 + p.pairCase[s]! * 40503) >>> 0) / 2 ** 32;
  for (let c = 0; c < p.caseIds.length; c++) {
    const slots: number[] = [];
    for (let s = p.pairStart[c]!; s < p.pairStart[c + 1]!; s++) {
      if (p.pairKept[s]) chosen[s] = 1;
      else slots.push(s);
    }
    slots.sort((a, b) => pairCost(p, a) - pairCost(p, b) || spreadKey(a) - spreadKey(b));
    for (const s of slots.slice(0, perCase)) chosen[s] = 1;
  }
  const out: number[] = [];
  chosen.forEach((v, s) => v && out.push(s));
  return out;
}

const ones = (n: number) => new Float64Array(n).fill(1);

/**
 * The restricted model: case and reviewer rows from the start, pair columns as they are priced
 * in. A case×province row appears once a second pair of that case and province enters; until
 * then the pair's x ≤ 1 already says what the row would, and its dual is 0.
 */
class RestrictedModel {
  readonly model: Model;
  numRows: number;
  numCols: number;
  /** Each pair in the model: its slot and its column. */
  readonly pairSlots: number[] = [];
  readonly pairColumns: number[] = [];
  private readonly nProvinces: number;
  private readonly groupRow = new Map<number, number>();
  private readonly groupOnlyColumn = new Map<number, number>();

  constructor(
    private readonly highs: Highs,
    private readonly p: IndexedProblem,
  ) {
    const nCases = p.caseIds.length;
    const nReviewers = p.reviewerIds.length;
    this.nProvinces = p.provinces.length;
    this.numRows = nCases + nReviewers;
    this.numCols = nCases + nReviewers;
    const rowLower = new Float64Array(this.numRows).fill(-highs.infinity);
    const rowUpper = new Float64Array(this.numRows);
    const cost = new Float64Array(this.numCols);
    const upper = new Float64Array(this.numCols);
    const values = new Float64Array(this.numCols);
    for (let c = 0; c < nCases; c++) {
      rowLower[c] = rowUpper[c] = p.demand[c]!;
      [cost[c], upper[c], values[c]] = [p.shortfallPenalty, p.demand[c]!, 1];
    }
    for (let r = 0; r < nReviewers; r++) {
      rowUpper[nCases + r] = p.target[r]!;
      [cost[nCases + r], upper[nCases + r], values[nCases + r]] = [p.weights.overload, p.capacity[r]! - p.target[r]!, -1];
    }
    const diagonal = Int32Array.from({ length: this.numCols + 1 }, (_, j) => j);
    this.model = highs.createModel({
      numCols: this.numCols,
      numRows: this.numRows,
      colCost: cost,
      colLower: new Float64Array(this.numCols),
      colUpper: upper,
      rowLower,
      rowUpper,
      matrix: { format: 'csc', numRows: this.numRows, numCols: this.numCols, starts: diagonal, indices: diagonal.subarray(0, this.numCols), values },
    });
  }

  private group(slot: number): number {
    return this.p.pairCase[slot]! * this.nProvinces + this.p.reviewerProvince[this.p.pairReviewer[slot]!]!;
  }

  /** The dual of the slot's case×province row, 0 while that row does not exist. */
  provinceDual(slot: number, rowDual: Float64Array): number {
    const row = this.groupRow.get(this.group(slot));
    return row === undefined ? 0 : rowDual[row]!;
  }

  addPairs(slots: readonly number[]): void {
    const { p } = this;
    const nCases = p.caseIds.length;
    // New case×province rows, each with the one pair column already in its group, if any.
    const rowStarts = [0];
    const rowIndices: number[] = [];
    for (const s of slots) {
      const g = this.group(s);
      if (this.groupRow.has(g)) continue;
      if (!this.groupOnlyColumn.has(g)) {
        this.groupOnlyColumn.set(g, -1);
        continue;
      }
      const only = this.groupOnlyColumn.get(g)!;
      this.groupRow.set(g, this.numRows + rowStarts.length - 1);
      if (only >= 0) rowIndices.push(only);
      rowStarts.push(rowIndices.length);
    }
    const newRows = rowStarts.length - 1;
    if (newRows > 0) {
      this.model.addRows({
        lower: new Float64Array(newRows).fill(-this.highs.infinity),
        upper: ones(newRows),
        matrix: { format: 'csr', numRows: newRows, numCols: this.numCols, starts: Int32Array.from(rowStarts), indices: Int32Array.from(rowIndices), values: ones(rowIndices.length) },
      });
    }
    // Columns: an extra-reviewer column per new row, then the pairs.
    const starts: number[] = [];
    const indices: number[] = [];
    const values: number[] = [];
    const cost: number[] = [];
    const lower: number[] = [];
    const upper: number[] = [];
    for (let i = 0; i < newRows; i++) {
      starts.push(indices.length);
      indices.push(this.numRows + i);
      values.push(-1);
      cost.push(p.weights.sameProvince);
      lower.push(0);
      upper.push(this.highs.infinity);
    }
    this.numRows += newRows;
    for (const s of slots) {
      const g = this.group(s);
      const column = this.numCols + starts.length;
      if (this.groupOnlyColumn.get(g) === -1) this.groupOnlyColumn.set(g, column);
      starts.push(indices.length);
      indices.push(p.pairCase[s]!, nCases + p.pairReviewer[s]!);
      const row = this.groupRow.get(g);
      if (row !== undefined) indices.push(row);
      while (values.length < indices.length) values.push(1);
      cost.push(pairCost(p, s));
      lower.push(p.pairKept[s] ? 1 : 0);
      upper.push(1);
      this.pairSlots.push(s);
      this.pairColumns.push(column);
    }
    starts.push(indices.length);
    const count = starts.length - 1;
    this.model.addCols({
      cost: Float64Array.from(cost),
      lower: Float64Array.from(lower),
      upper: Float64Array.from(upper),
      matrix: { format: 'csc', numRows: this.numRows, numCols: count, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    });
    this.numCols += count;
  }
}

/** Negative reduced-cost pairs not yet in the model, the most negative few per case. */
function priceOut(p: IndexedProblem, restricted: RestrictedModel, rowDual: Float64Array, inModel: Uint8Array): number[] {
  const nCases = p.caseIds.length;
  const entering: number[] = [];
  for (let c = 0; c < nCases; c++) {
    const candidates: [number, number][] = [];
    for (let s = p.pairStart[c]!; s < p.pairStart[c + 1]!; s++) {
      if (inModel[s]) continue;
      const reduced = pairCost(p, s) - rowDual[c]! - rowDual[nCases + p.pairReviewer[s]!]! - restricted.provinceDual(s, rowDual);
      if (reduced < -REDUCED_COST_TOLERANCE) candidates.push([reduced, s]);
    }
    candidates.sort((a, b) => a[0] - b[0]);
    for (const [, s] of candidates.slice(0, ADDED_PER_CASE)) entering.push(s);
  }
  return entering;
}

/** The pairs at 1, or undefined when HiGHS returned a fractional point. */
function chosenSlots(restricted: RestrictedModel): number[] | undefined {
  const values = restricted.model.getSolution().colValue;
  const slots: number[] = [];
  for (let i = 0; i < restricted.pairSlots.length; i++) {
    const v = values[restricted.pairColumns[i]!]!;
    if (Math.abs(v - Math.round(v)) > INTEGRALITY_TOLERANCE) return undefined;
    if (v > 0.5) slots.push(restricted.pairSlots[i]!);
  }
  return slots;
}

/** Solves to proved optimality, or returns the best assignment found when time runs out. */
export function solveAssignmentLp(highs: Highs, p: IndexedProblem, options: SolveOptions): LpOutcome {
  const elapsed = () => options.now() - options.startedAt;
  let round = 0;
  const restricted = new RestrictedModel(highs, p);
  const report = (phase: SolvePhase, objective?: number) =>
    options.onProgress({ phase, elapsedMs: Math.round(elapsed()), round, columns: restricted.numCols, ...(objective === undefined ? {} : { objective }) });
  let best = [...options.seed];
  const outcome = (stoppedBy: LpOutcome['stoppedBy']): LpOutcome => ({
    slots: best,
    optimal: stoppedBy === 'optimal',
    stoppedBy,
    rounds: round,
    rows: restricted.numRows,
    columns: restricted.numCols,
    wasmBytes: highs.memoryBytes,
  });
  const { model } = restricted;
  try {
    const inModel = new Uint8Array(p.pairReviewer.length);
    let entering = initialSlots(p, options.seed, options.initialPerCase ?? INITIAL_PER_CASE);
    model.options.set({ output_flag: false, solver: 'simplex' });
    for (;;) {
      restricted.addPairs(entering);
      for (const s of entering) inModel[s] = 1;
      round += 1;
      const remaining = (options.deadlineAt - options.now()) / 1000;
      if (remaining <= 0) return outcome('time_limit');
      report('solving');
      model.zeroAllClocks();
      model.options.set('time_limit', remaining);
      const { modelStatus } = model.run();
      // Shortfall columns make every model feasible and costs are bounded below, so HiGHS stops
      // short of optimal only on the clock; anything else is a solver failure.
      if (modelStatus === highs.constants.modelStatus.timeLimit) return outcome('time_limit');
      if (modelStatus !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS ended with model status ${modelStatus}`);
      const slots = chosenSlots(restricted);
      if (!slots) return outcome('fractional');
      best = slots;
      report('pricing', model.getObjectiveValue());
      entering = priceOut(p, restricted, model.getSolution().rowDual, inModel);
      if (entering.length === 0) return outcome('optimal');
      // New columns keep the last basis primal feasible: primal simplex from it, without
      // presolve (which would discard the basis), is the warm start.
      model.options.set({ presolve: 'off', simplex_strategy: 4 });
    }
  } finally {
    model.dispose();
    report('done');
  }
}
