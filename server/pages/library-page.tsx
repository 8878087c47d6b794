import { MAX_QUERY_CHARS } from '../../core/search/normalize.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import type { LibraryQuery } from '../modules/search/library.service.ts';
import { Layout, type PageHead } from './layout.tsx';
import { LIBRARY_PATH, libraryUrl, type LibraryView, type Option } from './library-view.ts';

// The public case library: a plain GET form (every search is a link to share), the results with
// their snippets, paging, and what to change when nothing matched. The snippets are the only
// markup set as HTML: core/search/snippet.ts escapes every character and adds only <mark>.

// Room for a query at its limit (core/search/normalize.ts) with spaces and full-width forms.
const QUERY_BOX_CHARS = MAX_QUERY_CHARS * 4;

export interface LibraryPageProps {
  locale: Locale;
  head: PageHead;
  query: LibraryQuery;
  view: LibraryView;
  total: number;
  /** The refusal of a query too long, in the reader's language; no search was run. */
  refusal?: string | undefined;
  unsupportedLanguage?: string | undefined;
}

function Select(props: { id: keyof LibraryQuery; label: string; options: Option[]; value: string | undefined; any: string }) {
  return (
    <p className="library-field">
      <label htmlFor={`f-${props.id}`}>{props.label}</label>
      <select id={`f-${props.id}`} name={props.id} defaultValue={props.value ?? ''}>
        <option value="">{props.any}</option>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </p>
  );
}

export function LibraryPage(props: LibraryPageProps) {
  const { locale, query, view, total } = props;
  const t = translator(locale);
  const asked = query.q.trim() !== '';
  return (
    <Layout locale={locale} head={props.head} unsupportedLanguage={props.unsupportedLanguage}>
      <main id="main" className="inner library">
        <section className="first" aria-labelledby="library-title">
          <h1 id="library-title">{t('library.title')}</h1>
          <p className="hint">{t('library.lead')}</p>
          <form method="get" action={LIBRARY_PATH} className="library-form" role="search" aria-label={t('library.form')}>
            <input type="hidden" name="lang" value={locale} />
            <p className="library-query">
              <label htmlFor="f-q">{t('library.query')}</label>
              <span className="library-search">
                <input id="f-q" name="q" type="search" defaultValue={[...query.q].slice(0, QUERY_BOX_CHARS).join('')} maxLength={QUERY_BOX_CHARS} autoComplete="off" aria-describedby="f-q-hint" />
                <button type="submit" className="button">{t('library.submit')}</button>
              </span>
              <small id="f-q-hint" className="hint">{t('library.queryHint')}</small>
            </p>
            <div className="library-filters">
              <Select id="campaign" label={t('library.campaign')} options={view.campaigns} value={query.campaign} any={t('library.any')} />
              <Select id="category" label={t('library.category')} options={view.categories} value={query.category} any={t('library.any')} />
              <Select id="tier" label={t('library.tier')} options={view.tiers} value={query.tier} any={t('library.any')} />
              <Select id="province" label={t('library.province')} options={view.provinces} value={query.province} any={t('library.any')} />
            </div>
            {query.pageSize !== 20 && <input type="hidden" name="size" value={query.pageSize} />}
            <p className="library-reset"><a href={libraryUrl({}, locale)}>{t('library.reset')}</a></p>
          </form>
        </section>
        {props.refusal !== undefined ? (
          <section className="library-message" role="alert" data-result="refused">
            <h2>{t('library.refused')}</h2>
            <p>{props.refusal}</p>
          </section>
        ) : (
          <Results {...props} asked={asked} total={total} />
        )}
      </main>
    </Layout>
  );
}

function Results(props: LibraryPageProps & { asked: boolean }) {
  const { locale, query, view, total, asked } = props;
  const t = translator(locale);
  if (total === 0) return <Empty {...props} />;
  if (view.hits.length === 0) {
    return (
      <section className="library-message" role="status" data-result="past-end">
        <p>{t('library.pastEnd', { page: query.page, pages: view.lastPage })}</p>
        <p><a href={libraryUrl({ ...query, page: view.lastPage }, locale)}>{t('library.pastEndLink', { pages: view.lastPage })}</a></p>
      </section>
    );
  }
  return (
    <section className="library-results" aria-labelledby="library-results">
      <h2 id="library-results">{t('library.results')}</h2>
      <p className="library-count" role="status" data-total={total}>
        {t(asked ? 'library.count' : 'library.countNewest', { count: total })}
        {total > view.hits.length && t('library.range', { from: view.from, to: view.to })}
      </p>
      <ol className="library-hits" start={view.from}>
        {view.hits.map((hit) => (
          <li key={hit.path} className="library-hit">
            <h3><a href={hit.path} data-field="title" dangerouslySetInnerHTML={{ __html: hit.titleHtml }} /></h3>
            <p className="library-meta">
              {hit.tier && <span className="library-tier" data-field="tier">{hit.tier}</span>}
              <span className="sr">{t('library.unit')}</span>
              <span data-field="unit">{hit.unitName}</span>
              {hit.facts.map((f) => <span key={f}>{f}</span>)}
              <time dateTime={hit.publishedAt}>{hit.published}</time>
            </p>
            <p className="library-snippet" data-field="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
          </li>
        ))}
      </ol>
      {view.pages.length > 0 && (
        <nav className="library-pages" aria-label={t('library.pages')}>
          {view.previous && <a href={view.previous} rel="prev">{t('library.previous')}</a>}
          {view.pages.map((p, i) => (
            <span key={p.page}>
              {i > 0 && p.page - view.pages[i - 1]!.page > 1 && <span aria-hidden="true">…</span>}
              {p.current
                ? <a href={p.href} aria-current="page" aria-label={t('library.page', { page: p.page })}>{p.page}</a>
                : <a href={p.href} aria-label={t('library.page', { page: p.page })}>{p.page}</a>}
            </span>
          ))}
          {view.next && <a href={view.next} rel="next">{t('library.next')}</a>}
        </nav>
      )}
    </section>
  );
}

/** Nothing matched: name each thing the reader can change, as a link where it is one. */
function Empty(props: LibraryPageProps & { asked: boolean }) {
  const { locale, query, view, asked } = props;
  const t = translator(locale);
  const terms = query.q.trim().split(/\s+/).filter((x) => x !== '');
  if (!asked && view.filters.length === 0) {
    return <section className="library-message" role="status" data-result="empty"><p>{t('library.empty.nothingYet')}</p></section>;
  }
  const shortest = [...terms].sort((a, b) => [...a].length - [...b].length)[0];
  return (
    <section className="library-message" role="status" data-result="empty">
      <h2>{t('library.empty.title')}</h2>
      <p>{t('library.empty.try')}</p>
      <ul className="library-suggestions">
        {view.filters.map((f) => <li key={f.name}><a href={f.without}>{t('library.empty.removeFilter', { name: f.name, value: f.value })}</a></li>)}
        {terms.length > 1 && <li>{t('library.empty.fewerWords', { count: terms.length })}</li>}
        {shortest !== undefined && (
          <li><a href={libraryUrl({ ...query, q: [...shortest].slice(0, 2).join(''), page: 1 }, locale)}>{t('library.empty.otherWords', { term: [...shortest].slice(0, 2).join('') })}</a></li>
        )}
        <li><a href={libraryUrl({}, locale)}>{t('library.empty.everything')}</a></li>
      </ul>
    </section>
  );
}
