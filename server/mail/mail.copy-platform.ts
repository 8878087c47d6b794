import { EN_BRAND, ZH_BRAND, type CopyOf } from './mail.copy.ts';
import type { MailParams } from './mail.templates.ts';

// The mails about the platform itself, to its organizers.

export const platformCopy: { audit_head: CopyOf<MailParams['audit_head']> } = {
  audit_head: {
    'zh-CN': ({ day, seq, hash, link }) => ({
      subject: `${ZH_BRAND}${day} 审计日志链头`,
      paragraphs: [
        `这是 ${day}（北京时间）审计日志哈希链的链头。请保留本邮件：即使有人连同链头改写了整个日志，用它也能发现。`,
        `序号：${seq}\n哈希：${hash}`,
        `核验：运维人员运行 npm run audit:verify -- --head ${seq}:${hash}，结果应为“intact”（完整）。`,
      ],
      action: { label: '查看公示的链头', link },
      closing: ['同一链头也公示在平台的公开页面上，任何人都可以对照。'],
    }),
    en: ({ day, seq, hash, link }) => ({
      subject: `${EN_BRAND} Audit log head for ${day}`,
      paragraphs: [
        `This is the head of the audit log's hash chain on ${day} (Beijing time). Keep this mail: even if someone rewrote the whole log, its head included, this head would show it.`,
        `Entry: ${seq}\nHash: ${hash}`,
        `To check: an operator runs npm run audit:verify -- --head ${seq}:${hash}; it should say "intact".`,
      ],
      action: { label: 'See the published heads', link },
      closing: ['The same head is published on the platform\'s public page, where anyone can compare it.'],
    }),
  },
};
