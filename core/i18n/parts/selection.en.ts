import type { selectionZhCN } from './selection.zh-CN.ts';

export const selectionEn: Record<keyof typeof selectionZhCN, string> = {
  'error.selection_not_computed': 'No selection has been suggested yet; compute the suggestion first.',
  'error.selection_quotas_unusable': 'No selection can be suggested under these quotas; see the problems listed.',
  'error.selection_case_unknown': 'This case is not among the candidates of the selection.',
  'error.selection_reason_required': 'A change to the selection needs a reason.',
  'error.selection_reason_too_long': 'The reason may be at most {max} characters long.',
  'error.selection_quota_broken': 'This change would break a quota — {quota}: the limit is {limit}, the change would make it {count}.',
  'error.selection_suggestion_stale': 'The suggestion was computed before a change by hand and no longer fits it — {quota}: the limit is {limit}, accepting would make it {count}. Compute the suggestion again.',
  'selection.tier.best': 'best',
  'selection.tier.excellent': 'excellent',
  'selection.tier.none': 'not selected',
  'audit.selection.suggest': '{actor} computed the suggested selection of {campaign}: {suggested} cases, keeping {kept} changes by hand',
  'audit.selection.accept': '{actor} accepted the suggested selection of {campaign}: {accepted} cases',
  'audit.selection.change': '{actor} changed the selection of the case “{case}” from “{from}” to “{to}”; reason: {reason}',
};
