import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { matchLocale, negotiateLocale, type Locale } from '../../../core/i18n/locale.ts';
import { translator, type Translator } from '../../../core/i18n/messages.ts';
import { setApiLocale } from './api.ts';

// The workbench speaks the same catalogue as the server pages (core/i18n), and remembers the
// choice in the same cookie, so the special page and the workbench agree on the language.

const COOKIE = 'zhengji_lang';
const ONE_YEAR_S = 365 * 24 * 3600;

function readCookie(name: string): string | undefined {
  return document.cookie.split('; ').find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** `?lang=`, then the cookie, then the browser's languages; Chinese by default. */
export function initialLocale(): Locale {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return (asked && matchLocale(asked)) || matchLocale(readCookie(COOKIE) ?? '') || negotiateLocale(navigator.languages.join(','));
}

interface I18n {
  locale: Locale;
  t: Translator;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const first = initialLocale();
    setApiLocale(first);
    document.documentElement.lang = first;
    return first;
  });
  const setLocale = useCallback((next: Locale) => {
    setApiLocale(next);
    document.documentElement.lang = next;
    document.cookie = `${COOKIE}=${next}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(window.history.state, '', url);
    setState(next);
  }, []);
  const value = useMemo(() => ({ locale, t: translator(locale), setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
