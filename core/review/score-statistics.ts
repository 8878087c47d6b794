// Small arithmetic shared by the ranking and its flags.

/** Rounded to the hundredth, as scores are shown. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Mean and population standard deviation (divided by n: the scores are all there is, not a sample). */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return { mean, sd };
}

/** The items by key, each list in the order the items came. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
