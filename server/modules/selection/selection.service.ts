import type { Kysely } from 'kysely';
import {
  breaksQuota, listQuotas, quotaCounts, selectionProblems,
  type Quota, type SelectionCandidate, type SelectionEntry, type SelectionQuotas,
} from '../../../core/review/selection.ts';
import type { SelectionDecisionTier } from '../../db/schema-selection.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { BindingQuota } from '../../review/selection-lp.ts';
import { solveSelection } from '../../review/selection-solver.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { requirePhaseOpen } from '../campaigns/campaign-phase.service.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import { computeRanking } from '../ranking/ranking.service.ts';
import { campaignForOrganizer } from '../screening/screening.service.ts';
import { newlyBroken, QuotaBrokenError, quotasAround, type BrokenQuota } from './selection-quotas.ts';
import {
  deleteSuggestedDecisions, findCaseLabels, findSuggestion, insertDecisions, listDecisions, lockCampaignSelection, markAccepted, putDecision, replaceSuggestion,
} from './selection.repository.ts';

// The selection of best and excellent cases (issue 15, item 2), for the campaign's organizers:
// a suggestion solved in a worker from the ranking's normalized scores under the campaign's
// quotas; accepting it makes its entries the organizers' decisions; a case can then be changed
// with a reason, and a change that would break a quota is refused. Recomputing replaces the
// suggestion and the decisions taken from it, and keeps every changed decision: the solver
// works around them (selection-quotas.ts). Writes take the campaign's lock, so two changes at
// once are checked one after the other.

const REASON_MAX_LENGTH = 500;

type DecisionInput = { tier: SelectionDecisionTier; reason?: string | null | undefined };

/** The suggestion, the decisions, each candidate's standing, the quotas' counts and what the selection breaks. */
export async function readSelection(db: Kysely<Database>, actor: Actor, slug: string) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  return selectionView(db, campaign);
}

/** Solves the suggestion afresh from the current ranking, keeping every changed decision. */
export async function computeSuggestion(db: Kysely<Database>, actor: Actor, slug: string, readable: AttachmentCheck, now: Date) {
  const { campaign, ranking, cases } = await computeRanking(db, actor, slug, readable, now);
  await requirePhaseOpen(db, campaign, 'select');
  const candidates: SelectionCandidate[] = ranking.rows.flatMap((r) => (r.normalized === null ? [] : [{
    id: r.caseId, category: r.category, province: cases.get(r.caseId)!.divisionCode.slice(0, 2) || null, score: r.normalized, place: r.rank ?? undefined,
  }]));
  const quotas: SelectionQuotas = campaign.definition.selection;
  const changed = (await listDecisions(db, campaign.id)).filter((d) => d.source === 'changed');
  const held = new Set(changed.map((d) => d.case_id));
  const outcome = await solveSelection(candidates.filter((c) => !held.has(c.id)), quotasAround(quotas, candidates, selectedOf(changed)));
  if (!outcome.ok) throw new AppError('selection_quotas_unusable', {}, outcome.problems);
  const { entries, binding } = outcome.suggestion;
  await inTransaction(db, async (trx) => {
    // Checked again where the write holds the phase: the solve took its time.
    await requirePhaseOpen(trx, campaign, 'select');
    await lockCampaignSelection(trx, campaign.id);
    await replaceSuggestion(trx, {
      campaign_id: campaign.id, candidates: JSON.stringify(candidates), quotas: JSON.stringify(quotas), entries: JSON.stringify(entries),
      binding: JSON.stringify(binding), computed_by: actor.userId, computed_at: now.toISOString(), accepted_by: null, accepted_at: null,
    });
    await deleteSuggestedDecisions(trx, campaign.id);
    await appendAudit(trx, {
      actorId: actor.userId, actorLabel: actorLabel(actor), action: 'selection.suggest', subjectType: 'campaign', subjectId: campaign.id,
      change: { candidates: candidates.length, suggested: entries.length, kept: changed.length, binding: binding.length },
    }, now);
  });
  return selectionView(db, campaign);
}

/** Makes every suggested entry the organizers' decision, except on cases changed by hand. */
export async function acceptSuggestion(db: Kysely<Database>, actor: Actor, slug: string, now: Date) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  await inTransaction(db, async (trx) => {
    // The phase is held from its check to the commit (a phase move takes its lock before the
    // campaign's row, so this order cannot deadlock with one).
    await requirePhaseOpen(trx, campaign, 'select');
    await lockCampaignSelection(trx, campaign.id);
    const suggestion = await findSuggestion(trx, campaign.id);
    if (!suggestion) throw new AppError('selection_not_computed');
    const changedDecisions = (await listDecisions(trx, campaign.id)).filter((d) => d.source === 'changed');
    const changed = new Set(changedDecisions.map((d) => d.case_id));
    const entries = (JSON.parse(suggestion.entries) as SelectionEntry[]).filter((e) => !changed.has(e.caseId));
    // A change made after the suggestion was computed was checked against the decisions of its
    // moment, not against this suggestion, which was not solved around it: the two together must
    // not break a quota. Only a province cap may (decision 0031: the solver cannot lower it for
    // one province); anything else means the suggestion is stale and is solved again first.
    const result = selectedOf([...changedDecisions, ...entries.map((e) => ({ case_id: e.caseId, tier: e.tier }))]);
    const broken = selectionProblems(JSON.parse(suggestion.quotas) as SelectionQuotas, JSON.parse(suggestion.candidates) as SelectionCandidate[], result)
      .filter((p): p is BrokenQuota => p.code === 'quota_broken' && p.quota.kind !== 'province_cap');
    if (broken.length > 0) throw new QuotaBrokenError(broken, campaign, 'selection_suggestion_stale');
    await deleteSuggestedDecisions(trx, campaign.id);
    await insertDecisions(trx, entries.map((e) => ({
      campaign_id: campaign.id, case_id: e.caseId, tier: e.tier, source: 'suggested', reason: null, decided_by: actor.userId, decided_at: now.toISOString(),
    })));
    await markAccepted(trx, campaign.id, actor.userId, now.toISOString());
    await appendAudit(trx, {
      actorId: actor.userId, actorLabel: actorLabel(actor), action: 'selection.accept', subjectType: 'campaign', subjectId: campaign.id,
      change: { accepted: entries.length, computedAt: suggestion.computed_at },
    }, now);
  });
  return selectionView(db, campaign);
}

/** Puts one case at a tier (or none) with a reason; refused when it would break a quota. */
export async function changeDecision(db: Kysely<Database>, actor: Actor, slug: string, caseId: string, input: DecisionInput, now: Date) {
  const campaign = await campaignForOrganizer(db, actor, slug);
  const reason = input.reason?.trim() ?? '';
  if (reason === '') throw new AppError('selection_reason_required');
  // Counted in characters as the dialog counts them: 𠮷 is one, not two UTF-16 units.
  if ([...reason].length > REASON_MAX_LENGTH) throw new AppError('selection_reason_too_long', { max: REASON_MAX_LENGTH });
  await inTransaction(db, async (trx) => {
    // Held from its check to the commit, as in acceptSuggestion.
    await requirePhaseOpen(trx, campaign, 'select');
    await lockCampaignSelection(trx, campaign.id);
    const suggestion = await findSuggestion(trx, campaign.id);
    if (!suggestion) throw new AppError('selection_not_computed');
    const candidates = JSON.parse(suggestion.candidates) as SelectionCandidate[];
    if (!candidates.some((c) => c.id === caseId)) throw new AppError('selection_case_unknown');
    const quotas = JSON.parse(suggestion.quotas) as SelectionQuotas;
    const decisions = await listDecisions(trx, campaign.id);
    const before = selectedOf(decisions);
    const after = selectedOf([...decisions.filter((d) => d.case_id !== caseId), { case_id: caseId, tier: input.tier }]);
    const broken = newlyBroken(selectionProblems(quotas, candidates, before), selectionProblems(quotas, candidates, after));
    if (broken.length > 0) throw new QuotaBrokenError(broken, campaign);
    const from = decisions.find((d) => d.case_id === caseId)?.tier ?? 'none';
    await putDecision(trx, { campaign_id: campaign.id, case_id: caseId, tier: input.tier, source: 'changed', reason, decided_by: actor.userId, decided_at: now.toISOString() });
    await appendAudit(trx, {
      actorId: actor.userId, actorLabel: actorLabel(actor), action: 'selection.change', subjectType: 'case', subjectId: caseId,
      change: { campaignId: campaign.id, from, to: input.tier, reason },
    }, now);
  });
  return selectionView(db, campaign);
}

/** The decisions that select a case, as entries. */
function selectedOf(decisions: readonly { case_id: string; tier: SelectionDecisionTier }[]): SelectionEntry[] {
  return decisions.flatMap((d) => (d.tier === 'none' ? [] : [{ caseId: d.case_id, tier: d.tier }]));
}

/** The selection as the organizers see it: suggestion, decisions, quotas and problems. */
export async function selectionView(db: Kysely<Database>, campaign: StoredCampaign) {
  const [suggestion, decisions] = await Promise.all([findSuggestion(db, campaign.id), listDecisions(db, campaign.id)]);
  if (!suggestion) return { suggestion: null, cases: [], quotas: [], problems: [] };
  const candidates = JSON.parse(suggestion.candidates) as SelectionCandidate[];
  const quotas = JSON.parse(suggestion.quotas) as SelectionQuotas;
  const suggested = new Map<string, SelectionDecisionTier>((JSON.parse(suggestion.entries) as SelectionEntry[]).map((e) => [e.caseId, e.tier]));
  const decided = new Map(decisions.map((d) => [d.case_id, d]));
  const selection = selectedOf(decisions);
  const labels = new Map((await findCaseLabels(db, candidates.map((c) => c.id))).map((l) => [l.id, l]));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const count = (quota: Quota) =>
    selection.filter((e) => byId.has(e.caseId) && quotaCounts(quota, byId.get(e.caseId)!, e.tier)).length;
  return {
    suggestion: {
      computedAt: suggestion.computed_at, computedBy: suggestion.computed_by, acceptedAt: suggestion.accepted_at, acceptedBy: suggestion.accepted_by,
      entries: JSON.parse(suggestion.entries) as SelectionEntry[], binding: JSON.parse(suggestion.binding) as BindingQuota[],
    },
    cases: candidates.map((c) => {
      const d = decided.get(c.id);
      return {
        caseId: c.id, title: labels.get(c.id)?.title ?? '', unitName: labels.get(c.id)?.unit_name ?? '', category: c.category, province: c.province, score: c.score,
        suggested: suggested.get(c.id) ?? 'none',
        decision: d ? { tier: d.tier, source: d.source, reason: d.reason, decidedBy: d.decided_by, decidedAt: d.decided_at } : null,
      };
    }),
    quotas: listQuotas(quotas, candidates).map((quota) => ({ quota, count: count(quota), broken: breaksQuota(quota, count(quota)) })),
    problems: selectionProblems(quotas, candidates, selection),
  };
}
