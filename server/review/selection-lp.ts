import type { Highs } from 'highs';
import { preferSmallerIds, keptCandidates, type TierOf } from '../../core/review/selection-ties.ts';
import {
  byPlaceThenId, listQuotas, quotaCounts, quotaProblems, SELECTION_TIERS,
  type Quota, type QuotaProblem, type SelectionCandidate, type SelectionEntry, type SelectionQuotas, type SelectionTier,
} from '../../core/review/selection.ts';

// The selection as an integer program for HiGHS (decision 0029). Columns: b_i and e_i, binary,
// case i selected best or excellent. Rows: b_i + e_i ≤ 1, one per quota (tier places, category
// bounds and province caps over b + e), and one holding the best tier's optimum. Two solves:
// maximize the best tier's score Σ s·b; then, keeping it, the excellent tier's Σ s·e. When the
// places cannot all be filled, a first solve finds how many can, best places first.

/** Objectives closer than this share of their size count as equal. */
const RELATIVE_TOLERANCE = 1e-9;

export interface TierTotals {
  best: number;
  excellent: number;
}

export interface SelectionChange {
  caseId: string;
  from: SelectionTier | null;
  to: SelectionTier | null;
}

/** A quota that holds the suggestion back: what solving without it gains, and which cases move. */
export interface BindingQuota {
  quota: Quota;
  /**
   * What each tier's score would gain without the quota; `total` is their sum and may be below
   * zero; `places` the places it would fill that stay empty with it.
   */
  givenUp: TierTotals & { total: number; places: number };
  changes: SelectionChange[];
}

export interface SelectionSuggestion {
  /** Best first, each tier by score, then by id. */
  entries: SelectionEntry[];
  /** Places filled per tier: fewer than the quota when the candidates or the caps allow no more. */
  filled: TierTotals;
  /** Sum of the selected scores per tier. */
  scores: TierTotals;
  binding: BindingQuota[];
}

export type SuggestionProblem = QuotaProblem | { code: 'quotas_infeasible' };

export type SuggestionOutcome = { ok: true; suggestion: SelectionSuggestion } | { ok: false; problems: SuggestionProblem[] };

interface Optimum {
  tiers: TierOf;
  scores: TierTotals;
}

/**
 * The selection that fills the most places and, in this order, scores highest in the best tier
 * and then in the excellent tier, under every quota; with what each binding quota costs. The same
 * candidates and quotas give the same answer: ties go to the better ranking place, then the smaller id. Unusable quotas are
 * refused with their problems, quotas no selection can meet with `quotas_infeasible`.
 */
export function suggestSelection(highs: Highs, candidates: readonly SelectionCandidate[], quotas: SelectionQuotas): SuggestionOutcome {
  const problems = quotaProblems(quotas, candidates);
  if (problems.length > 0) return { ok: false, problems };
  if (candidates.length === 0) return { ok: true, suggestion: { entries: [], filled: { best: 0, excellent: 0 }, scores: { best: 0, excellent: 0 }, binding: [] } };
  const sorted = [...candidates].sort(byPlaceThenId);
  const all = listQuotas(quotas, sorted);
  const optimum = solveOptimum(highs, sorted, all);
  if (!optimum) return { ok: false, problems: [{ code: 'quotas_infeasible' }] };
  const binding: BindingQuota[] = [];
  all.forEach((quota, q) => {
    if (quota.kind === 'tier_places' || countOf(sorted, optimum.tiers, quota) !== quota.limit) return;
    const freed = solveOptimum(highs, sorted, all.filter((_, k) => k !== q), optimum.tiers)!;
    if (!reachesMore(freed, optimum)) return;
    const gain = { best: freed.scores.best - optimum.scores.best, excellent: freed.scores.excellent - optimum.scores.excellent };
    const places = freed.tiers.size - optimum.tiers.size;
    binding.push({ quota, givenUp: { ...gain, total: gain.best + gain.excellent, places }, changes: changesBetween(sorted, optimum.tiers, freed.tiers) });
  });
  return { ok: true, suggestion: { entries: entriesOf(sorted, optimum.tiers), filled: filledOf(optimum.tiers), scores: optimum.scores, binding } };
}

/**
 * The optimum under `quotas`, whose first two are the tiers' places; undefined when no selection
 * meets them. `start` is a selection known to meet them, to start the search from.
 */
function solveOptimum(highs: Highs, candidates: readonly SelectionCandidate[], quotas: readonly Quota[], start?: TierOf): Optimum | undefined {
  const kept = keptCandidates(candidates, quotas);
  const program = buildProgram(highs, kept.map((i) => candidates[i]!), quotas);
  const { model } = program;
  const n = kept.length;
  const inf = highs.infinity;
  const maximize = (cost: (c: SelectionCandidate, tier: SelectionTier) => number): number | undefined => {
    const costs = new Float64Array(2 * n);
    kept.forEach((i, k) => [costs[k], costs[n + k]] = [cost(candidates[i]!, 'best'), cost(candidates[i]!, 'excellent')]);
    model.changeColsCost({ kind: 'range', from: 0, to: 2 * n - 1 }, costs);
    const { modelStatus } = model.run();
    const status = highs.constants.modelStatus;
    if (modelStatus === status.infeasible) return undefined;
    if (modelStatus !== status.optimal) throw new Error(`HiGHS ended the selection with model status ${modelStatus}`);
    return model.getObjectiveValue();
  };
  const chosen = (): TierOf => {
    const values = model.getSolution().colValue;
    const tiers: TierOf = new Map();
    kept.forEach((i, k) => {
      if (values[k]! > 0.5) tiers.set(i, 'best');
      else if (values[n + k]! > 0.5) tiers.set(i, 'excellent');
    });
    return tiers;
  };
  const startFrom = (tiers: TierOf) => {
    const values = new Float64Array(2 * n);
    kept.forEach((i, k) => { if (tiers.has(i)) values[tiers.get(i) === 'best' ? k : n + k] = 1; });
    model.setSolution({ colValue: values });
  };
  try {
    if (start && [...start.keys()].every((i) => kept.includes(i))) startFrom(start);
    const bestScore = (c: SelectionCandidate, tier: SelectionTier) => (tier === 'best' ? c.score : 0);
    let best = maximize(bestScore);
    if (best === undefined) {
      // Not every place can be filled: fill the most, best places first.
      SELECTION_TIERS.forEach((_, q) => model.changeRowBounds(n + q, 0, quotas[q]!.limit));
      if (maximize((_, tier) => (tier === 'best' ? n + 1 : 1)) === undefined) return undefined;
      const filled = filledOf(chosen());
      SELECTION_TIERS.forEach((tier, q) => model.changeRowBounds(n + q, filled[tier], filled[tier]));
      best = maximize(bestScore)!;
    }
    // The best tier's optimum is a feasible start for the excellent tier's solve.
    const bestTier = chosen();
    model.changeRowBounds(program.heldRow, best - RELATIVE_TOLERANCE * Math.max(1, Math.abs(best)), inf);
    startFrom(bestTier);
    maximize((c, tier) => (tier === 'excellent' ? c.score : 0));
    const tiers = preferSmallerIds(candidates, quotas, chosen());
    return { tiers, scores: scoresOf(candidates, tiers) };
  } finally {
    model.dispose();
  }
}

/** The model over `candidates`, tier places as equalities; its held row open until set. */
function buildProgram(highs: Highs, candidates: readonly SelectionCandidate[], quotas: readonly Quota[]) {
  const n = candidates.length;
  const inf = highs.infinity;
  const heldRow = n + quotas.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const tier of SELECTION_TIERS) {
    candidates.forEach((candidate, i) => {
      indices.push(i);
      values.push(1);
      quotas.forEach((quota, q) => {
        if (quotaCounts(quota, candidate, tier)) [indices[indices.length], values[values.length]] = [n + q, 1];
      });
      if (tier === 'best') [indices[indices.length], values[values.length]] = [heldRow, candidate.score];
      starts.push(indices.length);
    });
  }
  const bounds = quotas.map((quota) =>
    quota.kind === 'tier_places' ? [quota.limit, quota.limit] : quota.kind === 'category_min' ? [quota.limit, inf] : [-inf, quota.limit]);
  const numRows = heldRow + 1;
  const model = highs.createModel({
    numCols: 2 * n,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(2 * n),
    colLower: new Float64Array(2 * n),
    colUpper: new Float64Array(2 * n).fill(1),
    rowLower: Float64Array.from([...Array<number>(n).fill(-inf), ...bounds.map(([lower]) => lower!), -inf]),
    rowUpper: Float64Array.from([...Array<number>(n).fill(1), ...bounds.map(([, upper]) => upper!), inf]),
    matrix: { format: 'csc', numRows, numCols: 2 * n, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: new Int32Array(2 * n).fill(highs.constants.variableType.integer),
  });
  // Exact optimality: a gap would let ties and near-ties fall wherever the search stopped.
  model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, presolve: 'off', mip_detect_symmetry: false });
  return { model, heldRow };
}

/** Whether `freed` is ahead of `held` in the order the solve follows: places, then the best tier's score, then the excellent tier's. */
function reachesMore(freed: Optimum, held: Optimum): boolean {
  const [a, b] = [filledOf(freed.tiers), filledOf(held.tiers)];
  if (a.best !== b.best || a.excellent !== b.excellent) return a.best > b.best || (a.best === b.best && a.excellent > b.excellent);
  const noise = (value: number) => RELATIVE_TOLERANCE * Math.max(1, Math.abs(value));
  const gain = { best: freed.scores.best - held.scores.best, excellent: freed.scores.excellent - held.scores.excellent };
  if (gain.best > noise(freed.scores.best)) return true;
  return Math.abs(gain.best) <= noise(freed.scores.best) && gain.excellent > noise(freed.scores.excellent);
}

function countOf(candidates: readonly SelectionCandidate[], tiers: TierOf, quota: Quota): number {
  return [...tiers].filter(([i, tier]) => quotaCounts(quota, candidates[i]!, tier)).length;
}

function scoresOf(candidates: readonly SelectionCandidate[], tiers: TierOf): TierTotals {
  const scores = { best: 0, excellent: 0 };
  for (const [i, tier] of tiers) scores[tier] += candidates[i]!.score;
  return scores;
}

function filledOf(tiers: TierOf): TierTotals {
  const filled = { best: 0, excellent: 0 };
  for (const tier of tiers.values()) filled[tier] += 1;
  return filled;
}

function entriesOf(candidates: readonly SelectionCandidate[], tiers: TierOf): SelectionEntry[] {
  return [...tiers]
    .sort(([a, ta], [b, tb]) => SELECTION_TIERS.indexOf(ta) - SELECTION_TIERS.indexOf(tb) || candidates[b]!.score - candidates[a]!.score || a - b)
    .map(([i, tier]) => ({ caseId: candidates[i]!.id, tier }));
}

function changesBetween(candidates: readonly SelectionCandidate[], before: TierOf, after: TierOf): SelectionChange[] {
  const changes: SelectionChange[] = [];
  candidates.forEach((c, i) => {
    const from = before.get(i) ?? null;
    const to = after.get(i) ?? null;
    if (from !== to) changes.push({ caseId: c.id, from, to });
  });
  return changes;
}
