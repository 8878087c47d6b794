import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import type { CasePageView } from './case-page-view.ts';
import { Layout, type PageHead } from './layout.tsx';

// The public page of a published case: readable without JavaScript, phone first, printable.
// Every text is the public copy's; the summary and sections are case HTML already reduced to the
// allow-list on save (server/shared/case-html.ts), so they are the only markup set as HTML.

export function CasePage(props: { locale: Locale; head: PageHead; view: CasePageView; unsupportedLanguage?: string | undefined }) {
  const { locale, view } = props;
  const t = translator(locale);
  return (
    <Layout locale={locale} head={props.head} unsupportedLanguage={props.unsupportedLanguage}>
      <main id="main" className="inner case-page">
        <article>
          <header className="case-head">
            <p className="case-campaign"><a href={view.campaignUrl}>{view.campaignTitle}</a></p>
            {view.tier && <p className="case-tier" data-field="tier">{view.tier}</p>}
            <h1 data-field="title">{view.title}</h1>
            <dl className="case-facts">
              <div><dt>{t('casePage.unit')}</dt><dd data-field="unit">{view.unitName}</dd></div>
              {view.region !== '' && <div><dt>{t('casePage.region')}</dt><dd data-field="region">{view.region}</dd></div>}
              <div><dt>{t('casePage.category')}</dt><dd data-field="category">{view.category}</dd></div>
              <div><dt>{t('casePage.published')}</dt><dd><time dateTime={view.publishedAt}>{view.publishedAt}</time></dd></div>
            </dl>
          </header>
          <section className="case-summary" aria-labelledby="case-summary">
            <h2 id="case-summary">{t('casePage.summary')}</h2>
            <div className="case-text" data-field="summary" dangerouslySetInnerHTML={{ __html: view.summary }} />
          </section>
          {view.photos.length > 0 && (
            <section className="case-photos" aria-labelledby="case-photos">
              <h2 id="case-photos">{t('casePage.photos')}</h2>
              <div className="case-photo-grid">
                {view.photos.map((p) => (
                  <figure key={p.src}>
                    <img src={p.src} alt={p.alt} loading="lazy" decoding="async" {...(p.width && p.height ? { width: p.width, height: p.height } : {})} />
                  </figure>
                ))}
              </div>
            </section>
          )}
          {view.sections.map((s) => (
            <section key={s.key} className="case-section" aria-labelledby={`section-${s.key}`}>
              <h2 id={`section-${s.key}`}>{s.name}</h2>
              <div className="case-text" data-field={`section-${s.key}`} dangerouslySetInnerHTML={{ __html: s.html }} />
            </section>
          ))}
        </article>
        <aside className="case-share" aria-labelledby="case-share">
          <h2 id="case-share">{t('casePage.share')}</h2>
          <img className="case-qr" src={view.qrDataUrl} alt={t('casePage.qrAlt')} width={132} height={132} />
          <p className="hint">{t('casePage.qr')}</p>
          <p>
            <label htmlFor="share-link">{t('casePage.shareLink')}</label><br />
            <input id="share-link" className="case-link" readOnly value={view.shareUrl} />
          </p>
          <p className="print-only">{view.shareUrl}</p>
          <p className="hint no-print">{t('casePage.print')}</p>
        </aside>
      </main>
    </Layout>
  );
}

/** The page a shared link opens once organizers took the case down: a plain statement, no trace of the case. */
export function TakenDownPage(props: { locale: Locale; head: PageHead; campaignUrl: string; campaignTitle: string; unsupportedLanguage?: string | undefined }) {
  const t = translator(props.locale);
  return (
    <Layout locale={props.locale} head={props.head} unsupportedLanguage={props.unsupportedLanguage}>
      <main id="main" className="inner">
        <section className="first" role="status" data-result="taken-down">
          <h1>{t('casePage.withdrawn.title')}</h1>
          <p>{t('casePage.withdrawn.body')}</p>
          <a className="button" href={props.campaignUrl}>{t('casePage.withdrawn.back')}</a>
          <p className="hint">{props.campaignTitle}</p>
        </section>
      </main>
    </Layout>
  );
}
