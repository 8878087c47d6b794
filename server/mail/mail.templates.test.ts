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
  case_receipt: { caseTitle: HOSTILE, campaignTitle: HOSTILE, receiptNumber: 'Z7-20240501-ABCDEF', submittedAt: '2024-05-01 10:00:00', zone: '北京时间', contentSha256: 'a'.repeat(64), attachmentCount: 3, link: LINK },
  case_returned: { caseTitle: HOSTILE, message: HOSTILE, dueAt: '2024-07-10 23:59:59', zone: '北京时间', link: LINK },
  superior_review: { unitName: HOSTILE, caseTitle: HOSTILE, campaignTitle: HOSTILE, link: LINK, days: 30 },
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
