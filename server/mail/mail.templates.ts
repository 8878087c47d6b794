import type { Locale } from '../../core/i18n/locale.ts';
import { EN_BRAND, ZH_BRAND, oneLine, type CopyOf } from './mail.copy.ts';
import { noticeCopy } from './mail.copy-notice.ts';
import { platformCopy } from './mail.copy-platform.ts';
import { reviewCopy } from './mail.copy-review.ts';

// Every mail the platform sends, in every language. The catalogue's type makes a missing
// language or a missing template a compile error; the copy is plain text and the layout
// escapes all of it for HTML, so no parameter reaches the HTML unescaped.

export interface MailParams {
  verify_email: { link: string };
  reset_password: { link: string; hours: number };
  join_unit: { inviterName: string; unitName: string; link: string };
  reviewer_invite: { campaignTitle: string; link: string };
  join_request: { requesterName: string; requesterEmail: string; unitName: string; link: string };
  case_receipt: { caseTitle: string; campaignTitle: string; receiptNumber: string; submittedAt: string; zone: string; contentSha256: string; attachmentCount: number; link: string; verifyLink: string };
  case_returned: { caseTitle: string; message: string; dueAt: string; zone: string; link: string };
  /** A screening (初审) outcome, or its reversal back to awaiting screening; `reason` is empty for a pass. */
  case_screened: { caseTitle: string; outcome: 'passed' | 'rejected' | 'reversed'; reason: string; link: string };
  /** `changed`: asked again after the text changed since the superior last decided; the page shows what changed. */
  superior_review: { unitName: string; caseTitle: string; campaignTitle: string; link: string; days: number; changed?: boolean };
  /** To the owners of a registered unit a case names as its superior: they decide signed in. */
  superior_review_member: { unitName: string; superiorName: string; caseTitle: string; campaignTitle: string; link: string };
  /** To a reviewer once a release gives them cases. */
  assignment_released: { campaignTitle: string; count: number; dueAt: string; zone: string; link: string };
  /** To a reviewer with unsubmitted assignments, so many days before the review is due. */
  review_reminder: { campaignTitle: string; open: number; dueAt: string; zone: string; link: string };
  /** To the campaign's organizers: a reviewer declared a conflict and handed a case back. */
  review_handed_back: { campaignTitle: string; reviewerName: string; reviewerEmail: string; caseTitle: string; reason: string; link: string };
  /** To the platform organizers, daily: the audit chain's head, kept outside the database. */
  audit_head: { day: string; seq: number; hash: string; link: string };
  /** To the author of an objection against the public notice, with its reference. */
  objection_received: { campaignTitle: string; caseTitle: string; reference: string; link: string };
  /** To the campaign's organizers: an objection to resolve. */
  objection_routed: { campaignTitle: string; caseTitle: string; reference: string; link: string };
  /** To the author: the outcome; `tier` is the case's tier after an upheld objection. */
  objection_resolved: { caseTitle: string; reference: string; outcome: 'upheld' | 'dismissed'; tier: 'best' | 'excellent' | 'none' | null; reason: string; link: string };
  /** To the unit's submitter once the results are final. */
  campaign_result: { campaignTitle: string; caseTitle: string; tier: 'best' | 'excellent' | 'none'; link: string };
}

export type MailTemplate = keyof MailParams;

export const MAIL_TEMPLATES = [
  'verify_email', 'reset_password', 'join_unit', 'reviewer_invite', 'join_request', 'case_receipt', 'case_returned', 'case_screened', 'superior_review', 'superior_review_member', 'assignment_released', 'review_reminder', 'review_handed_back', 'audit_head',
  'objection_received', 'objection_routed', 'objection_resolved', 'campaign_result',
] as const satisfies readonly MailTemplate[];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Catalogue = { [T in MailTemplate]: CopyOf<MailParams[T]> };

const CHROME: Record<Locale, { greeting: string; colon: string; fallback: string; automatic: string; signature: string }> = {
  'zh-CN': {
    colon: '：',
    greeting: '您好！',
    fallback: '如果按钮无法打开，请将下面的链接复制到浏览器地址栏中打开：',
    automatic: '本邮件由系统自动发送，请勿直接回复。',
    signature: '征集平台',
  },
  en: {
    colon: ':',
    greeting: 'Hello,',
    fallback: 'If the button does not work, copy this link into your browser’s address bar:',
    automatic: 'This message was sent automatically; please do not reply to it.',
    signature: 'Zhengji',
  },
};

const catalogue: Catalogue = {
  ...reviewCopy,
  ...platformCopy,
  ...noticeCopy,
  verify_email: {
    'zh-CN': ({ link }) => ({
      subject: `${ZH_BRAND}请验证您的邮箱`,
      paragraphs: ['感谢您注册征集平台。请点击下面的链接验证您的邮箱地址，验证后即可登录使用。'],
      action: { label: '验证邮箱', link },
      closing: ['如果您没有注册征集平台，请忽略本邮件。'],
    }),
    en: ({ link }) => ({
      subject: `${EN_BRAND} Please verify your email address`,
      paragraphs: ['Thank you for registering with Zhengji. Please open the link below to verify your email address; you can sign in once it is verified.'],
      action: { label: 'Verify email address', link },
      closing: ['If you did not register with Zhengji, you can ignore this message.'],
    }),
  },
  reset_password: {
    'zh-CN': ({ link, hours }) => ({
      subject: `${ZH_BRAND}重置您的密码`,
      paragraphs: [`我们收到了重置您征集平台账户密码的申请。请在${hours}小时内点击下面的链接设置新密码，逾期链接将失效。`],
      action: { label: '设置新密码', link },
      closing: ['如果您没有申请重置密码，请忽略本邮件，您的密码不会改变。'],
    }),
    en: ({ link, hours }) => ({
      subject: `${EN_BRAND} Reset your password`,
      paragraphs: [
        `We received a request to reset the password of your Zhengji account. Open the link below within ${hours} ${hours === 1 ? 'hour' : 'hours'} to choose a new password; after that the link no longer works.`,
      ],
      action: { label: 'Choose a new password', link },
      closing: ['If you did not ask to reset your password, ignore this message; your password stays as it is.'],
    }),
  },
  join_unit: {
    'zh-CN': ({ inviterName, unitName, link }) => ({
      subject: `${ZH_BRAND}${oneLine(inviterName)}邀请您加入「${oneLine(unitName)}」`,
      paragraphs: [`${inviterName}邀请您作为「${unitName}」的经办人，在征集平台上代表该单位填报和提交案例。请点击下面的链接接受邀请。`],
      action: { label: '接受邀请', link },
      closing: ['如果您不认识邀请人或不愿加入，请忽略本邮件。'],
    }),
    en: ({ inviterName, unitName, link }) => ({
      subject: `${EN_BRAND} ${oneLine(inviterName)} invites you to act for ${oneLine(unitName)}`,
      paragraphs: [`${inviterName} invites you to act for ${unitName} on Zhengji: to draft and submit cases on the unit’s behalf. Open the link below to accept the invitation.`],
      action: { label: 'Accept the invitation', link },
      closing: ['If you do not know the sender or do not wish to join, you can ignore this message.'],
    }),
  },
  join_request: {
    'zh-CN': ({ requesterName, requesterEmail, unitName, link }) => ({
      subject: `${ZH_BRAND}${oneLine(requesterName)}申请加入「${oneLine(unitName)}」`,
      paragraphs: [`${requesterName}（${requesterEmail}）在登记单位时发现「${unitName}」已在征集平台登记，申请作为经办人加入。如确认是本单位同事，请在成员页面向其邮箱发送邀请。`],
      action: { label: '打开成员页面', link },
      closing: ['如果您不认识申请人，请忽略本邮件，对方不会获得任何权限。'],
    }),
    en: ({ requesterName, requesterEmail, unitName, link }) => ({
      subject: `${EN_BRAND} ${oneLine(requesterName)} asks to join ${oneLine(unitName)}`,
      paragraphs: [`${requesterName} (${requesterEmail}) found that ${unitName} is already registered on Zhengji and asks to act for it. If this is a colleague, send an invitation to that address from the members page.`],
      action: { label: 'Open the members page', link },
      closing: ['If you do not know this person, ignore this message; they gain no access.'],
    }),
  },
  case_receipt: {
    'zh-CN': ({ caseTitle, campaignTitle, receiptNumber, submittedAt, zone, contentSha256, attachmentCount, link, verifyLink }) => ({
      subject: `${ZH_BRAND}案例「${oneLine(caseTitle)}」已提交，回执编号 ${receiptNumber}`,
      paragraphs: [
        `您单位的案例「${caseTitle}」已于 ${submittedAt}（${zone}）提交至「${campaignTitle}」。`,
        `回执编号：${receiptNumber}\n案例内容 SHA-256：${contentSha256}\n附件：${attachmentCount} 个（每个附件的 SHA-256 见回执）`,
        '请妥善保存本邮件。回执中的哈希值可证明主办单位收到的内容与您提交的完全一致：附件的 SHA-256 与对您自己的文件运行 sha256sum 的结果相同。',
        `任何人都可以在此核验本回执：\n${verifyLink}`,
      ],
      action: { label: '查看回执', link },
      closing: ['截止前如需修改，可撤回或修改后重新提交，以最后一次提交为准。'],
    }),
    en: ({ caseTitle, campaignTitle, receiptNumber, submittedAt, zone, contentSha256, attachmentCount, link, verifyLink }) => ({
      subject: `${EN_BRAND} Case "${oneLine(caseTitle)}" submitted, receipt ${receiptNumber}`,
      paragraphs: [
        `Your unit's case "${caseTitle}" was submitted to ${campaignTitle} at ${submittedAt} (${zone}).`,
        `Receipt number: ${receiptNumber}\nSHA-256 of the case content: ${contentSha256}\nAttachments: ${attachmentCount} (the receipt lists the SHA-256 of each)`,
        'Keep this message. The hashes on the receipt prove that what the organizers received is exactly what you submitted: an attachment\'s SHA-256 is what sha256sum gives on your own file.',
        `Anyone can verify this receipt at:\n${verifyLink}`,
      ],
      action: { label: 'View the receipt', link },
      closing: ['Until the deadline you can withdraw the case, or change it and submit again; the last submission counts.'],
    }),
  },
  case_returned: {
    'zh-CN': ({ caseTitle, message, dueAt, zone, link }) => ({
      subject: `${ZH_BRAND}案例「${oneLine(caseTitle)}」被退回修改`,
      paragraphs: [`主办单位将您单位的案例「${caseTitle}」退回修改，意见如下：`, message, `请在 ${dueAt}（${zone}）前修改并重新提交。`],
      action: { label: '修改案例', link },
      closing: ['如有疑问，请联系主办单位。'],
    }),
    en: ({ caseTitle, message, dueAt, zone, link }) => ({
      subject: `${EN_BRAND} Case "${oneLine(caseTitle)}" returned for correction`,
      paragraphs: [`The organizers returned your unit's case "${caseTitle}" for correction, saying:`, message, `Please correct it and submit it again before ${dueAt} (${zone}).`],
      action: { label: 'Correct the case', link },
      closing: ['Contact the organizers if anything is unclear.'],
    }),
  },
  case_screened: {
    'zh-CN': ({ caseTitle, outcome, reason, link }) => ({
      subject: `${ZH_BRAND}案例「${oneLine(caseTitle)}」${{ passed: '已通过初审', rejected: '未通过初审', reversed: '初审结论已撤销' }[outcome]}`,
      paragraphs: [
        {
          passed: `您单位的案例「${caseTitle}」已通过主办单位初审，将进入专家评审。`,
          rejected: `您单位的案例「${caseTitle}」未通过主办单位初审，理由如下：`,
          reversed: `主办单位撤销了您单位的案例「${caseTitle}」此前的初审结论，案例重新等待初审，说明如下：`,
        }[outcome],
        ...(reason ? [reason] : []),
      ],
      action: { label: '查看案例', link },
      closing: ['如有疑问，请联系主办单位。'],
    }),
    en: ({ caseTitle, outcome, reason, link }) => ({
      subject: `${EN_BRAND} Case "${oneLine(caseTitle)}" ${{ passed: 'passed screening', rejected: 'did not pass screening', reversed: 'screening decision withdrawn' }[outcome]}`,
      paragraphs: [
        {
          passed: `Your unit's case "${caseTitle}" passed the organizers' screening and goes on to expert review.`,
          rejected: `Your unit's case "${caseTitle}" did not pass the organizers' screening, for this reason:`,
          reversed: `The organizers withdrew their earlier screening decision on your unit's case "${caseTitle}"; it awaits screening again, saying:`,
        }[outcome],
        ...(reason ? [reason] : []),
      ],
      action: { label: 'View the case', link },
      closing: ['Contact the organizers if anything is unclear.'],
    }),
  },
  superior_review: {
    'zh-CN': ({ unitName, caseTitle, campaignTitle, link, days, changed }) => ({
      subject: `${ZH_BRAND}请审阅「${oneLine(unitName)}」报送的案例`,
      paragraphs: [
        `「${unitName}」拟向「${campaignTitle}」报送案例「${caseTitle}」，并将贵单位填写为其上级党组织。`,
        ...(changed ? ['该案例在贵单位上次审阅后已修改，此前的意见不再适用于修改后的文本。链接页面逐部分标出了修改之处，请重新审阅。'] : []),
        `请点击下面的链接阅读案例，选择“推荐”并填写推荐意见，或“退回”并说明理由。链接 ${days} 天内有效，无需注册登录。`,
      ],
      action: { label: '阅读并推荐', link },
      closing: ['如果贵单位不是该单位的上级党组织，请选择“退回”并说明，或忽略本邮件。'],
    }),
    en: ({ unitName, caseTitle, campaignTitle, link, days, changed }) => ({
      subject: `${EN_BRAND} Please review the case of ${oneLine(unitName)}`,
      paragraphs: [
        `${unitName} intends to submit the case "${caseTitle}" to ${campaignTitle} and names your organization as its superior Party organization.`,
        ...(changed ? ['The case was changed after your organization last read it, so your earlier answer no longer applies to its text. The page marks what changed, section by section; please read it again.'] : []),
        `Open the link below to read the case, then recommend it with your opinion or return it with a reason. The link works for ${days} days and needs no account.`,
      ],
      action: { label: 'Read and recommend', link },
      closing: ['If your organization is not this unit\'s superior, return it saying so, or ignore this message.'],
    }),
  },
  superior_review_member: {
    'zh-CN': ({ unitName, superiorName, caseTitle, campaignTitle, link }) => ({
      subject: `${ZH_BRAND}「${oneLine(unitName)}」请贵单位推荐案例`,
      paragraphs: [
        `「${unitName}」拟向「${campaignTitle}」报送案例「${caseTitle}」，并选择「${superiorName}」作为其上级党组织。`,
        '请登录平台阅读案例，选择“推荐”并填写推荐意见，或“退回”并说明理由。贵单位的成员均可在“推荐下级案例”中找到该案例。',
      ],
      action: { label: '登录并推荐', link },
      closing: ['如果贵单位不是该单位的上级党组织，请选择“退回”并说明。'],
    }),
    en: ({ unitName, superiorName, caseTitle, campaignTitle, link }) => ({
      subject: `${EN_BRAND} ${oneLine(unitName)} asks your unit to recommend a case`,
      paragraphs: [
        `${unitName} intends to submit the case "${caseTitle}" to ${campaignTitle} and has chosen ${superiorName} as its superior Party organization.`,
        'Sign in to read the case, then recommend it with your opinion or return it with a reason. Every member of your unit finds it under "Cases to recommend".',
      ],
      action: { label: 'Sign in and recommend', link },
      closing: ['If your unit is not this unit\'s superior, return it saying so.'],
    }),
  },
};

/** Renders a mail in a language; throws when a link is not an http(s) URL. */
export function renderMail<T extends MailTemplate>(template: T, locale: Locale, params: MailParams[T]): RenderedMail {
  const copy = catalogue[template][locale](params);
  if (!/^https?:\/\/\S+$/.test(copy.action.link)) throw new TypeError(`${template}: the link must be an http(s) URL`);
  const chrome = CHROME[locale];
  const text = [
    chrome.greeting,
    ...copy.paragraphs,
    `${copy.action.label}${chrome.colon}\n${copy.action.link}`,
    ...copy.closing,
    `${chrome.automatic}\n${chrome.signature}`,
  ].join('\n\n');
  const p = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
  const href = escapeHtml(copy.action.link);
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(copy.subject)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,\'PingFang SC\',\'Microsoft YaHei\',sans-serif;font-size:15px;line-height:1.6;color:#1f1f1f">',
    p(escapeHtml(chrome.greeting)),
    ...copy.paragraphs.map((text) => p(escapeLines(text))),
    p(`<a href="${href}" style="display:inline-block;padding:8px 20px;background:#b71c1c;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(copy.action.label)}</a>`),
    p(`${escapeHtml(chrome.fallback)}<br><a href="${href}">${href}</a>`),
    ...copy.closing.map((text) => p(escapeLines(text))),
    `<p style="margin:24px 0 0;color:#666;font-size:13px">${escapeHtml(chrome.automatic)}<br>${escapeHtml(chrome.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: oneLine(copy.subject), text, html };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// A paragraph's own line breaks (an organizer's message, a receipt's lines) survive in HTML,
// where a bare newline is only a space.
function escapeLines(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}
