// The score distribution per category: how many cases' scores fall in each band of the 0–100
// scale. Bands are half-open [from, to) except the last, which takes 100 too.

export const SCORE_BAND_WIDTH = 10;

export interface ScoreBand {
  from: number;
  to: number;
  /** Cases per category key, in the order of the categories given. */
  counts: number[];
}

/** Bands from the lowest one holding a score up to 100 (all ten when nothing is scored yet); cases with no score are left out. */
export function scoreHistogram(categories: readonly string[], scores: readonly { category: string; score: number | null }[], width = SCORE_BAND_WIDTH): ScoreBand[] {
  const top = Math.ceil(100 / width);
  const bandOf = (s: number) => Math.min(top - 1, Math.max(0, Math.floor(s / width)));
  const scored = scores.filter((s): s is { category: string; score: number } => s.score !== null);
  const lowest = scored.length === 0 ? 0 : Math.min(...scored.map((s) => bandOf(s.score)));
  const bands: ScoreBand[] = [];
  for (let b = lowest; b < top; b++) bands.push({ from: b * width, to: Math.min(100, (b + 1) * width), counts: categories.map(() => 0) });
  const column = new Map(categories.map((c, i) => [c, i]));
  for (const s of scored) {
    const i = column.get(s.category);
    if (i !== undefined) bands[bandOf(s.score) - lowest]!.counts[i]! += 1;
  }
  return bands;
}
