import type { Locale } from '../../core/i18n/locale.ts';

// What every mail's copy is made of, shared by the parts of the catalogue (mail.templates.ts
// puts them together and lays them out).

export interface MailCopy {
  subject: string;
  paragraphs: string[];
  action: { label: string; link: string };
  closing: string[];
}

/** One template's copy in every language. */
export type CopyOf<P> = Record<Locale, (params: P) => MailCopy>;

export const ZH_BRAND = '「征集平台」';
export const EN_BRAND = '[Zhengji]';

/** A name in a subject stays on one line whatever it contains. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
