import type { Locale } from '../../../../../core/i18n/locale.ts';

/** An instant as a date and time on the campaign's clock (Beijing time for the national ones). */
export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
}
