import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate, type MessageKey } from '../../../core/i18n/messages.ts';
import { similarityDocument } from '../../../core/similarity/near-duplicates.ts';
import {
  mapReferenceHeader, readReferenceRow, REFERENCE_FIELDS, REFERENCE_HEADER_LABELS, referenceComparableText, type ReferenceField, type ReferenceProblem,
  type ReferenceRow,
} from '../../../core/similarity/reference-rows.ts';
import { signatureToBase64 } from '../../../core/similarity/signature-codec.ts';
import type { Database } from '../../db/schema.ts';
import { newId } from '../../ids.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { campaignOrganizedBy } from '../reviewers/reviewers.service.ts';
import { readSheet, type SheetRow, type SheetSpec } from '../reviewers/reviewer-sheet.ts';
import { enqueueCampaignCheck } from './similarity.jobs.ts';
import { countReferences, findReferencesByHash, insertReferenceOnce } from './similarity.repository.ts';

// Importing cases of earlier campaigns from a sheet, to compare this campaign's cases with: read
// it once the caller is known to organize the campaign, show what each row would do, and on
// commit store the rows that pass with their signatures, then re-check the campaign's cases.
// A row whose source and text are already there (in the campaign or earlier in the file) is
// skipped, never stored twice; a refused row never stops the others.

/** A sheet of full case texts: 600 or so cases of 5,000 characters fit in 20 MB. */
export const REFERENCE_SHEET_MAX_BYTES = 20 * 1024 * 1024;
export const REFERENCE_SHEET_MAX_ROWS = 5000;

const SPEC: SheetSpec<ReferenceField> = {
  fields: REFERENCE_FIELDS, mapHeader: mapReferenceHeader, labels: REFERENCE_HEADER_LABELS, maxBytes: REFERENCE_SHEET_MAX_BYTES, maxRows: REFERENCE_SHEET_MAX_ROWS,
};

export interface ReferenceSheet {
  campaign: StoredCampaign;
  rows: SheetRow<ReferenceField>[];
}

/** Signatures of the rows that read well, by text hash: made before the transaction, which must stay short. */
export type SignedTexts = Map<string, { signature: string; shingles: number }>;

interface Message { code: string; message: string }

export interface JudgedReference {
  row: number;
  title: string | null;
  source: string | null;
  status: 'imported' | 'skipped' | 'refused';
  problems: Message[];
  reference?: ReferenceRow & { sha256: string };
}

export interface ReferenceImportReport {
  committed: boolean;
  counts: { imported: number; skipped: number; refused: number };
  /** Reference cases of the campaign after the import (before it, for a preview). */
  total: number;
  rows: Omit<JudgedReference, 'reference'>[];
}

const say = (locale: Locale, code: string, params: Record<string, string | number> = {}): Message =>
  ({ code, message: translate(locale, `referenceImport.problem.${code}` as MessageKey, params) });

/** The sheet's rows, read within the limits, for an organizer of the campaign only. */
export async function readReferenceSheet(db: Kysely<Database>, actor: Actor, slug: string, bytes: Buffer): Promise<ReferenceSheet> {
  const campaign = await campaignOrganizedBy(db, actor, slug);
  return { campaign, rows: await readSheet(bytes, SPEC) };
}

const textHash = (text: string) => createHash('sha256').update(text).digest('hex');

/** The signature of every row that reads as a reference case. */
export function signReferenceSheet(sheet: ReferenceSheet): SignedTexts {
  const signed: SignedTexts = new Map();
  for (const row of sheet.rows) {
    const read = readReferenceRow(row.cells);
    if (!read.ok) continue;
    const document = similarityDocument(referenceComparableText(read.row));
    signed.set(textHash(read.row.text), { signature: signatureToBase64(document.signature), shingles: document.shingles.length });
  }
  return signed;
}

/** Every row's outcome as it stands now; `locale` words the reasons. */
async function judgeRows(db: Kysely<Database>, sheet: ReferenceSheet, locale: Locale): Promise<JudgedReference[]> {
  const read = sheet.rows.map((r) => ({ sheet: r, result: readReferenceRow(r.cells) }));
  const hashes = read.flatMap((r) => (r.result.ok ? [textHash(r.result.row.text)] : []));
  const stored = new Set((await findReferencesByHash(db, sheet.campaign.id, hashes)).map((r) => `${r.source}\n${r.text_sha256}`));
  const firstRow = new Map<string, number>();
  return read.map(({ sheet: row, result }) => {
    const problems: ReferenceProblem[] = result.ok ? [] : [...result.problems];
    if (row.formulas.length > 0) problems.push({ code: 'formula', params: { cells: row.formulas.join(', ') } });
    const base = { row: row.number, title: row.cells.title.trim() || null, source: row.cells.source.trim() || null };
    if (!result.ok || problems.length > 0) return { ...base, status: 'refused' as const, problems: problems.map((p) => say(locale, p.code, p.params)) };
    const sha256 = textHash(result.row.text);
    const key = `${result.row.source}\n${sha256}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) return { ...base, status: 'skipped' as const, problems: [say(locale, 'duplicate_in_file', { row: earlier })] };
    firstRow.set(key, row.number);
    if (stored.has(key)) return { ...base, status: 'skipped' as const, problems: [say(locale, 'already_imported')] };
    return { ...base, status: 'imported' as const, problems: [], reference: { ...result.row, sha256 } };
  });
}

function report(rows: JudgedReference[], committed: boolean, total: number): ReferenceImportReport {
  const count = (status: JudgedReference['status']) => rows.filter((r) => r.status === status).length;
  return {
    committed, total,
    counts: { imported: count('imported'), skipped: count('skipped'), refused: count('refused') },
    rows: rows.map(({ reference: _r, ...row }) => row),
  };
}

/** What importing the sheet would do, row by row; nothing is written. */
export async function previewReferenceImport(db: Kysely<Database>, sheet: ReferenceSheet, locale: Locale): Promise<ReferenceImportReport> {
  return report(await judgeRows(db, sheet, locale), false, await countReferences(db, sheet.campaign.id));
}

/**
 * Stores every row that passes with its signature; the unique (campaign, source, text hash)
 * decides between two imports of one row at once. One audit entry records the import, and the
 * campaign's cases are checked again against what it added.
 */
export async function commitReferenceImport(
  trx: Transaction<Database>, actor: Actor, sheet: ReferenceSheet, signed: SignedTexts, locale: Locale, now: Date,
): Promise<ReferenceImportReport> {
  const rows = await judgeRows(trx, sheet, locale);
  const stamp = now.toISOString();
  for (const row of rows) {
    const r = row.reference;
    if (!r) continue;
    const { signature, shingles } = signed.get(r.sha256)!;
    const inserted = await insertReferenceOnce(trx, {
      id: newId(), campaign_id: sheet.campaign.id, source: r.source, title: r.title, unit_name: r.unit, text: r.text,
      signature, shingles, text_sha256: r.sha256, imported_by: actor.userId, imported_at: stamp,
    });
    if (!inserted) {
      // Another import stored the same row since this one looked.
      row.status = 'skipped';
      row.problems = [say(locale, 'already_imported')];
    }
  }
  const result = report(rows, true, await countReferences(trx, sheet.campaign.id));
  await appendAudit(trx, {
    actorId: actor.userId, actorLabel: actorLabel(actor), action: 'reference.import', subjectType: 'campaign', subjectId: sheet.campaign.id,
    change: { ...result.counts },
  }, now);
  if (result.counts.imported > 0) await enqueueCampaignCheck(trx, sheet.campaign.id, `import:${newId()}`, now);
  return result;
}
