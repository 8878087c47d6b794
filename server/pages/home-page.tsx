import { windowPhase } from '../../core/campaign/campaign.window.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import type { StoredCampaign } from '../modules/campaigns/campaigns.service.ts';
import { Layout, type PageHead } from './layout.tsx';
import { campaignPath } from './page-urls.ts';
import { pick, specialPageView } from './special-page-view.ts';

export function HomePage(props: { campaigns: StoredCampaign[]; locale: Locale; now: Date; head: PageHead; unsupportedLanguage?: string | undefined }) {
  const { locale, now } = props;
  const t = translator(locale);
  return (
    <Layout locale={locale} head={props.head} unsupportedLanguage={props.unsupportedLanguage}>
      <main id="main" className="inner">
        <section className="first">
          <h2>{t('home.title')}</h2>
          {props.campaigns.length === 0 && <p>{t('home.empty')}</p>}
          <ul className="grid campaigns">
            {props.campaigns.map(({ definition: c, window }) => {
              const view = specialPageView(c, window, locale, now);
              const phase = windowPhase(window, now);
              return (
                <li key={c.slug} className="card">
                  <span className={`badge ${phase}`}>{t(`status.${phase}`)}</span>
                  <h3 className="campaign-title">
                    <a href={`${campaignPath(c.slug)}?lang=${locale}`}>{pick(c.title, locale)}</a>
                  </h3>
                  <p>{pick(c.theme, locale)}</p>
                  <p className="hint">{t('page.windowRange', { opens: view.opens, closes: view.closes, zone: view.zone })}</p>
                </li>
              );
            })}
          </ul>
        </section>
      </main>
    </Layout>
  );
}
