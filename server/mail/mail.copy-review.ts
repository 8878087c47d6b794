import { EN_BRAND, ZH_BRAND, oneLine, type CopyOf } from './mail.copy.ts';
import type { MailParams } from './mail.templates.ts';

// The mails of expert review: the invitation, released assignments, reminders and hand-backs.

type ReviewTemplate = 'reviewer_invite' | 'assignment_released' | 'review_reminder' | 'review_handed_back';

export const reviewCopy: { [T in ReviewTemplate]: CopyOf<MailParams[T]> } = {
  assignment_released: {
    'zh-CN': ({ campaignTitle, count, dueAt, zone, link }) => ({
      subject: `${ZH_BRAND}「${oneLine(campaignTitle)}」已为您分配 ${count} 件评审案例`,
      paragraphs: [`「${campaignTitle}」已为您分配 ${count} 件案例，请于 ${dueAt}（${zone}）前完成评审。请点击下面的链接登录评审工作台。`],
      action: { label: '打开评审工作台', link },
      closing: ['如发现与某件案例存在利益冲突，请在工作台中声明并退回该案例。'],
    }),
    en: ({ campaignTitle, count, dueAt, zone, link }) => ({
      subject: `${EN_BRAND} ${count} ${count === 1 ? 'case' : 'cases'} to review for ${oneLine(campaignTitle)}`,
      paragraphs: [`You have been assigned ${count} ${count === 1 ? 'case' : 'cases'} to review for ${campaignTitle}. Please finish your reviews by ${dueAt} (${zone}). Open the link below to sign in to your review workbench.`],
      action: { label: 'Open the review workbench', link },
      closing: ['If you have a conflict of interest with a case, declare it in the workbench and hand the case back.'],
    }),
  },
  reviewer_invite: {
    'zh-CN': ({ campaignTitle, link }) => ({
      subject: `${ZH_BRAND}邀请您担任「${oneLine(campaignTitle)}」评审专家`,
      paragraphs: [`主办单位诚挚邀请您担任「${campaignTitle}」的评审专家。请点击下面的链接接受邀请并完成账户设置。`],
      action: { label: '接受邀请', link },
      closing: ['如果您无法参加本次评审，请忽略本邮件。'],
    }),
    en: ({ campaignTitle, link }) => ({
      subject: `${EN_BRAND} Invitation to review for ${oneLine(campaignTitle)}`,
      paragraphs: [`The organizers invite you to serve as a reviewer for ${campaignTitle}. Open the link below to accept the invitation and set up your account.`],
      action: { label: 'Accept the invitation', link },
      closing: ['If you cannot take part in this review, you can ignore this message.'],
    }),
  },
  review_reminder: {
    'zh-CN': ({ campaignTitle, open, dueAt, zone, link }) => ({
      subject: `${ZH_BRAND}「${oneLine(campaignTitle)}」评审将于 ${dueAt} 截止`,
      paragraphs: [`您在「${campaignTitle}」中还有 ${open} 个案例的评分尚未提交。评审截止时间为 ${dueAt}（${zone}），请在截止前完成并提交评分。`],
      action: { label: '进入我的评审', link },
      closing: ['如与某个案例存在利益冲突，请在评审页面选择“我有利益冲突”。'],
    }),
    en: ({ campaignTitle, open, dueAt, zone, link }) => ({
      subject: `${EN_BRAND} Reviews for ${oneLine(campaignTitle)} are due ${dueAt}`,
      paragraphs: [`You have ${open} ${open === 1 ? 'case' : 'cases'} in ${campaignTitle} whose scores are not submitted yet. Reviews are due ${dueAt} (${zone}); please submit your scores before then.`],
      action: { label: 'Open my reviews', link },
      closing: ['If you have a conflict of interest with a case, choose "I have a conflict" on its review page.'],
    }),
  },
  review_handed_back: {
    'zh-CN': ({ campaignTitle, reviewerName, reviewerEmail, caseTitle, reason, link }) => ({
      subject: `${ZH_BRAND}评审专家声明利益冲突，案例「${oneLine(caseTitle)}」待重新分配`,
      paragraphs: [`「${campaignTitle}」的评审专家 ${reviewerName}（${reviewerEmail}）声明与案例「${caseTitle}」存在利益冲突，已退回该案例。说明如下：`, reason, '请为该案例重新分配评审专家。'],
      action: { label: '查看案例', link },
      closing: ['该声明已记入审计日志。'],
    }),
    en: ({ campaignTitle, reviewerName, reviewerEmail, caseTitle, reason, link }) => ({
      subject: `${EN_BRAND} A reviewer declared a conflict: "${oneLine(caseTitle)}" needs another reviewer`,
      paragraphs: [`${reviewerName} (${reviewerEmail}), a reviewer of ${campaignTitle}, declared a conflict of interest with the case "${caseTitle}" and handed it back, saying:`, reason, 'Please assign the case to another reviewer.'],
      action: { label: 'Open the case', link },
      closing: ['The declaration is recorded in the audit log.'],
    }),
  },
};
