import type { Kysely } from 'kysely';
import type { DivisionLevel } from '../../../core/org/divisions.ts';
import { normalizeOrgName } from '../../../core/org/org-name.ts';
import {
  areaAtLevel, DEFAULT_CONFLICT_LEVEL, listConflicts, pairKey, type CaseParty, type Conflict, type FoundReason, type ReviewerParty,
} from '../../../core/review/conflicts.ts';
import type { Database } from '../../db/schema.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { describeDivision } from '../divisions/divisions.service.ts';
import { listPool } from '../reviewers/reviewer-pool.repository.ts';
import { listCaseFacts, listConflictMarks, listMemberships, listRecommendations } from './conflicts.repository.ts';

// Gathers what core/review/conflicts decides on, for a whole campaign or one case, in a fixed
// number of queries.

const areas = new Map<string, string | null>();

function areaOf(level: DivisionLevel) {
  return (code: string): string | null => {
    const key = `${level}:${code}`;
    if (!areas.has(key)) {
      const path = describeDivision(code)?.path ?? [];
      const levels = path.map((p) => ({ code: p.code, level: describeDivision(p.code)!.level }));
      areas.set(key, areaAtLevel(levels, level));
    }
    return areas.get(key)!;
  };
}

/** The campaign's level for a shared division (review.conflictLevel when the campaign sets it). */
export function conflictLevelOf(campaign: StoredCampaign): DivisionLevel {
  return (campaign.definition as { review?: { conflictLevel?: DivisionLevel } }).review?.conflictLevel ?? DEFAULT_CONFLICT_LEVEL;
}

const key = (name: string | null | undefined) => (name?.trim() ? normalizeOrgName(name) : null);
const ADDRESS_IN_LABEL = /<([^<>@\s]+@[^<>\s]+)>$/;

function groupBy<T>(items: readonly T[], by: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(by(item));
    if (list) list.push(item);
    else groups.set(by(item), [item]);
  }
  return groups;
}

export type PoolRow = Awaited<ReturnType<typeof listPool>>[number];

export interface CampaignConflicts {
  conflicts: Conflict[];
  pool: PoolRow[];
  marks: Awaited<ReturnType<typeof listConflictMarks>>;
}

/** The conflicts of the campaign's cases (or of one) with every reviewer of its pool. */
export async function computeConflicts(db: Kysely<Database>, campaign: StoredCampaign, caseId?: string): Promise<CampaignConflicts> {
  const [caseRows, recommendations, pool, marks] = await Promise.all([
    listCaseFacts(db, campaign.id, caseId), listRecommendations(db, campaign.id, caseId), listPool(db, campaign.id), listConflictMarks(db, campaign.id, caseId),
  ]);
  const accounts = pool.flatMap((r) => (r.account_id ? [r.account_id] : []));
  const memberships = await listMemberships(db, accounts);
  const recsOf = groupBy(recommendations, (r) => r.case_id);
  const unitsOf = groupBy(memberships, (m) => m.user_id);
  const cases: CaseParty[] = caseRows.map((c) => {
    const recs = recsOf.get(c.id) ?? [];
    return {
      caseId: c.id, unitId: c.organization_id, unitNameKey: c.name_key, unitDivisionCode: c.division_code, superiorUnitId: c.superior_organization_id,
      superiorNameKeys: [key(c.superior_name), key(c.unit_superior_name)].filter((k): k is string => !!k),
      superiorEmail: c.superior_email,
      recommenderIds: recs.flatMap((r) => (r.actor_id ? [r.actor_id] : [])),
      recommenderEmails: recs.flatMap((r) => ADDRESS_IN_LABEL.exec(r.actor_label)?.[1] ?? []),
    };
  });
  const reviewers: ReviewerParty[] = pool.map((r) => ({
    reviewerId: r.id, email: r.email, userId: r.account_id,
    unitIds: [...(r.affiliation_unit_id ? [r.affiliation_unit_id] : []), ...(r.account_id ? unitsOf.get(r.account_id) ?? [] : []).map((m) => m.organization_id)],
    affiliationKey: key(r.affiliation),
    divisionCodes: [r.division_code, r.unit_division_code].filter((c): c is string => !!c),
  }));
  const declared = new Map(marks.filter((m) => m.kind === 'declared').map((m) => [pairKey(m.case_id, m.reviewer_id), m.reason]));
  const dismissed = new Map(marks.filter((m) => m.kind === 'dismissed').map((m) => [pairKey(m.case_id, m.reviewer_id), JSON.parse(m.found_reasons) as FoundReason[]]));
  return { conflicts: listConflicts(cases, reviewers, areaOf(conflictLevelOf(campaign)), { declared, dismissed }), pool, marks };
}
