import type { Kysely } from 'kysely';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate, type MessageKey } from '../../../core/i18n/messages.ts';
import { normalizeOrgName } from '../../../core/org/org-name.ts';
import { createDivisionResolver } from '../../../core/review/division-names.ts';
import { readReviewerRow, reviewerEmail, type ReviewerRow, type RowProblem } from '../../../core/review/reviewer-rows.ts';
import type { Database } from '../../db/schema.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { isValidDivisionCode, listDivisions } from '../divisions/divisions.service.ts';
import type { SheetRow } from './reviewer-sheet.ts';
import { findLiveInvitations, findPoolRowsByEmail, findReviewerAccounts, findUnitsByNameKey } from './reviewer-pool.repository.ts';

// What each row of a reviewer sheet would do to the campaign's pool, before anything is written:
// refused (with every reason), or a reviewer to add or update, its affiliation linked to a
// registered unit where exactly one matches.

let resolveDivision: ((text: string) => string | null) | undefined;

export interface Message {
  code: string;
  message: string;
}

export interface JudgedRow {
  row: number;
  email: string | null;
  name: string | null;
  status: 'imported' | 'updated' | 'refused';
  problems: Message[];
  notes: Message[];
  /** For a row that is not refused. */
  reviewer?: ReviewerRow & { unitId: string | null };
  alreadyReviewer?: boolean;
  /** Whether committing mails an invitation: a new address, or one that never joined and holds no live invitation. */
  invite?: boolean;
}

const say = (locale: Locale, prefix: string, code: string, params: Record<string, string | number> = {}): Message =>
  ({ code, message: translate(locale, `${prefix}.${code}` as MessageKey, params) });

async function linkUnits(db: Kysely<Database>, rows: readonly ReviewerRow[]) {
  const keys = rows.filter((r) => r.affiliation).map((r) => normalizeOrgName(r.affiliation));
  const units = await findUnitsByNameKey(db, keys);
  return (row: ReviewerRow) => {
    if (!row.affiliation) return null;
    const named = units.filter((u) => u.name_key === normalizeOrgName(row.affiliation));
    // Units register once per division: among namesakes, the one in the row's province, if alone.
    const near = named.length > 1 && row.divisionCode ? named.filter((u) => u.division_code.slice(0, 2) === row.divisionCode!.slice(0, 2)) : named;
    return near.length === 1 ? near[0]! : null;
  };
}

/** Every row's outcome as it stands now; `locale` words the reasons. */
export async function judgeRows(db: Kysely<Database>, campaign: StoredCampaign, rows: readonly SheetRow[], locale: Locale, now: Date): Promise<JudgedRow[]> {
  resolveDivision ??= createDivisionResolver({ listDivisions, isValidDivisionCode });
  const categories = campaign.definition.categories.map((c) => ({ key: c.key, names: [c.name['zh-CN'], c.name.en] }));
  const read = rows.map((r) => ({ sheet: r, result: readReviewerRow(r.cells, { categories, resolveDivision: resolveDivision! }) }));
  const good = read.flatMap((r) => (r.result.ok ? [r.result.row] : []));
  const emails = good.map((r) => r.email);
  const existing = new Map((await findPoolRowsByEmail(db, campaign.id, emails)).map((r) => [r.email, r]));
  const invitedNow = new Set(await findLiveInvitations(db, campaign.id, emails, now.toISOString()));
  const reviewers = new Set((await findReviewerAccounts(db, campaign.id)).map((a) => a.email.toLowerCase()));
  const unitOf = await linkUnits(db, good);
  const firstRow = new Map<string, number>();
  return read.map(({ sheet, result }) => {
    const problems: RowProblem[] = result.ok ? [] : [...result.problems];
    if (sheet.formulas.length > 0) problems.unshift({ code: 'formula', params: { cells: sheet.formulas.join(', ') } });
    const email = result.ok ? result.row.email : reviewerEmail(sheet.cells.email) || null;
    // Only a row that will be written claims its address: a refused row must not refuse a later, good one.
    if (email) {
      const first = firstRow.get(email);
      if (first !== undefined) problems.push({ code: 'duplicate_in_file', params: { row: first } });
      else if (problems.length === 0) firstRow.set(email, sheet.number);
    }
    const base = { row: sheet.number, email, name: sheet.cells.name.trim() || null };
    if (!result.ok || problems.length > 0) {
      return { ...base, status: 'refused' as const, problems: problems.map((p) => say(locale, 'reviewerImport.problem', p.code, p.params)), notes: [] };
    }
    const row = result.row;
    const unit = unitOf(row);
    const pooled = existing.get(row.email);
    const known = pooled !== undefined;
    const alreadyReviewer = reviewers.has(row.email);
    const invite = !alreadyReviewer && (!known || (pooled.user_id === null && !invitedNow.has(row.email)));
    const notes: Message[] = [];
    if (known) notes.push(say(locale, 'reviewerImport.note', 'existing'));
    if (alreadyReviewer) notes.push(say(locale, 'reviewerImport.note', 'already_reviewer'));
    else if (invite) notes.push(say(locale, 'reviewerImport.note', 'invited'));
    if (row.affiliation) notes.push(unit ? say(locale, 'reviewerImport.note', 'unit_linked', { unit: unit.name }) : say(locale, 'reviewerImport.note', 'unit_not_linked'));
    return { ...base, status: known ? 'updated' as const : 'imported' as const, problems: [], notes, reviewer: { ...row, unitId: unit?.id ?? null }, alreadyReviewer, invite };
  });
}
