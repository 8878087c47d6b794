import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, actorName, auditRefs, describeAudit, type AuditFacts, type AuditName, type AuditPart } from './describe.ts';

const CASE = 'c0000000-0000-4000-8000-000000000001';
const UNIT = 'u0000000-0000-4000-8000-000000000001';
const OTHER_UNIT = 'u0000000-0000-4000-8000-000000000002';
const USER = 'p0000000-0000-4000-8000-000000000001';
const CAMPAIGN = 'k0000000-0000-4000-8000-000000000001';
const ACTOR = '王芳 <wang@example.cn>';

const names: Record<string, AuditName> = {
  [`case:${CASE}`]: { name: '村民议事会', href: `/app/cases/${CASE}` },
  [`unit:${UNIT}`]: { name: '杨庄村党支部', href: `/app/org/units/${UNIT}` },
  [`unit:${OTHER_UNIT}`]: { name: '杨庄镇党委', href: `/app/org/units/${OTHER_UNIT}` },
  [`user:${USER}`]: { name: '李秘书', href: null },
  [`campaign:${CAMPAIGN}`]: { name: '第七届全国基层党建典型案例', href: '/campaigns/seventh' },
};

const entry = (action: string, subjectType: string, subjectId: string | null, change: Record<string, unknown> = {}, actorLabel = ACTOR): AuditFacts =>
  ({ action, actorLabel, subjectType, subjectId, change });

// One entry per action code, with the change the server writes for it.
const SAMPLES: Record<string, AuditFacts> = {
  'case.create': entry('case.create', 'case', CASE, { title: '村民议事会' }),
  'case.submit': entry('case.submit', 'case', CASE, { receiptNumber: 'ZJ7-0001-1' }),
  'case.withdraw': entry('case.withdraw', 'case', CASE),
  'case.return': entry('case.return', 'case', CASE, { dueAt: '2026-05-01T08:00:00.000Z' }),
  'case.request_review': entry('case.request_review', 'case', CASE, { superiorOrganizationId: OTHER_UNIT }),
  'case.recommend': entry('case.recommend', 'case', CASE),
  'case.decline': entry('case.decline', 'case', CASE),
  'case.unit_merged': entry('case.unit_merged', 'case', CASE, { fromUnit: UNIT, intoUnit: OTHER_UNIT }),
  'case.screen_pass': entry('case.screen_pass', 'case', CASE, { seq: 1 }),
  'case.screen_reject': entry('case.screen_reject', 'case', CASE, { message: '与主题无关', seq: 1 }),
  'case.screen_reverse': entry('case.screen_reverse', 'case', CASE, { message: '复核后撤销', seq: 1, was: 'passed' }),
  'campaign.extend_deadline': entry('campaign.extend_deadline', 'campaign', CAMPAIGN, { organizationId: UNIT, closesAt: '2026-05-01T08:00:00.000Z' }),
  'campaign.move_phase': entry('campaign.move_phase', 'campaign', CAMPAIGN, { from: 'screening', to: 'review', reason: null, definitionVersion: 1 }),
  'attachment.add': entry('attachment.add', 'case', CASE, { fileName: '现场照片.jpg' }),
  'attachment.remove': entry('attachment.remove', 'case', CASE, { fileName: '现场照片.jpg' }),
  'organization.register': entry('organization.register', 'organization', UNIT),
  'organization.update': entry('organization.update', 'organization', UNIT),
  'organization.merge': entry('organization.merge', 'organization', UNIT, { into: OTHER_UNIT }),
  'organization.invite_operator': entry('organization.invite_operator', 'organization', UNIT, { email: 'li@example.cn' }),
  'organization.join': entry('organization.join', 'organization', UNIT),
  'organization.join_request': entry('organization.join_request', 'organization', UNIT),
  'account.sign_up': entry('account.sign_up', 'user', USER),
  'account.verify_email': entry('account.verify_email', 'user', USER),
  'account.update': entry('account.update', 'user', USER),
  'auth.sign_in': entry('auth.sign_in', 'session', 's1'),
  'auth.sign_in_failed': entry('auth.sign_in_failed', 'email', 'li@example.cn', {}, 'li@example.cn'),
  'auth.sign_out': entry('auth.sign_out', 'session', 's1'),
  'auth.password_reset': entry('auth.password_reset', 'user', USER),
  'auth.password_change': entry('auth.password_change', 'user', USER),
  'role.grant': entry('role.grant', 'user', USER, { role: 'reviewer', campaignId: CAMPAIGN }),
  'reviewer.invite': entry('reviewer.invite', 'campaign', CAMPAIGN, { email: 'chen@example.cn' }),
  'reviewer.profile': entry('reviewer.profile', 'user', USER),
  'reviewer.import': entry('reviewer.import', 'campaign', CAMPAIGN, { imported: 3, updated: 1, refused: 2, invited: ['chen@example.cn'] }),
  'reference.import': entry('reference.import', 'campaign', CAMPAIGN, { imported: 12, skipped: 2, refused: 1 }),
  'conflict.declare': entry('conflict.declare', 'case', CASE, { reviewerId: 'r1', reason: '曾为该单位授课' }),
  'conflict.dismiss': entry('conflict.dismiss', 'case', CASE, { reviewerId: 'r1', reviewerEmail: 'chen@example.cn', reasons: ['same_division'], reason: '已调离' }),
  'assignment.run': entry('assignment.run', 'campaign', CAMPAIGN, { runId: 'run1' }),
  'assignment.add': entry('assignment.add', 'case', CASE, { assignmentId: 'a1', reviewerId: 'r1', reviewerEmail: 'chen@example.cn' }),
  'assignment.remove': entry('assignment.remove', 'case', CASE, { assignmentId: 'a1', reviewerId: 'r1' }),
  'assignment.release': entry('assignment.release', 'campaign', CAMPAIGN, { released: 9, reviewers: 3, override: false, reason: null, shortfall: [] }),
  'review.submit': entry('review.submit', 'case', CASE, { assignmentId: 'a1', reviewerId: 'r1', scores: { authenticity: 4 }, tier: 'best', definitionVersion: 1 }),
  'selection.suggest': entry('selection.suggest', 'campaign', CAMPAIGN, { candidates: 40, suggested: 10, kept: 1, binding: 2 }),
  'selection.accept': entry('selection.accept', 'campaign', CAMPAIGN, { accepted: 9, computedAt: '2026-12-07T01:00:00.000Z' }),
  'selection.change': entry('selection.change', 'case', CASE, { campaignId: CAMPAIGN, from: 'excellent', to: 'none', reason: '材料失实' }),
  'notice.publish': entry('notice.publish', 'campaign', CAMPAIGN, { entries: 100, days: 7, endsAt: '2026-12-13T16:00:00.000Z' }),
  'notice.finalize': entry('notice.finalize', 'campaign', CAMPAIGN, { best: 30, excellent: 69 }),
  'objection.file': entry('objection.file', 'case', CASE, { campaignId: CAMPAIGN, reference: 'YY7-ABCD-EFGH' }),
  'objection.resolve': entry('objection.resolve', 'case', CASE, { campaignId: CAMPAIGN, reference: 'YY7-ABCD-EFGH', outcome: 'upheld', from: 'best', to: 'none', reason: '数据重复统计' }),
  'publication.create': entry('publication.create', 'case', CASE, { publicId: 'p1', submissionId: 's1' }),
  'publication.edit': entry('publication.edit', 'case', CASE, { publicId: 'p1', version: 2, fields: ['title'] }),
  'publication.publish': entry('publication.publish', 'case', CASE, { publicId: 'p1', version: 3, tier: null }),
  'publication.unpublish': entry('publication.unpublish', 'case', CASE, { publicId: 'p1', version: 4 }),
  'publication.recreate': entry('publication.recreate', 'case', CASE, { publicId: 'p1', version: 5, fromSubmissionId: 's1', submissionId: 's2', takenDown: true }),
  'library_import.run': entry('library_import.run', 'campaign', CAMPAIGN, { fileName: '第六届.xlsx', sha256: 'ab', written: 12, duplicates: 0, editions: [6] }),
};

// A move back carries its reason and reads differently from a move on.
const MOVE_BACK = entry('campaign.move_phase', 'campaign', CAMPAIGN, { from: 'review', to: 'screening', reason: '初审有误', definitionVersion: 1 });

const EN = {
  'case.create': '王芳 created the case “[村民议事会]”',
  'case.submit': '王芳 submitted the case “[村民议事会]”, receipt ZJ7-0001-1',
  'case.withdraw': '王芳 withdrew the case “[村民议事会]”',
  'case.return': '王芳 returned the case “[村民议事会]” for correction by 2026-05-01',
  'case.request_review': '王芳 asked [杨庄镇党委] to recommend the case “[村民议事会]”',
  'case.recommend': '王芳 recommended the case “[村民议事会]”',
  'case.decline': '王芳 declined to recommend the case “[村民议事会]”',
  'case.unit_merged': '王芳 merged units: the case “[村民议事会]” moved from [杨庄村党支部] to [杨庄镇党委]',
  'case.screen_pass': '王芳 passed the case “[村民议事会]” in screening',
  'case.screen_reject': '王芳 rejected the case “[村民议事会]” in screening: 与主题无关',
  'case.screen_reverse': '王芳 withdrew the screening decision on the case “[村民议事会]”: 复核后撤销',
  'campaign.move_phase': '王芳 moved [第七届全国基层党建典型案例] on from screening to expert review',
  'campaign.extend_deadline': '王芳 extended the deadline of [杨庄村党支部] in [第七届全国基层党建典型案例] to 2026-05-01',
  'attachment.add': '王芳 added the attachment “现场照片.jpg” to the case “[村民议事会]”',
  'attachment.remove': '王芳 removed the attachment “现场照片.jpg” from the case “[村民议事会]”',
  'organization.register': '王芳 registered the unit [杨庄村党支部]',
  'organization.update': '王芳 changed the details of the unit [杨庄村党支部]',
  'organization.merge': '王芳 merged the unit [杨庄村党支部] into [杨庄镇党委]',
  'organization.invite_operator': '王芳 invited li@example.cn to join the unit [杨庄村党支部]',
  'organization.join': '王芳 accepted an invitation and joined the unit [杨庄村党支部]',
  'organization.join_request': '王芳 asked to join the unit [杨庄村党支部]',
  'account.sign_up': '王芳 signed up',
  'account.verify_email': '王芳 verified their e-mail address',
  'account.update': '王芳 changed their account settings',
  'auth.sign_in': '王芳 signed in',
  'auth.sign_in_failed': 'A sign-in as li@example.cn failed',
  'auth.sign_out': '王芳 signed out',
  'auth.password_reset': '王芳 reset their password by e-mail',
  'auth.password_change': '王芳 changed their password',
  'role.grant': '王芳 accepted an invitation and became a reviewer of [第七届全国基层党建典型案例]',
  'reviewer.invite': '王芳 invited chen@example.cn to review [第七届全国基层党建典型案例]',
  'reviewer.profile': '王芳 updated their reviewer profile',
  'reviewer.import': '王芳 imported reviewers into [第七届全国基层党建典型案例]: 3 added, 1 updated',
  'reference.import': '王芳 imported earlier campaigns’ cases into [第七届全国基层党建典型案例]: 12 added, 2 skipped',
  'conflict.declare': '王芳 declared a conflict of interest with the case “[村民议事会]”: 曾为该单位授课',
  'conflict.dismiss': '王芳 dismissed the conflict of interest between the reviewer chen@example.cn and the case “[村民议事会]”: 已调离',
  'assignment.run': '王芳 started computing the reviewer assignment of [第七届全国基层党建典型案例]',
  'assignment.add': '王芳 added the reviewer chen@example.cn to the case “[村民议事会]” by hand',
  'assignment.remove': '王芳 removed a proposed assignment of the case “[村民议事会]”',
  'assignment.release': '王芳 released the reviewer assignment of [第七届全国基层党建典型案例]: 9 assignments to 3 reviewers',
  'review.submit': '王芳 submitted their scores for the case “[村民议事会]”',
  'selection.suggest': '王芳 computed the suggested selection of [第七届全国基层党建典型案例]: 10 cases, keeping 1 changes by hand',
  'selection.accept': '王芳 accepted the suggested selection of [第七届全国基层党建典型案例]: 9 cases',
  'selection.change': '王芳 changed the selection of the case “[村民议事会]” from “excellent” to “not selected”; reason: 材料失实',
  'notice.publish': '王芳 published the notice of [第七届全国基层党建典型案例]: 100 cases for 7 days',
  'notice.finalize': '王芳 confirmed the final results of [第七届全国基层党建典型案例]: 30 best and 69 excellent cases',
  'objection.file': '王芳 objected to the case “[村民议事会]”, reference YY7-ABCD-EFGH',
  'objection.resolve': '王芳 upheld the objection YY7-ABCD-EFGH to the case “[村民议事会]”, now “not selected”; reason: 数据重复统计',
  'publication.create': '王芳 made the public copy of the case “[村民议事会]”',
  'publication.edit': '王芳 edited the public copy of the case “[村民议事会]”',
  'publication.publish': '王芳 published the case “[村民议事会]” online',
  'publication.unpublish': '王芳 took the case “[村民议事会]” off the public pages',
  'publication.recreate': '王芳 made the public copy of the case “[村民议事会]” again from its latest submitted version',
  'library_import.run': '王芳 imported the earlier-edition file "第六届.xlsx" into [第七届全国基层党建典型案例]: 12 cases written',
};

const time = (iso: string) => iso.slice(0, 10);
const plain = (parts: AuditPart[]) => parts.map((p) => (typeof p === 'string' ? p : `[${p.text}]`)).join('');
const sentence = (locale: 'zh-CN' | 'en', facts: AuditFacts) => plain(describeAudit(locale, facts, names, time));

describe('describeAudit', () => {
  it('has a sample here for every action code the server may write', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('says every action as a sentence in Chinese, naming what it touched', () => {
    expect(Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, sentence('zh-CN', SAMPLES[a]!)]))).toEqual({
      'case.create': '王芳 创建了案例《[村民议事会]》',
      'case.submit': '王芳 提交了案例《[村民议事会]》，回执编号 ZJ7-0001-1',
      'case.withdraw': '王芳 撤回了案例《[村民议事会]》',
      'case.return': '王芳 退回了案例《[村民议事会]》，请于 2026-05-01 前修改',
      'case.request_review': '王芳 请 [杨庄镇党委] 推荐案例《[村民议事会]》',
      'case.recommend': '王芳 推荐了案例《[村民议事会]》',
      'case.decline': '王芳 未推荐案例《[村民议事会]》',
      'case.unit_merged': '王芳 合并单位，案例《[村民议事会]》从 [杨庄村党支部] 转到 [杨庄镇党委]',
      'case.screen_pass': '王芳 将案例《[村民议事会]》初审通过',
      'case.screen_reject': '王芳 初审不通过案例《[村民议事会]》，理由：与主题无关',
      'case.screen_reverse': '王芳 撤销了案例《[村民议事会]》的初审结论，说明：复核后撤销',
      'campaign.move_phase': '王芳 将[第七届全国基层党建典型案例]从“初审”阶段推进到“专家评审”阶段',
      'campaign.extend_deadline': '王芳 将 [杨庄村党支部] 在[第七届全国基层党建典型案例]的截止时间延长到 2026-05-01',
      'attachment.add': '王芳 添加了附件“现场照片.jpg”到案例《[村民议事会]》',
      'attachment.remove': '王芳 从案例《[村民议事会]》删除了附件“现场照片.jpg”',
      'organization.register': '王芳 注册了单位 [杨庄村党支部]',
      'organization.update': '王芳 修改了单位 [杨庄村党支部] 的信息',
      'organization.merge': '王芳 将单位 [杨庄村党支部] 并入 [杨庄镇党委]',
      'organization.invite_operator': '王芳 邀请 li@example.cn 加入单位 [杨庄村党支部]',
      'organization.join': '王芳 接受邀请，加入了单位 [杨庄村党支部]',
      'organization.join_request': '王芳 申请加入单位 [杨庄村党支部]',
      'account.sign_up': '王芳 注册了账号',
      'account.verify_email': '王芳 验证了邮箱地址',
      'account.update': '王芳 修改了账号设置',
      'auth.sign_in': '王芳 登录了工作台',
      'auth.sign_in_failed': '以 li@example.cn 登录失败',
      'auth.sign_out': '王芳 退出了登录',
      'auth.password_reset': '王芳 通过邮件重设了密码',
      'auth.password_change': '王芳 修改了密码',
      'role.grant': '王芳 接受邀请，成为[第七届全国基层党建典型案例]的评审专家',
      'reviewer.invite': '王芳 邀请 chen@example.cn 担任[第七届全国基层党建典型案例]的评审专家',
      'reviewer.profile': '王芳 更新了评审专家资料',
      'reviewer.import': '王芳 为[第七届全国基层党建典型案例]导入评审专家：新增 3 人，更新 1 人',
      'reference.import': '王芳 为[第七届全国基层党建典型案例]导入往届案例：新增 12 件，跳过 2 件',
      'conflict.declare': '王芳 声明与案例“[村民议事会]”存在利益冲突：曾为该单位授课',
      'conflict.dismiss': '王芳 排除了评审专家 chen@example.cn 与案例“[村民议事会]”的利益冲突：已调离',
      'assignment.run': '王芳 为[第七届全国基层党建典型案例]开始计算评审分配',
      'assignment.add': '王芳 手动为案例“[村民议事会]”增加评审专家 chen@example.cn',
      'assignment.remove': '王芳 移除了案例“[村民议事会]”的一项待发布分配',
      'assignment.release': '王芳 发布了[第七届全国基层党建典型案例]的评审分配：9 项，涉及 3 位专家',
      'review.submit': '王芳 提交了对案例“[村民议事会]”的评分',
      'selection.suggest': '王芳 计算了[第七届全国基层党建典型案例]的建议名单：10 个案例，保留 1 项人工改动',
      'selection.accept': '王芳 采纳了[第七届全国基层党建典型案例]的建议名单：9 个案例',
      'selection.change': '王芳 将案例“[村民议事会]”的评选结果由“优秀”改为“未入选”；理由：材料失实',
      'notice.publish': '王芳 发布了[第七届全国基层党建典型案例]的公示：100 个案例，公示 7 天',
      'notice.finalize': '王芳 确认了[第七届全国基层党建典型案例]的最终结果：最佳案例 30 个，优秀案例 69 个',
      'objection.file': '王芳 对案例“[村民议事会]”提出异议，受理编号 YY7-ABCD-EFGH',
      'objection.resolve': '王芳 认定对案例“[村民议事会]”的异议 YY7-ABCD-EFGH 成立，结果改为“未入选”；理由：数据重复统计',
      'publication.create': '王芳 生成了案例《[村民议事会]》的公开版本',
      'publication.edit': '王芳 修改了案例《[村民议事会]》的公开版本',
      'publication.publish': '王芳 将案例《[村民议事会]》网上展示',
      'publication.unpublish': '王芳 撤下了网上展示的案例《[村民议事会]》',
      'publication.recreate': '王芳 按最新报送版本重新生成了案例《[村民议事会]》的公开版本',
      'library_import.run': '王芳 向[第七届全国基层党建典型案例]导入了往届案例文件“第六届.xlsx”：写入 12 个案例',
    });
  });

  it('says every action as a sentence in English', () => {
    expect(Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, sentence('en', SAMPLES[a]!)]))).toEqual(EN);
  });

  it('links what the server linked and names what it could not find as gone', () => {
    expect(describeAudit('zh-CN', SAMPLES['attachment.add']!, names, time)).toEqual([
      '王芳 添加了附件“现场照片.jpg”到案例《', { text: '村民议事会', href: `/app/cases/${CASE}` }, '》',
    ]);
    expect(sentence('zh-CN', MOVE_BACK)).toBe('王芳 将[第七届全国基层党建典型案例]从“专家评审”阶段退回“初审”阶段，理由：初审有误');
    expect(sentence('en', MOVE_BACK)).toBe('王芳 moved [第七届全国基层党建典型案例] back from expert review to screening, because: 初审有误');
    expect(sentence('en', SAMPLES['organization.merge']!)).toBe('王芳 merged the unit [杨庄村党支部] into [杨庄镇党委]');
    expect(plain(describeAudit('zh-CN', SAMPLES['case.withdraw']!, {}, time))).toBe('王芳 撤回了案例《（已不存在）》');
  });

  it('says each role a grant gives, and a superior asked by address', () => {
    expect(sentence('zh-CN', entry('role.grant', 'user', USER, { role: 'organizer', campaignId: null }, 'ZHENGJI_ADMIN_EMAIL'))).toBe('按服务器配置，[李秘书] 成为全平台的主办方人员');
    expect(sentence('en', entry('role.grant', 'user', USER, { role: 'learner', campaignId: null }))).toBe('王芳 became a learner');
    expect(sentence('zh-CN', entry('case.request_review', 'case', CASE, { superiorEmail: 'dw@example.cn' }))).toBe('王芳 请 dw@example.cn 推荐案例《[村民议事会]》');
  });

  it('keeps an action this version does not know readable, with its code', () => {
    expect(sentence('zh-CN', entry('case.archive', 'case', CASE))).toBe('王芳：case.archive');
  });
});

describe('auditRefs', () => {
  it('lists what an entry names by id, for one lookup per page', () => {
    expect(auditRefs(SAMPLES['case.unit_merged']!)).toEqual([{ kind: 'case', id: CASE }, { kind: 'unit', id: UNIT }, { kind: 'unit', id: OTHER_UNIT }]);
    expect(auditRefs(SAMPLES['auth.sign_in']!)).toEqual([]);
  });
});

describe('actorName', () => {
  it('takes the name out of "name <address>" and keeps other labels whole', () => {
    expect([actorName(ACTOR), actorName('li@example.cn'), actorName('anonymous')]).toEqual(['王芳', 'li@example.cn', 'anonymous']);
  });
});
