import type { Kysely } from 'kysely';
import { canEdit, type EditWindow } from '../../../core/case/case-status.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { getCampaignById, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { canActForCase, canSeeCase } from './cases.policy.ts';
import { findCaseWithExtension, type CaseRow } from './cases.repository.ts';

// Loading a case always goes through here, so every route applies the same rule: a case the
// caller may not see answers exactly like one that does not exist.

export interface CaseInContext {
  row: CaseRow;
  campaign: StoredCampaign;
  /** The unit's effective deadline as an ISO instant (the campaign's close or a later extension). */
  deadline: string;
}

async function inContext(db: Kysely<Database>, found: CaseRow & { extended_until: string | null }): Promise<CaseInContext> {
  const { extended_until: extendedUntil, ...row } = found;
  const campaign = await getCampaignById(db, row.campaign_id);
  const closesAt = campaign.window.closesAt.toISOString();
  return { row, campaign, deadline: extendedUntil !== null && extendedUntil > closesAt ? extendedUntil : closesAt };
}

/** The case for anyone who may see it (its unit's operators, the campaign's organizers). */
export async function loadVisibleCase(db: Kysely<Database>, actor: Actor, caseId: string): Promise<CaseInContext> {
  const row = await findCaseWithExtension(db, caseId);
  if (!row || !canSeeCase(actor, row)) throw new AppError('not_found');
  return inContext(db, row);
}

/** The case for its own unit's operators; everyone else gets not_found. */
export async function loadCaseForUnit(db: Kysely<Database>, actor: Actor, caseId: string): Promise<CaseInContext> {
  const row = await findCaseWithExtension(db, caseId);
  if (!row || !canActForCase(actor, row)) throw new AppError('not_found');
  return inContext(db, row);
}

export function editWindowOf(c: CaseInContext, now: Date): EditWindow {
  return {
    status: c.row.status,
    now,
    deadline: new Date(c.deadline),
    opensAt: c.campaign.window.opensAt,
    returnDueAt: c.row.return_due_at ? new Date(c.row.return_due_at) : null,
  };
}

export function isEditable(c: CaseInContext, now: Date): boolean {
  return canEdit(editWindowOf(c, now));
}

/** The case for its unit's operators while it may still change; case_read_only after that. */
export async function requireEditableCase(db: Kysely<Database>, actor: Actor, caseId: string, now: Date): Promise<CaseInContext> {
  const c = await loadCaseForUnit(db, actor, caseId);
  if (!isEditable(c, now)) throw new AppError('case_read_only');
  return c;
}
