import type { Kysely } from 'kysely';
import type { ExportKind } from '../../../core/api/exports.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate, type MessageKey } from '../../../core/i18n/messages.ts';
import type { Ranking } from '../../../core/review/ranking.ts';
import type { SelectionEntry } from '../../../core/review/selection.ts';
import { formatInZone } from '../../../core/time/zoned-time.ts';
import type { Database } from '../../db/schema.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { findReviewDetails } from '../ranking/ranking.repository.ts';
import {
  allPages, EXPORT_PAGE, findSuggestedEntries, listAssignmentsPage, listCasesPage, listObjectionsPage, listScreeningPage, listSelectionPage,
} from './exports.repository.ts';

// What each export holds: its columns, in the caller's language, and its rows, produced a page
// at a time. Labels come from the catalogue; instants are shown on the campaign's clock.

export type Cell = string | number | null;

export interface ExportSheet {
  name: string;
  columns: { header: string; width: number }[];
  /** Batches of rows, each row one cell per column; read lazily, so a batch is fetched only when written. */
  batches: AsyncIterable<Cell[][]>;
}

interface SheetContext {
  db: Kysely<Database>;
  campaign: StoredCampaign;
  locale: Locale;
  /** The ranking as of now: the scores sheet needs it whole. */
  ranking?: () => Promise<Ranking>;
}

function words(ctx: SheetContext) {
  const { campaign, locale } = ctx;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key as MessageKey, params);
  const categories = new Map(campaign.definition.categories.map((c) => [c.key, c.name[locale]]));
  const criteria = new Map(campaign.definition.criteria.map((c) => [c.key, c.name[locale]]));
  return {
    t,
    category: (key: string | null) => (key ? categories.get(key) ?? key : null),
    criterion: (key: string) => criteria.get(key) ?? key,
    at: (iso: string | null) => (iso ? formatInZone(new Date(iso), campaign.definition.window.timeZone) : null),
    label: (prefix: string, value: string | null) => (value ? t(`${prefix}${value}`) : null),
  };
}

const col = (t: (key: string) => string, key: string, width = 16) => ({ header: t(`export.col.${key}`), width });

async function* mapped<Row>(pages: AsyncIterable<Row[]>, row: (r: Row) => Cell[]): AsyncGenerator<Cell[][]> {
  for await (const page of pages) yield page.map(row);
}

function casesSheet(ctx: SheetContext): Omit<ExportSheet, 'name'> {
  const { t, category, at, label } = words(ctx);
  return {
    columns: [col(t, 'caseId', 38), col(t, 'title', 40), col(t, 'unit', 36), col(t, 'division', 14), col(t, 'category', 16), col(t, 'status', 12),
      col(t, 'screening', 12), col(t, 'recommendation', 24), col(t, 'submissions', 10), col(t, 'receipt', 22), col(t, 'submittedAt', 20)],
    batches: mapped(allPages((after) => listCasesPage(ctx.db, ctx.campaign.id, after), (r) => r.id), (r) => [
      r.id, r.title, r.unit_name, r.division_code, category(r.category), label('case.status.', r.status),
      r.status === 'returned' ? label('screening.state.', 'returned') : label('screening.state.', r.screening),
      label('case.recommendation.', r.recommendation), Number(r.submission_count), r.receipt_number, at(r.submitted_at),
    ]),
  };
}

const SCREENING_DECISION: Record<string, string> = {
  passed: 'screening.decision.pass', rejected: 'screening.decision.reject', returned: 'screening.decision.return', reversed: 'case.action.screen_reverse',
};

function screeningSheet(ctx: SheetContext): Omit<ExportSheet, 'name'> {
  const { t, at } = words(ctx);
  return {
    columns: [col(t, 'caseId', 38), col(t, 'title', 40), col(t, 'unit', 36), col(t, 'seq', 10), col(t, 'decision', 12), col(t, 'reason', 40),
      col(t, 'dueAt', 20), col(t, 'reversed', 12), col(t, 'decidedBy', 30), col(t, 'decidedAt', 20)],
    batches: mapped(allPages((after) => listScreeningPage(ctx.db, ctx.campaign.id, after), (r) => r.id), (r) => [
      r.case_id, r.title, r.unit_name, Number(r.seq), t(SCREENING_DECISION[r.decision] ?? r.decision), r.reason, at(r.due_at),
      r.reverses_id ? t('export.yes') : null, r.actor_label, at(r.decided_at),
    ]),
  };
}

const ASSIGNMENT_STATE: Record<string, string> = {
  proposed: 'wb.assign.state.proposed', released: 'wb.assign.state.released', handed_back: 'export.assignment.handed_back', removed: 'export.assignment.removed',
};

function assignmentsSheet(ctx: SheetContext): Omit<ExportSheet, 'name'> {
  const { t, at, label } = words(ctx);
  return {
    columns: [col(t, 'caseId', 38), col(t, 'title', 40), col(t, 'unit', 36), col(t, 'reviewer', 14), col(t, 'reviewerEmail', 28), col(t, 'assignmentState', 12),
      col(t, 'assignmentSource', 12), col(t, 'releasedAt', 20), col(t, 'endedAt', 20), col(t, 'endReason', 30), col(t, 'reviewStatus', 10), col(t, 'tier', 12)],
    batches: mapped(allPages((after) => listAssignmentsPage(ctx.db, ctx.campaign.id, after), (r) => r.id), (r) => [
      r.case_id, r.title, r.unit_name, r.reviewer_name, r.reviewer_email, t(ASSIGNMENT_STATE[r.state] ?? r.state), label('export.source.', r.source),
      at(r.released_at), at(r.ended_at), r.end_reason, label('export.review.', r.review_status ?? 'none'), label('review.tier.', r.tier),
    ]),
  };
}

/** Scores need the whole ranking (normalization reads every review of every reviewer); only the details are read a page at a time. */
function scoresSheet(ctx: SheetContext): Omit<ExportSheet, 'name'> {
  const { t, category, criterion, at, label } = words(ctx);
  const keys = ctx.campaign.definition.criteria.map((c) => c.key);
  async function* batches(): AsyncGenerator<Cell[][]> {
    const ranking = await ctx.ranking!();
    const cases = new Map(ranking.rows.map((r) => [r.caseId, r]));
    const caseFacts = new Map<string, { title: string; unit: string }>();
    for await (const page of allPages((after) => listCasesPage(ctx.db, ctx.campaign.id, after), (r) => r.id)) {
      for (const c of page) if (cases.has(c.id)) caseFacts.set(c.id, { title: c.title, unit: c.unit_name });
    }
    const place = new Map(ranking.rows.map((r, i) => [r.caseId, i]));
    const reviews = [...ranking.reviews].sort((a, b) => place.get(a.caseId)! - place.get(b.caseId)! || (a.reviewId < b.reviewId ? -1 : 1));
    for (let i = 0; i < reviews.length; i += EXPORT_PAGE) {
      const chunk = reviews.slice(i, i + EXPORT_PAGE);
      const details = new Map((await findReviewDetails(ctx.db, chunk.map((r) => r.reviewId))).map((d) => [d.id, d]));
      yield chunk.map((r) => {
        const c = cases.get(r.caseId)!;
        const d = details.get(r.reviewId);
        return [
          r.caseId, caseFacts.get(r.caseId)?.title ?? null, caseFacts.get(r.caseId)?.unit ?? null, category(c.category), d?.name ?? null, d?.email ?? null,
          ...keys.map((k) => r.raw[k] ?? null), ...keys.map((k) => r.normalized[k] ?? null), r.rawTotal, r.normalizedTotal,
          label('review.tier.', d?.tier ?? null), d?.comment || null, at(d?.submitted_at ?? null), c.raw, c.normalized, c.rank,
        ];
      });
    }
  }
  return {
    columns: [col(t, 'caseId', 38), col(t, 'title', 40), col(t, 'unit', 36), col(t, 'category', 16), col(t, 'reviewer', 14), col(t, 'reviewerEmail', 28),
      ...keys.map((k) => ({ header: t('export.col.raw', { criterion: criterion(k) }), width: 12 })),
      ...keys.map((k) => ({ header: t('export.col.normalized', { criterion: criterion(k) }), width: 12 })),
      col(t, 'rawTotal', 12), col(t, 'normalizedTotal', 12), col(t, 'tier', 12), col(t, 'comment', 40), col(t, 'decidedAt', 20),
      col(t, 'caseRaw', 12), col(t, 'caseNormalized', 12), col(t, 'rank', 8)],
    batches: batches(),
  };
}

function selectionSheet(ctx: SheetContext): Omit<ExportSheet, 'name'> {
  const { t, at, label } = words(ctx);
  async function* batches(): AsyncGenerator<Cell[][]> {
    const entries = await findSuggestedEntries(ctx.db, ctx.campaign.id);
    const suggested = new Map((entries ? JSON.parse(entries) as SelectionEntry[] : []).map((e) => [e.caseId, e.tier]));
    for await (const page of allPages((after) => listSelectionPage(ctx.db, ctx.campaign.id, after), (r) => r.case_id)) {
      yield page.map((r) => [
        r.case_id, r.title, r.unit_name, label('selection.tier.', r.tier), label('selection.tier.', suggested.get(r.case_id) ?? 'none'),
        label('export.source.', r.source), r.reason, r.decided_by, at(r.decided_at), label('selection.tier.', r.final_tier), r.serial,
      ]);
    }
  }
  return {
    columns: [col(t, 'caseId', 38), col(t, 'title', 40), col(t, 'unit', 36), col(t, 'selectionTier', 10), col(t, 'suggestedTier', 12), col(t, 'source', 14),
      col(t, 'reason', 40), col(t, 'decidedBy', 14), col(t, 'decidedAt', 20), col(t, 'finalTier', 10), col(t, 'serial', 20)],
    batches: batches(),
  };
}

function objectionsSheet(ctx: SheetContext): Omit<ExportSheet, 'name'> {
  const { t, at, label } = words(ctx);
  return {
    columns: [col(t, 'reference', 20), col(t, 'caseId', 38), col(t, 'title', 40), col(t, 'unit', 36), col(t, 'author', 12), col(t, 'authorOrganization', 30),
      col(t, 'phone', 16), col(t, 'email', 28), col(t, 'objection', 50), col(t, 'filedAt', 20), col(t, 'objectionStatus', 10), col(t, 'outcomeTier', 10),
      col(t, 'outcomeReason', 40), col(t, 'resolvedBy', 14), col(t, 'resolvedAt', 20)],
    batches: mapped(allPages((after) => listObjectionsPage(ctx.db, ctx.campaign.id, after), (r) => r.id), (r) => [
      r.reference, r.case_id, r.title, r.unit_name, r.author_name, r.author_organization, r.phone, r.email, r.body, at(r.created_at),
      label('export.objection.', r.status), label('selection.tier.', r.outcome_tier), r.outcome_reason, r.resolved_by, at(r.resolved_at),
    ]),
  };
}

const SHEETS: Record<ExportKind, (ctx: SheetContext) => Omit<ExportSheet, 'name'>> = {
  cases: casesSheet, screening: screeningSheet, assignments: assignmentsSheet, scores: scoresSheet, selection: selectionSheet, objections: objectionsSheet,
};

/** The sheet of one export kind, named in the caller's language; nothing is read until its batches are. */
export function exportSheet(kind: ExportKind, ctx: SheetContext): ExportSheet {
  return { name: translate(ctx.locale, `export.kind.${kind}`), ...SHEETS[kind](ctx) };
}
