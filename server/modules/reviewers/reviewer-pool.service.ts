import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../../../core/i18n/locale.ts';
import type { Database } from '../../db/schema.ts';
import { newId } from '../../ids.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { campaignOrganizedBy, mailReviewerInvitation } from './reviewers.service.ts';
import { insertPoolRow, updatePoolRow } from './reviewer-pool.repository.ts';
import { judgeRows, type JudgedRow } from './reviewer-rows.service.ts';
import { readReviewerSheet, type SheetRow } from './reviewer-sheet.ts';

// Importing reviewers from a sheet: read it once the caller is known to organize the campaign,
// show what each row would do, and on commit write the rows that pass and mail invitations to
// addresses new to the campaign. A refused row never stops the others.

export interface ReviewerSheet {
  campaign: StoredCampaign;
  rows: SheetRow[];
}

export interface ImportReport {
  committed: boolean;
  counts: { imported: number; updated: number; refused: number };
  rows: Omit<JudgedRow, 'reviewer' | 'alreadyReviewer' | 'invite'>[];
}

/** The sheet's rows, read within the limits, for an organizer of the campaign only. */
export async function readImportSheet(db: Kysely<Database>, actor: Actor, slug: string, bytes: Buffer): Promise<ReviewerSheet> {
  const campaign = await campaignOrganizedBy(db, actor, slug);
  return { campaign, rows: await readReviewerSheet(bytes) };
}

function report(rows: JudgedRow[], committed: boolean): ImportReport {
  const count = (status: JudgedRow['status']) => rows.filter((r) => r.status === status).length;
  return {
    committed,
    counts: { imported: count('imported'), updated: count('updated'), refused: count('refused') },
    rows: rows.map(({ reviewer: _r, alreadyReviewer: _a, invite: _i, ...row }) => row),
  };
}

/** What importing the sheet would do, row by row; nothing is written. */
export async function previewReviewerImport(db: Kysely<Database>, sheet: ReviewerSheet, locale: Locale, now: Date): Promise<ImportReport> {
  return report(await judgeRows(db, sheet.campaign, sheet.rows, locale, now), false);
}

/**
 * Writes every row that passes: an address new to the campaign is added and invited, a known one
 * updated, and invited again if it never joined and its last invitation has expired or was used. The insert decides which (two imports of one address at once make one row and one
 * invitation); one audit entry records the import.
 */
export async function commitReviewerImport(trx: Transaction<Database>, actor: Actor, sheet: ReviewerSheet, locale: Locale, now: Date, baseUrl: string): Promise<ImportReport> {
  const rows = await judgeRows(trx, sheet.campaign, sheet.rows, locale, now);
  const stamp = now.toISOString();
  const invited: string[] = [];
  for (const row of rows) {
    const r = row.reviewer;
    if (!r) continue;
    const values = {
      name: r.name, expertise: JSON.stringify(r.expertise), capacity: r.capacity, division_code: r.divisionCode,
      affiliation: r.affiliation, affiliation_unit_id: r.unitId, updated_at: stamp,
    };
    const inserted = await insertPoolRow(trx, { id: newId(), campaign_id: sheet.campaign.id, email: r.email, user_id: null, source: 'import', created_at: stamp, ...values });
    if (!inserted) {
      await updatePoolRow(trx, sheet.campaign.id, r.email, values);
      if (row.status === 'imported') {
        // Another import added the address since this one looked: nobody is invited twice.
        row.status = 'updated';
        row.notes = row.notes.filter((n) => n.code !== 'invited');
        continue;
      }
    }
    if (row.invite) {
      await mailReviewerInvitation(trx, actor, sheet.campaign, r.email, now, baseUrl);
      invited.push(r.email);
    }
  }
  const result = report(rows, true);
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'reviewer.import', subjectType: 'campaign', subjectId: sheet.campaign.id,
    change: { ...result.counts, invited },
  }, now);
  return result;
}
