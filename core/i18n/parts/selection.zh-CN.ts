// The selection's words (server/modules/selection).
export const selectionZhCN = {
  'error.selection_not_computed': '还没有计算建议名单，请先计算。',
  'error.selection_quotas_unusable': '按现有名额设置无法得出建议名单，请查看各项问题。',
  'error.selection_case_unknown': '该案例不在本次评选的候选案例中。',
  'error.selection_reason_required': '改动评选结果必须填写理由。',
  'error.selection_reason_too_long': '理由不能超过 {max} 个字。',
  'error.selection_quota_broken': '不能这样改：{quota}限为 {limit} 个，改后将是 {count} 个。',
  'error.selection_suggestion_stale': '建议名单计算在先，与之后的手动改动不再相符：{quota}限为 {limit} 个，接受后将是 {count} 个。请重新计算建议名单。',
  'selection.tier.best': '最佳',
  'selection.tier.excellent': '优秀',
  'selection.tier.none': '未入选',
  'audit.selection.suggest': '{actor} 计算了{campaign}的建议名单：{suggested} 个案例，保留 {kept} 项人工改动',
  'audit.selection.accept': '{actor} 采纳了{campaign}的建议名单：{accepted} 个案例',
  'audit.selection.change': '{actor} 将案例“{case}”的评选结果由“{from}”改为“{to}”；理由：{reason}',
} as const;
