import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Campaign } from '../../../core/campaign/campaign.schema.ts';
import { campaignWindow } from '../../../core/campaign/campaign.window.ts';
import { htmlToText } from '../../../core/case/html-text.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { publicBodyText } from '../../../core/publishing/public-copy.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, isOrganizer, type Actor } from '../auth/actor.ts';
import { findCampaignBySlug, insertCampaignIfAbsent } from '../campaigns/campaigns.repository.ts';
import { getCampaign, hashCampaign } from '../campaigns/campaigns.service.ts';
import { indexDocument } from '../search/search-index.ts';
import { columnName, columnsOf, matchHeaders } from './import-columns.ts';
import { readImportFile } from './import-file.ts';
import { judgeRows, type ImportedCaseDraft } from './import-rows.ts';
import { assumedYear, editionDefinition, editionSlug, importSource } from './edition-campaign.ts';
import { describeRow, type ReportRow } from './import-report.ts';
import { findImportedKeys, insertImportedCase } from './library-import.repository.ts';

// The import of earlier editions' published cases (issue 16, items 3 and 6; decision 0044). A
// dry run reads and judges every row and writes nothing; the real run writes every good row or
// none, in one transaction with the search index and the audit entry, and a row already
// imported is reported as a duplicate, never written twice.

export interface ImportEdition { edition: number; slug: string; title: string; exists: boolean }

export interface ImportReport {
  dryRun: boolean;
  format: 'json' | 'xlsx';
  rows: ReportRow[];
  counts: { ok: number; duplicate: number; error: number };
  editions: ImportEdition[];
  /** Cases written by this run (0 on a dry run). */
  written: number;
}

export interface ImportRequest { bytes: Buffer; fileName: string; dryRun: boolean; locale: Locale }

/** Organizers of the base campaign (the platform's too) import into editions before it; anyone else finds no campaign. */
async function baseCampaignFor(db: Kysely<Database>, actor: Actor, slug: string) {
  const base = await getCampaign(db, slug);
  if (!isOrganizer(actor, base.id)) throw new AppError('campaign_not_found', { slug });
  return base;
}

/** Judges the file against the base campaign and what is already imported; writes only when not a dry run and every row is good. */
export async function importEarlierEditions(db: Kysely<Database>, actor: Actor, baseSlug: string, request: ImportRequest, now: Date): Promise<ImportReport> {
  const base = await baseCampaignFor(db, actor, baseSlug);
  const definition = base.definition;
  const sheet = await readImportFile(request.bytes);
  const columns = columnsOf(definition);
  const { byColumn, missing } = matchHeaders(columns, sheet.headers);
  if (missing.length > 0) {
    const names = missing.map((c) => columnName(request.locale, definition, c.key));
    throw new AppError('library_import_missing_columns', { count: names.length, columns: names.join(request.locale === 'zh-CN' ? '、' : ', ') }, { missing: missing.map((c) => c.key) });
  }
  const judged = judgeRows(definition, columns, byColumn, sheet.rows);
  if (request.dryRun) return report(await judgeAgainstStored(db, definition, judged), sheet.format, true, 0, request.locale, definition);
  try {
    return await inTransaction(db, async (trx) => {
      const stored = await judgeAgainstStored(trx, definition, judged);
      const failed = stored.rows.filter((r) => r.problems.length > 0).length;
      if (failed > 0) throw new AppError('library_import_rejected', { count: failed }, report(stored, sheet.format, false, 0, request.locale, definition));
      const written = await writeRows(trx, actor, definition, stored, now);
      await appendAudit(trx, {
        actorId: actor.userId, actorLabel: actorLabel(actor), action: 'library_import.run', subjectType: 'campaign', subjectId: base.id,
        change: {
          fileName: request.fileName, sha256: createHash('sha256').update(request.bytes).digest('hex'), written,
          duplicates: stored.rows.filter((r) => r.duplicate).length, editions: [...new Set(stored.rows.flatMap((r) => (r.draft && !r.duplicate ? [r.draft.edition] : [])))],
        },
      }, now);
      return report(stored, sheet.format, false, written, request.locale, definition);
    });
  } catch (error) {
    // Another import of the same rows committed between our check and our insert.
    if (isUniqueViolation(error)) throw new AppError('library_import_conflict');
    throw error;
  }
}

type Judged = ReturnType<typeof judgeRows>[number];
interface StoredJudgement {
  rows: (Judged & { duplicate: boolean })[];
  editions: Map<number, { slug: string; campaignId: string | null; definition: Campaign }>;
}

/** Marks rows already imported, and finds or plans each edition's campaign; a slug held by a campaign not made by an import is refused. */
async function judgeAgainstStored(db: Kysely<Database>, base: Campaign, judged: Judged[]): Promise<StoredJudgement> {
  const editions: StoredJudgement['editions'] = new Map();
  const drafts = judged.flatMap((r) => (r.draft ? [r.draft] : []));
  for (const edition of [...new Set(drafts.map((d) => d.edition))].sort((a, b) => a - b)) {
    const years = drafts.filter((d) => d.edition === edition && d.year !== null).map((d) => d.year!);
    const slug = editionSlug(base, edition);
    const row = await findCampaignBySlug(db, slug);
    if (row && row.source_file !== importSource(base.slug)) throw new AppError('library_import_edition_taken', { edition, slug });
    const definition = row ? (JSON.parse(row.definition) as Campaign) : editionDefinition(base, edition, years.length > 0 ? Math.min(...years) : assumedYear(base, edition));
    editions.set(edition, { slug, campaignId: row?.id ?? null, definition });
  }
  const imported = new Set<string>();
  for (const [edition, e] of editions) {
    if (!e.campaignId) continue;
    for (const key of await findImportedKeys(db, e.campaignId, drafts.filter((d) => d.edition === edition).map((d) => d.duplicateKey))) imported.add(key);
  }
  return { rows: judged.map((r) => ({ ...r, duplicate: r.draft !== null && imported.has(r.draft.duplicateKey) })), editions };
}

async function writeRows(trx: Kysely<Database>, actor: Actor, base: Campaign, stored: StoredJudgement, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const importId = newId();
  const campaignIds = new Map<number, string>();
  for (const [edition, e] of stored.editions) {
    if (!stored.rows.some((r) => r.draft?.edition === edition && !r.duplicate)) continue;
    let id = e.campaignId;
    if (!id) {
      id = newId();
      const window = campaignWindow(e.definition);
      await insertCampaignIfAbsent(trx, {
        id, slug: e.slug, edition, definition: JSON.stringify(e.definition), content_hash: hashCampaign(e.definition), source_file: importSource(base.slug),
        time_zone: window.timeZone, opens_at: window.opensAt.toISOString(), closes_at: window.closesAt.toISOString(),
        created_at: stamp, updated_at: stamp, phase: 'final', phase_changed_at: stamp,
      });
    }
    campaignIds.set(edition, id);
  }
  let written = 0;
  for (const row of stored.rows) {
    if (!row.draft || row.duplicate) continue;
    const d: ImportedCaseDraft = row.draft;
    const campaignId = campaignIds.get(d.edition)!;
    const edition = stored.editions.get(d.edition)!;
    const id = randomBytes(8).toString('hex');
    await insertImportedCase(trx, {
      id, campaign_id: campaignId, edition: d.edition, year: d.year, duplicate_key: d.duplicateKey, title: d.title, unit_name: d.unitName,
      division_code: d.divisionCode, category: d.category, tier: d.tier, summary: d.summary, sections: JSON.stringify(d.sections),
      source_url: d.sourceUrl, import_id: importId, created_by: actor.userId, created_at: stamp,
    });
    await indexDocument(trx, {
      id, campaignId, campaignSlug: edition.slug, category: d.category, tier: d.tier, province: d.divisionCode.slice(0, 2),
      title: d.title, unitName: d.unitName, summary: htmlToText(d.summary), body: publicBodyText(edition.definition, d.sections), publishedAt: stamp,
    });
    written += 1;
  }
  return written;
}

function report(stored: StoredJudgement, format: 'json' | 'xlsx', dryRun: boolean, written: number, locale: Locale, base: Campaign): ImportReport {
  const rows = stored.rows.map((r) => describeRow(r, locale, base));
  return {
    dryRun, format, rows, written,
    counts: { ok: rows.filter((r) => r.status === 'ok').length, duplicate: rows.filter((r) => r.status === 'duplicate').length, error: rows.filter((r) => r.status === 'error').length },
    editions: [...stored.editions].map(([edition, e]) => ({ edition, slug: e.slug, title: e.definition.title[locale], exists: e.campaignId !== null })),
  };
}
