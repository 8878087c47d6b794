import { Tag } from 'antd';
import { CERTIFICATE_PATH } from '../../../../core/api/certificates.ts';
import { useI18n } from '../i18n.tsx';

const TIER_COLORS = { best: 'red', excellent: 'gold' } as const;

/**
 * The shortlist as published, numbered, tier by tier; the same on the organizers' page and the
 * public one. Once final, the public list links each case's certificate to its check page.
 */
export function NoticeList({ entries }: { entries: readonly { n: number; tier: 'best' | 'excellent'; title: string; unitName: string; certificate?: string | null }[] }) {
  const { t, locale } = useI18n();
  return (
    <>
      {(['best', 'excellent'] as const).map((tier) => {
        const list = entries.filter((e) => e.tier === tier);
        if (list.length === 0) return null;
        return (
          <section key={tier} className="wb-notice-tier" aria-labelledby={`wb-notice-tier-${tier}`}>
            <h4 id={`wb-notice-tier-${tier}`} className="wb-notice-tier-title">
              <Tag color={TIER_COLORS[tier]}>{t(`selection.tier.${tier}`)}</Tag>
              {t(`notice.public.${tier}`, { count: list.length })}
            </h4>
            <ol className="wb-notice-entries">
              {list.map((e) => (
                <li key={e.n} value={e.n}>
                  <span className="wb-notice-entry-title">{e.title}</span>
                  <span className="wb-notice-entry-unit">{e.unitName}</span>
                  {e.certificate && (
                    <span className="wb-notice-entry-certificate">
                      {t('notice.public.certificate')}<a href={`${CERTIFICATE_PATH}/${encodeURIComponent(e.certificate)}${locale === 'en' ? '?lang=en' : ''}`} aria-label={t('notice.public.certificateCheck', { serial: e.certificate, title: e.title })}>{e.certificate}</a>
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </>
  );
}
