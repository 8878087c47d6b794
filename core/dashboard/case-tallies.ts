// Folds the database's grouped counts of submitted cases (by category, province, status and
// screening state) into what the dashboard draws: cases by category, by province, and the
// screening outcomes.

export type StandingCaseStatus = 'submitted' | 'returned';
export type ScreeningState = 'pending' | 'passed' | 'rejected';

export interface CaseGroup {
  category: string;
  /** Two-digit province prefix of the unit's division code. */
  province: string;
  status: StandingCaseStatus;
  screening: ScreeningState;
  count: number;
}

/** Where a submitted case stands in screening: awaiting it, passed, rejected, or returned to its unit for correction. */
export const SCREENING_OUTCOMES = ['pending', 'passed', 'rejected', 'returned'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export interface CategoryTally {
  category: string;
  cases: number;
  outcomes: Record<ScreeningOutcome, number>;
}

export function outcomeOf(group: Pick<CaseGroup, 'status' | 'screening'>): ScreeningOutcome {
  return group.status === 'returned' ? 'returned' : group.screening;
}

/** The province's six-digit code (`440000`) from any division code under it; null for a code that is not six digits. */
export function provinceOf(divisionCode: string): string | null {
  return /^\d{6}$/.test(divisionCode) ? `${divisionCode.slice(0, 2)}0000` : null;
}

const noOutcomes = (): Record<ScreeningOutcome, number> => ({ pending: 0, passed: 0, rejected: 0, returned: 0 });

/** One row per category of the campaign, in its order; a category no case chose is there with zeros, one the campaign lacks ('' for none) is added after. */
export function tallyByCategory(categories: readonly string[], groups: readonly CaseGroup[]): CategoryTally[] {
  const rows = new Map(categories.map((c) => [c, { category: c, cases: 0, outcomes: noOutcomes() }]));
  for (const g of groups) {
    if (!rows.has(g.category)) rows.set(g.category, { category: g.category, cases: 0, outcomes: noOutcomes() });
    const row = rows.get(g.category)!;
    row.cases += g.count;
    row.outcomes[outcomeOf(g)] += g.count;
  }
  return [...rows.values()];
}

/** Cases per province (six-digit code), most first, then by code; provinces without cases are left out. */
export function tallyByProvince(groups: readonly CaseGroup[]): { province: string; cases: number }[] {
  const counts = new Map<string, number>();
  for (const g of groups) {
    const code = provinceOf(`${g.province}0000`) ?? '';
    counts.set(code, (counts.get(code) ?? 0) + g.count);
  }
  return [...counts].map(([province, cases]) => ({ province, cases })).sort((a, b) => b.cases - a.cases || a.province.localeCompare(b.province));
}
