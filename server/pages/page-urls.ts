import type { Locale } from '../../core/i18n/locale.ts';

/** `path` in each language, absolute; the language is explicit so a shared link keeps it. */
export function alternatesOf(baseUrl: string, path: string): Record<Locale, string> {
  const join = path.includes('?') ? '&' : '?';
  return { 'zh-CN': `${baseUrl}${path}${join}lang=zh-CN`, en: `${baseUrl}${path}${join}lang=en` };
}

export const campaignPath = (slug: string) => `/campaigns/${encodeURIComponent(slug)}`;

export const declarationFormPath = (slug: string, locale: Locale) =>
  `${campaignPath(slug)}/declaration-form.docx?lang=${locale}`;

/** The canonical address of a published case: stable for as long as its public copy exists. */
export const publicCasePath = (slug: string, publicId: string) => `${campaignPath(slug)}/cases/${encodeURIComponent(publicId)}`;

export const publicCasePhotoPath = (slug: string, publicId: string, attachmentId: string) =>
  `${publicCasePath(slug, publicId)}/photos/${encodeURIComponent(attachmentId)}`;

/** A campaign's Atom feed of newly published cases (decision 0042), in a language. */
export const campaignFeedPath = (slug: string, locale?: Locale) => `${campaignPath(slug)}/feed.atom${locale ? `?lang=${locale}` : ''}`;
