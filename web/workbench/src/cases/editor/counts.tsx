import type { CaseCounts } from '../../../../../core/case/case-counts.ts';
import type { LimitState } from '../../../../../core/text/zi-count.ts';
import { useI18n } from '../../i18n.tsx';

// 字 counts as the notice limits them, computed with the server's own code (core/case).
// The numbers change on every keystroke and are not announced; crossing into warning or
// error is, once, through a live region.

export function LimitCount({ id, label, count, max, state }: { id?: string; label: string; count: number; max: number; state: LimitState }) {
  const { t } = useI18n();
  return (
    <span id={id} className={`ce-count ce-count-${state}`} data-state={state}>
      <span className="ce-count-label">{label}</span>{' '}
      <span className="ce-count-value">{t('wb.editor.count.ofMax', { count, max })}</span>
      {state !== 'ok' && <span className="ce-count-note">{t(state === 'over' ? 'wb.editor.count.over' : 'wb.editor.count.near')}</span>}
    </span>
  );
}

export function SectionCount({ id, count, countsTowardBody }: { id?: string; count: number; countsTowardBody: boolean }) {
  const { t } = useI18n();
  return (
    <span id={id} className="ce-count ce-count-ok">
      {t('wb.editor.count.zi', { count })}
      {!countsTowardBody && <span className="ce-count-note">{t('wb.editor.count.notInBody')}</span>}
    </span>
  );
}

/** The one sentence a screen reader hears when a limit is near or passed. */
export function LimitAnnouncement({ counts }: { counts: CaseCounts }) {
  const { t } = useI18n();
  const say = (which: 'summary' | 'body') => {
    const { state, max, count } = counts[which];
    if (state === 'ok') return '';
    return t(`wb.editor.announce.${which}.${state}`, { count, max });
  };
  const text = [say('summary'), say('body')].filter(Boolean).join(' ');
  return <div className="ce-sr-only" role="status" aria-live="polite" aria-atomic="true">{text}</div>;
}
