import type { Kysely, Transaction } from 'kysely';
import { recommendationState } from '../../../core/case/recommendation.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { findLiveOrganization } from '../organizations/organizations.repository.ts';
import { loadCaseForUnit, requireEditableCase } from './case-access.ts';
import { findCase, lockCase, updateCase, type CaseRow } from './cases.repository.ts';
import { recordDecision, reviewView, type Decision } from './superior-decision.ts';
import { cancelReviewLinks } from './superior-review.service.ts';
import { listCasesForSuperiorUnits, resolveLiveUnit, searchSuperiorUnits } from './superior-review.repository.ts';

// A superior organization that is itself a registered unit: the submitting unit chooses it by
// name, and its members read and decide while signed in. Membership of the chosen unit is the
// only way in; to anyone else such a case answers exactly like one that does not exist.

const CANDIDATES_MAX = 20;

/** Registered units the case's unit may name as its superior: not itself, not merged; names only. */
export async function superiorCandidates(db: Kysely<Database>, actor: Actor, caseId: string, query: string) {
  const c = await loadCaseForUnit(db, actor, caseId);
  const rows = await searchSuperiorUnits(db, query.trim(), c.row.organization_id, CANDIDATES_MAX);
  return rows.map((r) => ({ id: r.id, name: r.name, divisionCode: r.division_code, level: r.level }));
}

/**
 * Names a registered unit as the case's superior organization, or (null) goes back to a mailed
 * address. Any open link ends and a pending request is dropped. A decision stands while no other
 * unit is named (going back to typing an address keeps its name); naming another unit drops it,
 * since it would otherwise stand under that unit's name.
 */
export async function chooseSuperiorUnit(trx: Transaction<Database>, actor: Actor, caseId: string, organizationId: string | null, now: Date): Promise<void> {
  // Takes turns with a request for a recommendation, which would otherwise go pending under the superior replaced here.
  await lockCase(trx, caseId);
  const c = await requireEditableCase(trx, actor, caseId, now);
  const unit = organizationId ? await findLiveOrganization(trx, organizationId) : undefined;
  if (organizationId && (!unit || unit.id === c.row.organization_id)) throw new AppError('superior_unit_invalid');
  const anotherUnit = unit !== undefined && unit.id !== c.row.superior_organization_id;
  await cancelReviewLinks(trx, caseId, now);
  await updateCase(trx, caseId, {
    superior_organization_id: unit?.id ?? null,
    ...(unit ? { superior_name: unit.name, superior_email: null } : {}),
    ...(anotherUnit ? {
      recommendation: 'none' as const, recommendation_note: null, recommendation_at: null, recommendation_sha256: null, recommendation_verification: null,
    } : c.row.recommendation === 'pending' ? { recommendation: 'none' as const } : {}),
    updated_at: now.toISOString(),
  });
}

/**
 * The case, if it names one of the caller's units (or one merged into it) as its superior and
 * has asked it at least once: a unit shares its text by asking, not by choosing a name.
 */
async function caseForSuperiorMember(db: Kysely<Database>, actor: Actor, caseId: string): Promise<{ row: CaseRow; superior: { id: string; name: string } }> {
  const row = await findCase(db, caseId);
  const superior = row?.superior_organization_id && row.recommendation !== 'none' ? await resolveLiveUnit(db, row.superior_organization_id) : undefined;
  if (!row || !superior || !actor.units.some((u) => u.organizationId === superior.id)) throw new AppError('not_found');
  return { row, superior };
}

/** Cases waiting for (or decided by) the caller's units as superior organization. */
export async function listMySuperiorReviews(db: Kysely<Database>, actor: Actor) {
  const rows = await listCasesForSuperiorUnits(db, actor.units.map((u) => u.organizationId));
  return rows.map((r) => ({
    caseId: r.id, title: r.title, campaignSlug: r.campaign_slug, unitName: r.unit_name, superiorName: r.superior_name,
    recommendation: recommendationState(r.recommendation, r.recommendation_sha256, r.content_sha256), decidedAt: r.recommendation_at, updatedAt: r.updated_at,
  }));
}

/** The case as a member of its superior unit reads it, and whether that member may decide now. */
export async function superiorMemberView(db: Kysely<Database>, actor: Actor, caseId: string) {
  const { row } = await caseForSuperiorMember(db, actor, caseId);
  const view = await reviewView(db, row);
  const ownCase = actor.units.some((u) => u.organizationId === row.organization_id);
  return { ...view, superiorEmail: null, decidable: row.recommendation === 'pending' && !ownCase };
}

/** A member of the superior unit decides, signed in, on the text it read; only while the unit's request is open. */
export async function decideAsSuperiorMember(trx: Transaction<Database>, actor: Actor, caseId: string, input: Decision, now: Date): Promise<void> {
  const { row, superior } = await caseForSuperiorMember(trx, actor, caseId);
  if (actor.units.some((u) => u.organizationId === row.organization_id)) throw new AppError('superior_own_case');
  if (row.recommendation !== 'pending') throw new AppError('invalid_transition', { status: row.recommendation });
  await recordDecision(trx, row, input, { id: actor.userId, label: `${superior.name}：${actorLabel(actor)}` }, 'signed_in', now);
}
