// The campaign's phase on the organizer's pages: where it stands and the move to the next one.
export const phaseZhCN = {
  'wb.phase.title': '征集活动阶段',
  'wb.phase.current': '当前阶段：',
  'wb.phase.since': '自 {at} 起',
  'wb.phase.next': '进入“{phase}”阶段',
  'wb.phase.back': '退回“{phase}”阶段',
  'wb.phase.confirmNext': '进入“{phase}”阶段？',
  'wb.phase.confirmBack': '退回“{phase}”阶段',
  'wb.phase.reason': '退回理由',
  'wb.phase.reasonHint': '理由记入审计日志。',
  'wb.phase.moved': '征集活动已进入“{phase}”阶段。',
  'wb.phase.effect.screening': '征集结束：申报单位不能再新建、提交或撤回案例，截止时间不能再延长；退回修改的案例仍可在修改期限内重新报送。',
  'wb.phase.effect.review': '评审开始：评审标准、分值和类别冻结，发布的分配对评审专家可见，专家可以打分。',
  'wb.phase.effect.selection': '评审结束：专家不能再打分，可按评分遴选最佳和优秀案例。',
  'wb.phase.effect.notice': '遴选结束，进入公示：在“公示”页发布拟推荐名单后公示开始，公示期内公众可以提出异议。',
  'wb.phase.effect.final': '公示结束，发布结果。',
  'wb.phase.effect.collection': '重新开放征集。',
} as const;
