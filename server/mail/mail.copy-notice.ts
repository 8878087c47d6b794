import { EN_BRAND, ZH_BRAND, oneLine, type CopyOf } from './mail.copy.ts';
import type { MailParams } from './mail.templates.ts';

// The mails of the public notice (公示): an objection acknowledged to its author and routed to
// the organizers, its outcome, and each unit's final result.

type NoticeTemplate = 'objection_received' | 'objection_routed' | 'objection_resolved' | 'campaign_result';

const TIER_ZH = { best: '最佳案例', excellent: '优秀案例', none: '未入选' } as const;
const TIER_EN = { best: 'a best case', excellent: 'an excellent case', none: 'not selected' } as const;

export const noticeCopy: { [T in NoticeTemplate]: CopyOf<MailParams[T]> } = {
  objection_received: {
    'zh-CN': ({ campaignTitle, caseTitle, reference, link }) => ({
      subject: `${ZH_BRAND}已收到您对「${oneLine(caseTitle)}」的异议（编号 ${reference}）`,
      paragraphs: [
        `我们已收到您在「${campaignTitle}」公示期间对案例「${caseTitle}」提出的异议，受理编号为 ${reference}。`,
        '主办单位将核实有关情况，处理结果将通过本邮箱告知您。查询时请提供受理编号。',
      ],
      action: { label: '查看公示', link },
      closing: ['如果您没有提出过异议，请忽略本邮件。'],
    }),
    en: ({ campaignTitle, caseTitle, reference, link }) => ({
      subject: `${EN_BRAND} Your objection to ${oneLine(caseTitle)} is received (${reference})`,
      paragraphs: [
        `We have received your objection to the case ${caseTitle} on the notice of ${campaignTitle}. Its reference number is ${reference}.`,
        'The organizers will look into it and tell you the outcome at this address. Quote the reference number in any enquiry.',
      ],
      action: { label: 'See the notice', link },
      closing: ['If you did not send an objection, you can ignore this message.'],
    }),
  },
  objection_routed: {
    'zh-CN': ({ campaignTitle, caseTitle, reference, link }) => ({
      subject: `${ZH_BRAND}「${oneLine(campaignTitle)}」公示收到新异议（${reference}）`,
      paragraphs: [`公示名单中的案例「${caseTitle}」收到一件异议，受理编号 ${reference}。请登录平台核实并记录处理结果；全部异议处理完毕后才能确认最终结果。`],
      action: { label: '处理异议', link },
      closing: [],
    }),
    en: ({ campaignTitle, caseTitle, reference, link }) => ({
      subject: `${EN_BRAND} New objection on the notice of ${oneLine(campaignTitle)} (${reference})`,
      paragraphs: [`The case ${caseTitle} on the notice has received an objection, reference ${reference}. Please sign in, look into it and record the outcome; the final results can be confirmed only once every objection is resolved.`],
      action: { label: 'Resolve the objection', link },
      closing: [],
    }),
  },
  objection_resolved: {
    'zh-CN': ({ caseTitle, reference, outcome, tier, reason, link }) => ({
      subject: `${ZH_BRAND}您的异议（${reference}）已处理`,
      paragraphs: [
        outcome === 'upheld'
          ? `经核实，您对案例「${caseTitle}」提出的异议成立。该案例的结果调整为：${TIER_ZH[tier ?? 'none']}。`
          : `经核实，您对案例「${caseTitle}」提出的异议不成立，维持原结果。`,
        `处理理由：${reason}`,
      ],
      action: { label: '查看公示', link },
      closing: [],
    }),
    en: ({ caseTitle, reference, outcome, tier, reason, link }) => ({
      subject: `${EN_BRAND} Your objection (${reference}) has been resolved`,
      paragraphs: [
        outcome === 'upheld'
          ? `Your objection to the case ${caseTitle} has been upheld. The case is now ${TIER_EN[tier ?? 'none']}.`
          : `Your objection to the case ${caseTitle} has been dismissed; the result stands.`,
        `Reason: ${reason}`,
      ],
      action: { label: 'See the notice', link },
      closing: [],
    }),
  },
  campaign_result: {
    'zh-CN': ({ campaignTitle, caseTitle, tier, link }) => ({
      subject: `${ZH_BRAND}「${oneLine(campaignTitle)}」最终结果：${TIER_ZH[tier]}`,
      paragraphs: [
        tier === 'none'
          ? `「${campaignTitle}」的最终结果已经确认。感谢您报送案例「${caseTitle}」，该案例本次未入选最佳或优秀案例。`
          : `「${campaignTitle}」的最终结果已经确认。您报送的案例「${caseTitle}」被评为${TIER_ZH[tier]}，荣誉证书可在平台上下载。`,
      ],
      action: { label: '查看结果', link },
      closing: [],
    }),
    en: ({ campaignTitle, caseTitle, tier, link }) => ({
      subject: `${EN_BRAND} Final results of ${oneLine(campaignTitle)}`,
      paragraphs: [
        tier === 'none'
          ? `The final results of ${campaignTitle} are confirmed. Thank you for submitting ${caseTitle}; it was not chosen as a best or excellent case this time.`
          : `The final results of ${campaignTitle} are confirmed. Your case ${caseTitle} was chosen as ${TIER_EN[tier]}; its certificate can be downloaded on the platform.`,
      ],
      action: { label: 'See the result', link },
      closing: [],
    }),
  },
};
