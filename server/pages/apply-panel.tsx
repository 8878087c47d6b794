import type { Campaign } from '../../core/campaign/campaign.schema.ts';
import type { WindowPhase } from '../../core/campaign/campaign.window.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Translator } from '../../core/i18n/messages.ts';
import { formatBytes } from '../../core/text/format-bytes.ts';
import { pick } from './special-page-view.ts';

/** Where starting a case for this campaign lands once the visitor has an account and is signed in. */
export const startCasePath = (slug: string) => `/app/cases?new=${encodeURIComponent(slug)}`;

/** The workbench's sign-up and sign-in, each carrying the way back to starting a case. */
export function applyLinks(slug: string, locale: Locale): { start: string; signIn: string } {
  const next = encodeURIComponent(startCasePath(slug));
  return { start: `/app/sign-up?next=${next}&lang=${locale}`, signIn: `/app/sign-in?next=${next}&lang=${locale}` };
}

/** 申报案例 and 登录工作台 while the window is open; when it opens or that it closed otherwise. */
export function ApplyActions(props: { slug: string; phase: WindowPhase; locale: Locale; t: Translator; opens: string; closes: string; zone: string }) {
  const { t, phase } = props;
  if (phase === 'upcoming') return <p className="apply-when">{t('apply.upcoming', { opens: props.opens, zone: props.zone })}</p>;
  if (phase === 'closed') return <p className="apply-when">{t('apply.closed', { closes: props.closes, zone: props.zone })}</p>;
  const links = applyLinks(props.slug, props.locale);
  return (
    <div className="actions">
      <a className="button" href={links.start}>{t('apply.start')}</a>
      <a className="button secondary" href={links.signIn}>{t('apply.signIn')}</a>
    </div>
  );
}

/** The special page's way into online submission: the action, what to prepare, and the e-mail route. */
export function ApplyPanel(props: { campaign: Campaign; phase: WindowPhase; locale: Locale; t: Translator; opens: string; closes: string; zone: string; formUrl: string }) {
  const { campaign: c, locale, t } = props;
  const style = c.caseStyle;
  const elements = style.elements.map((e) => pick(e.name, locale)).join(t('punct.list'));
  return (
    <section id="apply" className="apply" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('apply.title')}</h2>
      <ApplyActions slug={c.slug} phase={props.phase} locale={locale} t={t} opens={props.opens} closes={props.closes} zone={props.zone} />
      {props.phase === 'open' && <p className="hint">{t('apply.openHint')}</p>}
      <h3>{t('apply.prepare')}</h3>
      <ul className="prepare">
        <li>{t('apply.prepareText', { elements, summary: style.summaryMaxChars, body: style.bodyMaxChars })}</li>
        <li>{t('apply.prepareForm')} <a href={props.formUrl} download>{t('page.downloadForm')}</a></li>
        {c.attachments.map((a) => (
          <li key={a.key}>
            {t('apply.prepareAttachment', {
              name: pick(a.name, locale),
              required: a.required ? t('page.attachmentRequired') : t('page.attachmentOptional'),
              count: a.maxCount,
              size: formatBytes(a.maxBytes),
            })}
          </li>
        ))}
      </ul>
      <p>{t('apply.emailRoute')}<a href={`mailto:${c.submission.email}`}>{c.submission.email}</a></p>
    </section>
  );
}
