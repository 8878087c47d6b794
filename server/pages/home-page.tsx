import { windowPhase, type WindowPhase } from '../../core/campaign/campaign.window.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import type { StoredCampaign } from '../modules/campaigns/campaigns.service.ts';
import { ApplyActions } from './apply-panel.tsx';
import { Layout, type PageHead } from './layout.tsx';
import { libraryUrl } from './library-view.ts';
import { campaignPath } from './page-urls.ts';
import { pick, specialPageView } from './special-page-view.ts';

// Open first: that is what a visitor came to act on.
const PHASES: WindowPhase[] = ['open', 'upcoming', 'closed'];

export function HomePage(props: { campaigns: StoredCampaign[]; locale: Locale; now: Date; head: PageHead; unsupportedLanguage?: string | undefined }) {
  const { locale, now } = props;
  const t = translator(locale);
  const groups = PHASES.map((phase) => ({ phase, campaigns: props.campaigns.filter((c) => windowPhase(c.window, now) === phase) }))
    .filter((g) => g.campaigns.length > 0);
  return (
    <Layout locale={locale} head={props.head} unsupportedLanguage={props.unsupportedLanguage}>
      <main id="main" className="inner">
        <section className="first">
          <h1>{t('home.title')}</h1>
          <p className="library-link"><a href={libraryUrl({}, locale)}>{t('library.link')}</a>{t('punct.colon')}{t('library.lead')}</p>
          {props.campaigns.length === 0 && <p>{t('home.empty')}</p>}
          {groups.map(({ phase, campaigns }) => (
            <div key={phase} className="campaign-group">
              <h2 id={`campaigns-${phase}`}>{t(`home.${phase}`)}</h2>
              <ul className="grid campaigns">
                {campaigns.map(({ definition: c, window }) => {
                  const view = specialPageView(c, window, locale, now);
                  return (
                    <li key={c.slug} className="card">
                      <span className={`badge ${phase}`}>{t(`status.${phase}`)}</span>
                      <h3 className="campaign-title">
                        <a href={`${campaignPath(c.slug)}?lang=${locale}`}>{pick(c.title, locale)}</a>
                      </h3>
                      <p>{pick(c.theme, locale)}</p>
                      <p className="hint">{t('page.windowRange', { opens: view.opens, closes: view.closes, zone: view.zone })}</p>
                      <ApplyActions slug={c.slug} phase={phase} locale={locale} t={t} opens={view.opens} closes={view.closes} zone={view.zone} />
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      </main>
    </Layout>
  );
}
