import type { Locale } from '../../core/i18n/locale.ts';
import { translator } from '../../core/i18n/messages.ts';
import { formatInZone } from '../../core/time/zoned-time.ts';
import type { PublishedHead } from '../modules/audit/audit-heads.service.ts';
import { Hash } from './hash-text.tsx';
import { Layout, type PageHead } from './layout.tsx';

/** The audit chain's daily heads, public: anyone may keep a copy and compare it later. */
export function AuditHeadsPage(props: { locale: Locale; head: PageHead; heads: PublishedHead[]; jsonUrl: string; unsupportedLanguage?: string | undefined }) {
  const t = translator(props.locale);
  return (
    <Layout locale={props.locale} head={props.head} unsupportedLanguage={props.unsupportedLanguage}>
      <main id="main" className="inner">
        <section className="first">
          <h1>{t('auditHeads.title')}</h1>
          <p>{t('auditHeads.intro')}</p>
          <p className="hint">{t('auditHeads.how')} <a href={props.jsonUrl}>{t('auditHeads.json')}</a></p>
        </section>
        <section aria-labelledby="heads-title">
          <h2 id="heads-title">{t('auditHeads.list')}</h2>
          {props.heads.length === 0 ? <p>{t('auditHeads.none')}</p> : (
            <ol className="audit-heads">
              {props.heads.map((h) => (
                <li key={h.day}>
                  <dl>
                    <dt>{t('auditHeads.day')}</dt>
                    <dd>{h.day}</dd>
                    <dt>{t('auditHeads.seq')}</dt>
                    <dd>{h.seq}</dd>
                    <dt>{t('auditHeads.hash')}</dt>
                    <dd><Hash value={h.hash} /></dd>
                    <dt>{t('auditHeads.publishedAt')}</dt>
                    <dd>{t('auditHeads.time', { time: formatInZone(new Date(h.publishedAt), 'Asia/Shanghai') })}</dd>
                  </dl>
                </li>
              ))}
            </ol>
          )}
        </section>
      </main>
    </Layout>
  );
}
