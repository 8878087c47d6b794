import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';

export interface PageHead {
  title: string;
  description: string;
  /** Absolute URL of this page in this language. */
  url: string;
  /** Absolute URLs of this page in each language, for hreflang and the switch. */
  alternates: Record<Locale, string>;
  stylesheet: string;
  scripts?: string[];
  /** The Atom feed of the campaign's newly published cases, for feed readers to find (decision 0042). */
  feed?: { url: string; title: string } | undefined;
  /** An article (a published case): its Open Graph type, picture and time, and JSON-LD, in the page's head. */
  article?: { image?: string | undefined; publishedAt: string; jsonLd: string };
}

/** JSON for a <script> element: `<`, `>`, `&` and the line separators escaped, so no text in it can end the element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const OG_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh_CN', en: 'en_US' };

export function Layout(props: {
  locale: Locale;
  head: PageHead;
  unsupportedLanguage?: string | undefined;
  children: ReactNode;
}) {
  const { locale, head } = props;
  const t = translator(locale);
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        <meta name="description" content={head.description} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="canonical" href={head.url} />
        <link rel="alternate" hrefLang="zh-CN" href={head.alternates['zh-CN']} />
        <link rel="alternate" hrefLang="en" href={head.alternates.en} />
        <link rel="alternate" hrefLang="x-default" href={head.alternates['zh-CN']} />
        {head.feed && <link rel="alternate" type="application/atom+xml" title={head.feed.title} href={head.feed.url} />}
        <meta property="og:type" content={head.article ? 'article' : 'website'} />
        <meta property="og:site_name" content={t('site.name')} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        <meta property="og:url" content={head.url} />
        <meta property="og:locale" content={OG_LOCALE[locale]} />
        <meta property="og:locale:alternate" content={OG_LOCALE[other]} />
        {head.article?.image && <meta property="og:image" content={head.article.image} />}
        {head.article && <meta property="article:published_time" content={head.article.publishedAt} />}
        <meta name="twitter:card" content={head.article?.image ? 'summary_large_image' : 'summary'} />
        {head.article && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: head.article.jsonLd }} />}
        <link rel="stylesheet" href={head.stylesheet} />
      </head>
      <body>
        <a className="skip" href="#main">{t('site.skipToContent')}</a>
        <header className="topbar">
          <div className="inner">
            <a className="brand" href={locale === 'en' ? '/?lang=en' : '/?lang=zh-CN'}>
              {t('site.name')}
              <small>{t('site.tagline')}</small>
            </a>
            {/* Its name starts with what it shows, in that language (WCAG 2.5.3), and says what it does. */}
            <a className="lang" href={relative(head.alternates[other])} hrefLang={other}>
              <span lang={other}>{t('site.switchLanguage')}</span>
              <span className="sr"> · {t('site.switchLanguageLabel')}</span>
            </a>
          </div>
        </header>
        {props.unsupportedLanguage !== undefined && (
          <div className="notice" role="status">
            {t('site.unsupportedLanguage', { lang: props.unsupportedLanguage })}
          </div>
        )}
        {props.children}
        {head.scripts?.map((src) => <script key={src} src={src} defer />)}
      </body>
    </html>
  );
}

// The switch stays on this host even when BASE_URL names another (a proxy, a test port).
function relative(url: string): string {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
}

export function renderDocument(element: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}
