// The demo's sign-in accounts (npm run demo only).
export const demoZhCN = {
  'wb.demo.title': '演示账号',
  'wb.demo.hint': '这是演示数据。点击一个账号即可填入登录表单。',
  'wb.demo.password': '所有演示账号的密码：',
  'wb.demo.role.organizer': '主办方',
  'wb.demo.role.unit': '申报单位经办人',
  'wb.demo.role.superior': '上级党组织',
  'wb.demo.role.reviewer': '评审专家',
  'wb.demo.role.learner': '学员',
} as const;
