import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/i18n/locale.ts';
import { MAIL_TEMPLATES, renderMail, type MailParams } from './mail.templates.ts';

const HOSTILE = `<script>alert("x")</script> & 'Co'`;
const LINK = 'https://zhengji.example.cn/app/join?token=abc&x=<1>';

const SAMPLE: MailParams = {
  verify_email: { link: LINK },
  reset_password: { link: LINK, hours: 2 },
  join_unit: { inviterName: HOSTILE, unitName: HOSTILE, link: LINK },
  reviewer_invite: { campaignTitle: HOSTILE, link: LINK },
  join_request: { requesterName: HOSTILE, requesterEmail: 'a@example.cn', unitName: HOSTILE, link: LINK },
  case_receipt: { caseTitle: HOSTILE, campaignTitle: HOSTILE, receiptNumber: 'Z7-20240501-ABCDEF', submittedAt: '2024-05-01 10:00:00', zone: '北京时间', contentSha256: 'a'.repeat(64), attachmentCount: 3, link: LINK, verifyLink: 'https://zhengji.example.cn/verify?number=Z7-20240501-ABCDEF' },
  case_returned: { caseTitle: HOSTILE, message: HOSTILE, dueAt: '2024-07-10 23:59:59', zone: '北京时间', link: LINK },
  case_screened: { caseTitle: HOSTILE, outcome: 'rejected', reason: HOSTILE, link: LINK },
  superior_review: { unitName: HOSTILE, caseTitle: HOSTILE, campaignTitle: HOSTILE, link: LINK, days: 30 },
  superior_review_member: { unitName: HOSTILE, superiorName: HOSTILE, caseTitle: HOSTILE, campaignTitle: HOSTILE, link: LINK },
  assignment_released: { campaignTitle: HOSTILE, count: 12, dueAt: '2024-08-31 23:59:59', zone: HOSTILE, link: LINK },
  review_reminder: { campaignTitle: HOSTILE, open: 2, dueAt: '2024-08-31 23:59:59', zone: '北京时间', link: LINK },
  review_handed_back: { campaignTitle: HOSTILE, reviewerName: HOSTILE, reviewerEmail: 'chen@example.cn', caseTitle: HOSTILE, reason: HOSTILE, link: LINK },
  audit_head: { day: '2024-05-01', seq: 1234, hash: 'a'.repeat(64), link: LINK },
  objection_received: { campaignTitle: HOSTILE, caseTitle: HOSTILE, reference: 'YY7-ABCD-EFGH', link: LINK },
  objection_routed: { campaignTitle: HOSTILE, caseTitle: HOSTILE, reference: 'YY7-ABCD-EFGH', link: LINK },
  objection_resolved: { caseTitle: HOSTILE, reference: 'YY7-ABCD-EFGH', outcome: 'upheld', tier: 'none', reason: HOSTILE, link: LINK },
  campaign_result: { campaignTitle: HOSTILE, caseTitle: HOSTILE, tier: 'best', link: LINK },
};

describe('mail templates', () => {
  it('renders the verification mail in Chinese', () => {
    const mail = renderMail('verify_email', 'zh-CN', { link: 'https://zhengji.example.cn/app/verify?token=t1' });
    expect(mail.subject).toBe('「征集平台」请验证您的邮箱');
    expect(mail.text).toBe(
      [
        '您好！',
        '感谢您注册征集平台。请点击下面的链接验证您的邮箱地址，验证后即可登录使用。',
        '验证邮箱：\nhttps://zhengji.example.cn/app/verify?token=t1',
        '如果您没有注册征集平台，请忽略本邮件。',
        '本邮件由系统自动发送，请勿直接回复。\n征集平台',
      ].join('\n\n'),
    );
    expect(mail.html).toContain('<html lang="zh-CN">');
    expect(mail.html).toContain('<a href="https://zhengji.example.cn/app/verify?token=t1" style=');
  });

  it('renders the password reset mail in English with the expiry', () => {
    const mail = renderMail('reset_password', 'en', { link: 'https://zhengji.example.cn/app/reset?token=t2', hours: 1 });
    expect(mail.subject).toBe('[Zhengji] Reset your password');
    expect(mail.text.split('\n\n').slice(1, 3)).toEqual([
      'We received a request to reset the password of your Zhengji account. Open the link below within 1 hour to choose a new password; after that the link no longer works.',
      'Choose a new password:\nhttps://zhengji.example.cn/app/reset?token=t2',
    ]);
    expect(renderMail('reset_password', 'zh-CN', { link: 'https://a.cn/r', hours: 24 }).text).toContain('请在24小时内点击下面的链接设置新密码');
  });

  it('names the inviter, the unit and the campaign in the subjects', () => {
    expect(renderMail('join_unit', 'zh-CN', { inviterName: '张伟', unitName: '浦东新区某街道党工委', link: 'https://a.cn/j' }).subject).toBe(
      '「征集平台」张伟邀请您加入「浦东新区某街道党工委」',
    );
    expect(renderMail('join_unit', 'en', { inviterName: 'Zhang Wei', unitName: 'Pudong Street Committee', link: 'https://a.cn/j' }).subject).toBe(
      '[Zhengji] Zhang Wei invites you to act for Pudong Street Committee',
    );
    expect(renderMail('reviewer_invite', 'zh-CN', { campaignTitle: '第七届全国基层党建创新典型案例征集活动', link: 'https://a.cn/r' }).subject).toBe(
      '「征集平台」邀请您担任「第七届全国基层党建创新典型案例征集活动」评审专家',
    );
    expect(renderMail('reviewer_invite', 'en', { campaignTitle: 'The Seventh Collection', link: 'https://a.cn/r' }).subject).toBe(
      '[Zhengji] Invitation to review for The Seventh Collection',
    );
  });

  it('shows the line breaks of an organizer\'s message in the HTML part, escaped, and keeps them in the text part', () => {
    const message = 'Please add:\n1. figures for 2023 <b>\n2. a photo';
    const mail = renderMail('case_returned', 'en', { caseTitle: 'Red property', message, dueAt: '2024-07-10 23:59:59', zone: 'Beijing time', link: 'https://zhengji.example.cn/app/cases/c1' });
    const p = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
    expect(mail.html).toBe([
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>[Zhengji] Case &quot;Red property&quot; returned for correction</title></head>',
      '<body style="font-family:system-ui,-apple-system,\'PingFang SC\',\'Microsoft YaHei\',sans-serif;font-size:15px;line-height:1.6;color:#1f1f1f">',
      p('Hello,'),
      p('The organizers returned your unit&#39;s case &quot;Red property&quot; for correction, saying:'),
      p('Please add:<br>1. figures for 2023 &lt;b&gt;<br>2. a photo'),
      p('Please correct it and submit it again before 2024-07-10 23:59:59 (Beijing time).'),
      p('<a href="https://zhengji.example.cn/app/cases/c1" style="display:inline-block;padding:8px 20px;background:#b71c1c;color:#fff;text-decoration:none;border-radius:4px">Correct the case</a>'),
      p('If the button does not work, copy this link into your browser’s address bar:<br><a href="https://zhengji.example.cn/app/cases/c1">https://zhengji.example.cn/app/cases/c1</a>'),
      p('Contact the organizers if anything is unclear.'),
      '<p style="margin:24px 0 0;color:#666;font-size:13px">This message was sent automatically; please do not reply to it.<br>Zhengji</p>',
      '</body></html>',
    ].join('\n'));
    expect(mail.text.split('\n\n')[2]).toBe(message);
  });

  it('shows each line of a receipt\'s figures on its own line in HTML', () => {
    const mail = renderMail('case_receipt', 'zh-CN', { ...SAMPLE.case_receipt, caseTitle: '红色物业', campaignTitle: '第七届' });
    expect(mail.html).toContain(`<p style="margin:0 0 16px">回执编号：Z7-20240501-ABCDEF<br>案例内容 SHA-256：${'a'.repeat(64)}<br>附件：3 个（每个附件的 SHA-256 见回执）</p>`);
    expect(mail.text).toContain('任何人都可以在此核验本回执：\nhttps://zhengji.example.cn/verify?number=Z7-20240501-ABCDEF');
  });

  it('keeps a subject on one line whatever a name contains', () => {
    expect(renderMail('join_unit', 'en', { inviterName: 'Eve\r\nBcc: x@y.cn', unitName: 'U', link: 'https://a.cn/j' }).subject).toBe(
      '[Zhengji] Eve Bcc: x@y.cn invites you to act for U',
    );
  });

  for (const locale of LOCALES) {
    for (const template of MAIL_TEMPLATES) {
      it(`escapes every parameter in the HTML of ${template} (${locale})`, () => {
        const mail = renderMail(template, locale, SAMPLE[template] as never);
        expect(mail.html).not.toContain('<script>');
        expect(mail.html).not.toContain('<1>');
        expect(mail.html).toContain('href="https://zhengji.example.cn/app/join?token=abc&amp;x=&lt;1&gt;"');
        if (template === 'join_unit' || template === 'reviewer_invite') {
          expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
          // The text part is plain text: the name stays as written.
          expect(mail.text).toContain(HOSTILE);
        }
        expect(mail.text).toContain(`\n${LINK}\n`);
      });
    }
  }

  it('refuses a link that is not http(s)', () => {
    expect(() => renderMail('verify_email', 'en', { link: 'javascript:alert(1)' })).toThrow(new TypeError('verify_email: the link must be an http(s) URL'));
  });
});
