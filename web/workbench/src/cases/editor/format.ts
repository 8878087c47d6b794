import type { Locale } from '../../../../../core/i18n/locale.ts';

// Making an Intl.DateTimeFormat is costly (the locale's and the time zone's data are looked up
// each time; the case editor's first draw spent some 100 ms on a slowed CPU on it) and the
// editor draws on every keystroke: each kind of format is made once and kept.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The kept format for `locale` and `options` (options as a fixed literal, so their JSON is a stable key). */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** An instant as a date and time on the campaign's clock (Beijing time for the national ones). */
export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  return dateFormat(locale, {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
}
