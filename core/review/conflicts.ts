import type { DivisionLevel } from '../org/divisions.ts';

// Which reviewers may not review which cases, and why. Pure: the server gathers the facts (units,
// memberships, divisions, recommendations, declarations, dismissals) and this decides. Built for
// a whole campaign at once (3,000 cases × 500 reviewers): reviewers are indexed by unit, name,
// area, address and account, so each case looks up its few candidates instead of every reviewer.

export const CONFLICT_REASONS = ['same_unit', 'superior_unit', 'same_division', 'recommended', 'declared'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];
/** The reasons found from data; `declared` comes from the reviewer. */
export type FoundReason = Exclude<ConflictReason, 'declared'>;

export const DEFAULT_CONFLICT_LEVEL: DivisionLevel = 'city';

export interface CaseParty {
  caseId: string;
  unitId: string;
  /** normalizeOrgName of the unit's name. */
  unitNameKey: string;
  unitDivisionCode: string | null;
  /** A registered unit chosen as the superior organization. */
  superiorUnitId: string | null;
  /** normalizeOrgName of the superior names the case and its unit give. */
  superiorNameKeys: string[];
  superiorEmail: string | null;
  /** Accounts and addresses that recommended the case. */
  recommenderIds: string[];
  recommenderEmails: string[];
}

export interface ReviewerParty {
  reviewerId: string;
  /** Lower case. */
  email: string;
  userId: string | null;
  /** The affiliated unit and every unit the reviewer's account is a member of. */
  unitIds: string[];
  /** normalizeOrgName of the affiliation as written, when written. */
  affiliationKey: string | null;
  /** The reviewer's own division and the affiliated unit's. */
  divisionCodes: string[];
}

export interface ConflictMarks {
  /** `${caseId} ${reviewerId}` → the reviewer's reason. */
  declared: ReadonlyMap<string, string>;
  /** `${caseId} ${reviewerId}` → the found reasons an organizer dismissed. */
  dismissed: ReadonlyMap<string, readonly FoundReason[]>;
}

export interface Conflict {
  caseId: string;
  reviewerId: string;
  reasons: ConflictReason[];
  /** True when an organizer dismissed every found reason and the reviewer declared none. */
  dismissed: boolean;
}

/**
 * The division that stands for `code` at `level`: its ancestor at that level, or, where a branch
 * skips the level (北京市 › 朝阳区 has no city), the first division below the province; a county
 * of 北京市 is then its own "city". `path` runs from the province down, as describeDivision gives.
 */
export function areaAtLevel(path: readonly { code: string; level: DivisionLevel }[], level: DivisionLevel): string | null {
  if (path.length === 0) return null;
  if (level === 'province') return path[0]!.code;
  const exact = path.find((p) => p.level === level);
  if (exact) return exact.code;
  if (level === 'city') return path[1]?.code ?? null;
  return null;
}

export const pairKey = (caseId: string, reviewerId: string): string => `${caseId} ${reviewerId}`;

class MultiIndex {
  private readonly map = new Map<string, string[]>();
  add(key: string | null, id: string): void {
    if (!key) return;
    const list = this.map.get(key);
    if (list) list.push(id);
    else this.map.set(key, [id]);
  }
  get(key: string | null): readonly string[] {
    return (key && this.map.get(key)) || [];
  }
}

function indexReviewers(reviewers: readonly ReviewerParty[], areaOf: (code: string) => string | null) {
  const byUnit = new MultiIndex();
  const byName = new MultiIndex();
  const byArea = new MultiIndex();
  const byEmail = new MultiIndex();
  const byUser = new MultiIndex();
  for (const r of reviewers) {
    for (const unit of new Set(r.unitIds)) byUnit.add(unit, r.reviewerId);
    byName.add(r.affiliationKey, r.reviewerId);
    for (const area of new Set(r.divisionCodes.map(areaOf))) byArea.add(area, r.reviewerId);
    byEmail.add(r.email.toLowerCase(), r.reviewerId);
    byUser.add(r.userId, r.reviewerId);
  }
  return { byUnit, byName, byArea, byEmail, byUser };
}

/** The found reasons of every conflicting (case, reviewer) pair, keyed by pairKey. */
export function findConflictReasons(
  cases: readonly CaseParty[], reviewers: readonly ReviewerParty[], areaOf: (code: string) => string | null,
): Map<string, Set<FoundReason>> {
  const idx = indexReviewers(reviewers, areaOf);
  const found = new Map<string, Set<FoundReason>>();
  const mark = (caseId: string, ids: readonly string[], reason: FoundReason) => {
    for (const id of ids) {
      const key = pairKey(caseId, id);
      const reasons = found.get(key) ?? new Set<FoundReason>();
      reasons.add(reason);
      found.set(key, reasons);
    }
  };
  for (const c of cases) {
    mark(c.caseId, idx.byUnit.get(c.unitId), 'same_unit');
    mark(c.caseId, idx.byName.get(c.unitNameKey), 'same_unit');
    mark(c.caseId, idx.byUnit.get(c.superiorUnitId), 'superior_unit');
    for (const name of c.superiorNameKeys) mark(c.caseId, idx.byName.get(name), 'superior_unit');
    mark(c.caseId, idx.byEmail.get(c.superiorEmail?.toLowerCase() ?? null), 'superior_unit');
    if (c.unitDivisionCode) mark(c.caseId, idx.byArea.get(areaOf(c.unitDivisionCode)), 'same_division');
    for (const id of c.recommenderIds) mark(c.caseId, idx.byUser.get(id), 'recommended');
    for (const email of c.recommenderEmails) mark(c.caseId, idx.byEmail.get(email.toLowerCase()), 'recommended');
  }
  return found;
}

/**
 * Every conflict of a campaign: the found ones, with an organizer's dismissal applied (it covers
 * the reasons dismissed, so a reason that appears later stands again), and the declared ones,
 * which no organizer can dismiss. Sorted by case, then reviewer.
 */
export function listConflicts(
  cases: readonly CaseParty[], reviewers: readonly ReviewerParty[], areaOf: (code: string) => string | null, marks: ConflictMarks,
): Conflict[] {
  const found = findConflictReasons(cases, reviewers, areaOf);
  const caseIds = new Set(cases.map((c) => c.caseId));
  const reviewerIds = new Set(reviewers.map((r) => r.reviewerId));
  const keys = new Set(found.keys());
  for (const key of marks.declared.keys()) {
    const [caseId, reviewerId] = key.split(' ') as [string, string];
    if (caseIds.has(caseId) && reviewerIds.has(reviewerId)) keys.add(key);
  }
  const conflicts: Conflict[] = [];
  for (const key of keys) {
    const [caseId, reviewerId] = key.split(' ') as [string, string];
    const reasons: ConflictReason[] = CONFLICT_REASONS.filter((r) => r !== 'declared' && found.get(key)?.has(r));
    const declared = marks.declared.has(key);
    if (declared) reasons.push('declared');
    const dismissedReasons = marks.dismissed.get(key) ?? [];
    const dismissed = !declared && reasons.every((r) => dismissedReasons.includes(r as FoundReason));
    conflicts.push({ caseId, reviewerId, reasons, dismissed });
  }
  return conflicts.sort((a, b) => a.caseId.localeCompare(b.caseId) || a.reviewerId.localeCompare(b.reviewerId));
}
