import type { MouseEvent, ReactNode } from 'react';
import type { CaseCounts } from '../../../../../core/case/case-counts.ts';
import { sectionNumber } from '../../../../../core/i18n/messages.ts';
import { useI18n } from '../../i18n.tsx';
import type { CampaignDetail } from '../cases-api.ts';
import { LimitCount } from './counts.tsx';

/** The side column on a wide screen: where each part is, and how long it is. */
export function Outline({ campaign, counts, recommendation }: { campaign: CampaignDetail; counts: CaseCounts; recommendation: boolean }) {
  const { t, locale } = useI18n();
  const go = (id: string) => (event: MouseEvent) => {
    event.preventDefault();
    const el = document.getElementById(id);
    el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    el?.querySelector<HTMLElement>('input, [contenteditable="true"]')?.focus({ preventScroll: true });
  };
  const item = (id: string, label: string, extra?: ReactNode) => (
    <li key={id}><a href={`#${id}`} onClick={go(id)}>{label}</a>{extra}</li>
  );
  return (
    <nav className="ce-outline">
      <div className="ce-outline-counts">
        <LimitCount label={t('wb.editor.field.summary')} {...counts.summary} />
        <LimitCount label={t('wb.editor.body')} {...counts.body} />
      </div>
      <ol className="ce-outline-list">
        {item('target-title', t('wb.editor.basics'))}
        {item('target-summary', t('wb.editor.field.summary'))}
        {campaign.caseStyle.elements.map((e, i) => item(`target-section:${e.key}`, `${sectionNumber(locale, i + 1)}${e.name[locale]}`,
          <span className="ce-outline-count">{e.required && <span className="ce-required-dot" aria-label={t('wb.editor.required')}>*</span>}{t('wb.editor.count.zi', { count: counts.sections[e.key] ?? 0 })}</span>))}
        {item('target-attachments', t('wb.editor.attachments'))}
        {item('target-unit', t('wb.editor.unit.title'))}
        {recommendation && item('target-recommendation', t('wb.editor.recommend.title'))}
      </ol>
    </nav>
  );
}
