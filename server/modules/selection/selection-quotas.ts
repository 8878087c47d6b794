import {
  SELECTION_TIERS,
  type Quota, type SelectionCandidate, type SelectionEntry, type SelectionProblem, type SelectionQuotas,
} from '../../../core/review/selection.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate } from '../../../core/i18n/messages.ts';
import { AppError } from '../../errors.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import { describeDivision } from '../divisions/divisions.service.ts';

// How the organizers' changed decisions meet the quotas. The solver has no input for cases held
// at a tier, so it solves around them: without those cases, with the tier places and category
// bounds less what they hold. The province cap is one number for every province and cannot be
// lowered for one: a changed decision can make the combined selection break it, which the
// selection's problems then show.

export type BrokenQuota = Extract<SelectionProblem, { code: 'quota_broken' }>;

/** The quotas left for the other candidates once `held` (changed decisions selecting a case) keep their places. */
export function quotasAround(quotas: SelectionQuotas, candidates: readonly SelectionCandidate[], held: readonly SelectionEntry[]): SelectionQuotas {
  const categoryOf = new Map(candidates.map((c) => [c.id, c.category]));
  const taken = (test: (entry: SelectionEntry) => boolean) => held.filter(test).length;
  const less = (value: number | undefined, by: number) => (value === undefined ? undefined : Math.max(0, value - by));
  const categories = Object.fromEntries(Object.entries(quotas.categories).map(([category, { min, max }]) => {
    const count = taken((e) => categoryOf.get(e.caseId) === category);
    return [category, { min: less(min, count), max: less(max, count) }];
  }));
  const [best, excellent] = SELECTION_TIERS.map((tier) => Math.max(0, quotas[tier] - taken((e) => e.tier === tier)));
  return { ...quotas, best: best!, excellent: excellent!, categories };
}

/** The quotas `after` breaks that `before` did not, or breaks further: what a change would cause. */
export function newlyBroken(before: readonly SelectionProblem[], after: readonly SelectionProblem[]): BrokenQuota[] {
  const broken = (problems: readonly SelectionProblem[]) => problems.filter((p): p is BrokenQuota => p.code === 'quota_broken');
  const distance = ({ quota, count }: BrokenQuota) => (quota.kind === 'category_min' ? quota.limit - count : count - quota.limit);
  const was = new Map(broken(before).map((p) => [JSON.stringify(p.quota), distance(p)]));
  return broken(after).filter((p) => distance(p) > (was.get(JSON.stringify(p.quota)) ?? 0));
}

/** A quota named as organizers know it, in one language. */
export function quotaName(quota: Quota, campaign: StoredCampaign, locale: Locale): string {
  const zh = locale === 'zh-CN';
  switch (quota.kind) {
    case 'tier_places': {
      const tier = campaign.definition.tiers.find((t) => t.key === quota.tier)?.name[locale] ?? quota.tier;
      return zh ? `“${tier}”名额` : `the places for “${tier}”`;
    }
    case 'category_min':
    case 'category_max': {
      const category = campaign.definition.categories.find((c) => c.key === quota.category)?.name[locale] ?? quota.category;
      if (quota.kind === 'category_min') return zh ? `“${category}”类别最少入选数` : `the fewest selected in “${category}”`;
      return zh ? `“${category}”类别最多入选数` : `the most selected in “${category}”`;
    }
    case 'province_cap': {
      const province = describeDivision(`${quota.province}0000`)?.name ?? quota.province;
      return zh ? `${province}最多入选数` : `the most selected from ${province}`;
    }
  }
}

/**
 * A change (or an accept, `selection_suggestion_stale`) refused for the first quota it would
 * break, named in the reader's language; details list every one.
 */
export class QuotaBrokenError extends AppError {
  constructor(
    private readonly broken: BrokenQuota[],
    private readonly campaign: StoredCampaign,
    code: 'selection_quota_broken' | 'selection_suggestion_stale' = 'selection_quota_broken',
  ) {
    const { quota, count } = broken[0]!;
    super(code, { quota: quotaName(quota, campaign, 'en'), limit: quota.limit, count }, broken);
  }

  override messageIn(locale: Locale): string {
    const { quota, count } = this.broken[0]!;
    const key = this.code === 'selection_suggestion_stale' ? 'error.selection_suggestion_stale' : 'error.selection_quota_broken';
    return translate(locale, key, { quota: quotaName(quota, this.campaign, locale), limit: quota.limit, count });
  }
}
