import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import { CERTIFICATE_PATH } from '../../core/api/certificates.ts';
import type { CertificateCheck } from '../modules/certificates/certificates.service.ts';
import { Layout, type PageHead } from './layout.tsx';

/** The certificate verification page: what the platform recorded for a certificate, or a plain refusal. */
export function CertificatePage(props: { locale: Locale; head: PageHead; check: CertificateCheck | undefined; unsupportedLanguage?: string | undefined }) {
  const { locale, check } = props;
  const t = translator(locale);
  return (
    <Layout locale={locale} head={props.head} unsupportedLanguage={props.unsupportedLanguage}>
      <main id="main" className="inner">
        <section className="first">
          <h1>{t('certificates.verify.title')}</h1>
          {check?.kind === 'found' ? (
            <div role="status" data-result="confirmed">
              <h2>{t('certificates.verify.confirmed', { serial: check.serial })}</h2>
              <p className="hint">{t('certificates.verify.confirmedText')}</p>
              <dl className="contacts">
                <dt>{t('certificates.verify.unit')}</dt>
                <dd data-field="unit">{check.unitName}</dd>
                <dt>{t('certificates.verify.case')}</dt>
                <dd data-field="case">{check.caseTitle}</dd>
                <dt>{t('certificates.verify.tier')}</dt>
                <dd data-field="tier"><strong>{check.tierName}</strong></dd>
                <dt>{t('certificates.verify.campaign')}</dt>
                <dd data-field="campaign">{check.campaignTitle}</dd>
                <dt>{t('certificates.verify.date')}</dt>
                <dd data-field="date">{check.date}</dd>
                <dt>{t('certificates.verify.organizers')}</dt>
                <dd data-field="organizers">{check.organizers.map((name) => <div key={name}>{name}</div>)}</dd>
                <dt>{t('certificates.verify.number')}</dt>
                <dd data-field="serial">{check.serial}</dd>
              </dl>
            </div>
          ) : check ? (
            <div role="alert" data-result="refused">
              <h2>{t('certificates.verify.refused')}</h2>
              <p>{check.kind === 'malformed' ? t('certificates.verify.malformed', { serial: check.asked }) : t('certificates.verify.unknown', { serial: check.serial })}</p>
            </div>
          ) : null}
          <form method="get" action={CERTIFICATE_PATH}>
            <input type="hidden" name="lang" value={locale} />
            <p>
              <label htmlFor="serial">{t('certificates.verify.lookUp')}</label><br />
              <input id="serial" name="serial" required maxLength={40} autoComplete="off" spellCheck={false} placeholder="ZJ7-0001-7K3M9QX2" />
            </p>
            <button type="submit" className="button">{t('certificates.verify.submit')}</button>
          </form>
        </section>
      </main>
    </Layout>
  );
}
