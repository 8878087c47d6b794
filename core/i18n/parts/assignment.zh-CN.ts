// Reviewer assignment: runs, adjusting by hand, release.
export const assignmentZhCN = {
  'error.assignment_run_running': '本次征集已有一次分配正在计算，请等它结束后再开始。',
  'error.assignment_short': '部分类别评审人次不足，不能发布：{shortfall}。请增加专家或调整分配后再发布，或填写理由后强制发布。',
  'error.assignment_override_reason': '强制发布须填写理由（至少 2 个字）。',
  'error.assignment_nothing_to_release': '没有待发布的分配。',
  'error.assignment_case_not_passed': '该案例未通过初审，不能分配评审专家。',
  'error.assignment_conflict': '该专家与该案例存在利益冲突，不能分配。',
  'error.assignment_over_capacity': '该专家已分配 {load} 件，已达上限 {capacity} 件。',
  'error.assignment_exists': '该专家已分配到该案例。',
  'error.assignment_not_qualified': '该专家的专长不含该案例的类别“{category}”。',
  'error.assignment_not_proposed': '只能移除尚未发布的分配；已发布的分配不能在此移除。',
  'assignment.shortfall': '{category}缺 {missing} 人次（{cases} 件案例）',
  'audit.assignment.run': '{actor} 为{campaign}开始计算评审分配',
  'audit.assignment.add': '{actor} 手动为案例“{case}”增加评审专家 {email}',
  'audit.assignment.remove': '{actor} 移除了案例“{case}”的一项待发布分配',
  'audit.assignment.release': '{actor} 发布了{campaign}的评审分配：{released} 项，涉及 {reviewers} 位专家',
  'audit.assignment.release_override': '{actor} 在评审人次不足的情况下强制发布了{campaign}的评审分配：{released} 项，涉及 {reviewers} 位专家；理由：{reason}',
} as const;
