import { editionLabel, itemNumber, listOf, sectionNumber } from '../../core/i18n/messages.ts';
import { formatBytes } from '../../core/text/format-bytes.ts';
import { ApplyPanel } from './apply-panel.tsx';
import { Layout, type PageHead } from './layout.tsx';
import { pick, type SpecialPageView, type StatusView } from './special-page-view.ts';

const SECTIONS = [
  ['requirements', 'page.generalRequirements'],
  ['subject', 'page.subjectAndContent'],
  ['criteria', 'page.criteria'],
  ['style', 'page.caseStyle'],
  ['submission', 'page.submission'],
  ['publicity', 'page.publicity'],
  ['others', 'page.others'],
] as const;

export function SpecialPage(props: {
  view: SpecialPageView; head: PageHead; formUrl: string; noticeUrl?: string | undefined;
  /** The case library filtered to this campaign, when it can have cases shown. */
  libraryUrl?: string | undefined;
  /** Its newest cases shown now, linked (when it can have cases shown). */
  cases?: { href: string; title: string; unitName: string }[] | undefined;
  /** Its Atom feed of newly published cases. */
  feedUrl?: string | undefined;
  unsupportedLanguage?: string | undefined;
}) {
  const { view, head } = props;
  const { campaign: c, locale, t } = view;
  const heading = (index: number) => `${sectionNumber(locale, index + 1)}${locale === 'en' ? ' ' : ''}${t(SECTIONS[index]![1])}`;
  return (
    <Layout locale={locale} head={head} unsupportedLanguage={props.unsupportedLanguage}>
      {/* The title band belongs to the main content: a screen reader's landmarks miss nothing. */}
      <main id="main" className="special">
        <div className="hero">
          <div className="inner">
            <span className="edition">{editionLabel(locale, c.edition)}</span>
            <h1>{pick(c.title, locale)}</h1>
            <p className="theme">
              <span className="sr">{t('page.theme')}{t('punct.colon')}</span>
              {pick(c.theme, locale)}
            </p>
            <p className="meta">
              {t('page.organizers')}{t('punct.colon')}{c.organizers.map((o) => pick(o.name, locale)).join(locale === 'en' ? '; ' : t('punct.list'))}
            </p>
            <p className="meta">
              {t('page.noticeDate')}{t('punct.colon')}
              <time dateTime={view.noticeInstant.toISOString()}>{t('page.noticeAt', { when: view.noticeAt, zone: view.zone })}</time>
            </p>
            {c.noticeSource && <p className="meta">{t('page.noticeSource')}{t('punct.colon')}{pick(c.noticeSource, locale)}</p>}
          </div>
        </div>
        <div className="inner content">
          <Status status={view.status} t={t} formUrl={props.formUrl} />
          {props.noticeUrl && (
            <section id="notice" className="apply" aria-labelledby="notice-title">
              <h2 id="notice-title">{t('page.noticeTitle')}</h2>
              <p>{t('page.noticeText')}</p>
              <div className="actions"><a className="button" href={props.noticeUrl}>{t('page.noticeLink')}</a></div>
            </section>
          )}
          {props.libraryUrl && (
            <section id="cases" className="apply" aria-labelledby="cases-title">
              <h2 id="cases-title">{t('library.campaignCases')}</h2>
              <p>{t('library.campaignCasesText')}</p>
              {props.cases && props.cases.length > 0 && (
                <>
                  <h3 id="latest-cases">{t('special.latestCases')}</h3>
                  <ul className="latest-cases" aria-labelledby="latest-cases">
                    {props.cases.map((x) => (
                      <li key={x.href}><a href={x.href}>{x.title}</a> <span className="hint">{x.unitName}</span></li>
                    ))}
                  </ul>
                </>
              )}
              <div className="actions">
                <a className="button secondary" href={props.libraryUrl}>{props.cases && props.cases.length > 0 ? t('special.allCases') : t('library.campaignCases')}</a>
                {props.feedUrl && <a className="feed-link" href={props.feedUrl} type="application/atom+xml">{t('feed.subscribe')}</a>}
              </div>
            </section>
          )}
          <ApplyPanel campaign={c} phase={view.status.phase} locale={locale} t={t} opens={view.opens} closes={view.closes} zone={view.zone} formUrl={props.formUrl} />
          <nav className="toc" aria-label={t('page.contents')}>
            {SECTIONS.map(([id], i) => (
              <a key={id} href={`#${id}`}>{t(SECTIONS[i]![1])}</a>
            ))}
          </nav>
          <p>{pick(c.description, locale)}</p>

          <section id="requirements">
            <h2>{heading(0)}</h2>
            {c.generalRequirements.map((p, i) => <p key={i}>{pick(p, locale)}</p>)}
          </section>

          <section id="subject">
            <h2>{heading(1)}</h2>
            <p>{pick(c.subjectIntro, locale)}</p>
            <ol className="grid categories">
              {c.categories.map((category, i) => (
                <li key={category.key} className="card" id={`category-${category.key}`}>
                  <h3><span className="num">{i + 1}</span>{pick(category.name, locale)}</h3>
                  <p>{pick(category.description, locale)}</p>
                </li>
              ))}
            </ol>
          </section>

          <section id="criteria">
            <h2>{heading(2)}</h2>
            <ul className="grid criteria">
              {c.criteria.map((criterion) => (
                <li key={criterion.key} className="card" id={`criterion-${criterion.key}`}>
                  <h3>{pick(criterion.name, locale)}</h3>
                  <p>{pick(criterion.description, locale)}</p>
                </li>
              ))}
            </ul>
          </section>

          <section id="style">
            <h2>{heading(3)}</h2>
            <p>{t('page.caseElements')}{t('punct.colon')}</p>
            <ol className="elements">
              {c.caseStyle.elements.map((element, i) => (
                <li key={element.key}>{itemNumber(locale, i + 1)}{pick(element.name, locale)}</li>
              ))}
            </ol>
            <p>{pick(c.caseStyle.requirements, locale)}</p>
            <div className="limits">
              <div><b>≤ {c.caseStyle.summaryMaxChars}</b>{t('page.summaryLimit', { max: c.caseStyle.summaryMaxChars })}</div>
              <div><b>≤ {c.caseStyle.bodyMaxChars}</b>{t('page.bodyLimit', { max: c.caseStyle.bodyMaxChars })}</div>
            </div>
            <PlatformRules view={view} />
          </section>

          <section id="submission">
            <h2>{heading(4)}</h2>
            <h3>{t('page.window')}</h3>
            <p>{t('page.windowRange', { opens: view.opens, closes: view.closes, zone: view.zone })}</p>
            <h3>{t('page.timeline')}</h3>
            <ol className="timeline">
              {view.timeline.map((item) => (
                <li key={item.label} className={item.past ? 'past' : undefined}>
                  <time>{item.when}</time>
                  {item.label}
                </li>
              ))}
            </ol>
            {c.submission.method.map((p, i) => <p key={i}>{pick(p, locale)}</p>)}
            <p>{t('page.submissionEmail')}{t('punct.colon')}<a href={`mailto:${c.submission.email}`}>{c.submission.email}</a></p>
            <h3>{t('page.attachments')}</h3>
            <ul className="attachments">
              {c.attachments.map((a) => (
                <li key={a.key}>
                  <strong>{pick(a.name, locale)}</strong>
                  <span className={a.required ? 'tag req' : 'tag opt'}>
                    {a.required ? t('page.attachmentRequired') : t('page.attachmentOptional')}
                  </span>
                  <div className="hint">
                    {pick(a.description, locale)} {t('page.attachmentLimits', { count: a.maxCount, size: formatBytes(a.maxBytes) })}
                  </div>
                </li>
              ))}
            </ul>
            <a className="button" href={props.formUrl} download>{t('page.downloadForm')}</a>
            <p className="hint">{t('page.downloadFormHint')}</p>
          </section>

          <section id="publicity">
            <h2>{heading(5)}</h2>
            <ol className="grid">
              {c.channels.map((channel, i) => (
                <li key={channel.key} className="card">
                  <h3><span className="num">{i + 1}</span>{pick(channel.name, locale)}</h3>
                  <p>{pick(channel.description, locale)}</p>
                </li>
              ))}
            </ol>
            <p>{t('page.tiers')}{t('punct.colon')}{c.tiers.map((tier) => pick(tier.name, locale)).join(t('punct.list'))}</p>
          </section>

          <section id="others">
            <h2>{heading(6)}</h2>
            <p>{pick(c.others, locale)}</p>
            <h3>{t('page.contacts')}</h3>
            <dl className="contacts">
              <dt>{pick(c.contacts.department, locale)}</dt>
              <dd>{t('page.contactPeople')}{t('punct.colon')}{c.contacts.people.map((p) => pick(p.name, locale)).join(t('punct.list'))}</dd>
              <dd>
                {t('page.phones')}{t('punct.colon')}
                {c.contacts.phones.map((phone, i) => (
                  <span key={phone}>{i > 0 && t('punct.list')}<a href={`tel:${phone}`}>{phone}</a></span>
                ))}
              </dd>
            </dl>
          </section>
        </div>
      </main>
      <footer>
        {c.organizers.map((o) => pick(o.name, locale)).join(' · ')}
      </footer>
    </Layout>
  );
}

/** What this platform adds to the notice, marked as its own so no one takes it for the notice's words. */
function PlatformRules({ view }: { view: SpecialPageView }) {
  const { campaign: c, locale, t } = view;
  const names = (elements: typeof c.caseStyle.elements) => listOf(locale, elements.map((e) => pick(e.name, locale)));
  const required = c.caseStyle.elements.filter((e) => e.required);
  const optional = c.caseStyle.elements.filter((e) => !e.required);
  const notCounted = c.caseStyle.elements.filter((e) => !e.countsTowardBody);
  return (
    <div className="platform-rules">
      <p><strong>{t('page.platformRules')}</strong></p>
      <ul>
        <li>
          {required.length > 0 && t('page.rule.required', { names: names(required) })}
          {optional.length > 0 && `${locale === 'en' && required.length > 0 ? ' ' : ''}${t('page.rule.optional', { names: names(optional) })}`}
        </li>
        {notCounted.length > 0 && <li>{t('page.rule.notCounted', { names: names(notCounted), max: c.caseStyle.bodyMaxChars })}</li>}
        {c.caseStyle.elements.filter((e) => e.hint).map((e) => (
          <li key={e.key}>{pick(e.name, locale)}{t('punct.colon')}{pick(e.hint!, locale)}</li>
        ))}
        <li>{t('page.wordCountRule')}</li>
      </ul>
    </div>
  );
}

function Status(props: { status: StatusView; t: SpecialPageView['t']; formUrl: string }) {
  const { status, t } = props;
  const r = status.remaining;
  return (
    <div className="status" role="status">
      <span className={`badge ${status.phase}`}>{status.headline}</span>
      <p>{status.detail}</p>
      {r && (
        <div
          className="countdown"
          data-deadline={status.deadlineMs}
          data-closed={t('status.closed')}
          data-units={[t('unit.day'), t('unit.hour'), t('unit.minute'), t('unit.second')].join('|')}
        >
          <span className="label">{t('status.countdown')}</span>
          <b>{r.days}</b><span>{t('unit.day')}</span>
          <b>{r.hours}</b><span>{t('unit.hour')}</span>
          <b>{r.minutes}</b><span>{t('unit.minute')}</span>
        </div>
      )}
    </div>
  );
}
