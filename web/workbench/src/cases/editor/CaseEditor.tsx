import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { caseCounts } from '../../../../../core/case/case-counts.ts';
import { useI18n } from '../../i18n.tsx';
import { caseKeys, type CampaignDetail, type CaseDetail } from '../cases-api.ts';
import { CaseFields } from './CaseFields.tsx';
import { LimitAnnouncement, LimitCount } from './counts.tsx';
import { fieldsOf, type DraftFields } from './draft-fields.ts';
import { formatInstant } from './format.ts';
import { Outline } from './Outline.tsx';
import { clockTime, SaveIndicator } from './SaveIndicator.tsx';
import type { ImportProposal } from '../ImportDocxDialog.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { useRoomBelow } from './sticky-room.ts';
import { useAfterFirstPaint } from './use-after-paint.ts';
import { useDraft } from './use-draft.ts';

// Drawn once the text has been painted (CasePanels, the Word import, the comparison dialogs):
// chunks of their own, so the first text box waits for none of them.
const CasePanels = lazy(() => import('./CasePanels.tsx').then((m) => ({ default: m.CasePanels })));
const ImportDocxDialog = lazy(() => import('../ImportDocxDialog.tsx').then((m) => ({ default: m.ImportDocxDialog })));
const ConflictDialog = lazy(() => import('./ConflictDialog.tsx').then((m) => ({ default: m.ConflictDialog })));

/** The proposal laid over the fields: what it found replaces, what it did not find stays. */
export function applyProposal(fields: DraftFields, proposal: Pick<ImportProposal, 'title' | 'summary' | 'keywords' | 'sections'>): DraftFields {
  const found = Object.fromEntries(Object.entries(proposal.sections).filter(([key, html]) => key in fields.content.sections && html.trim() !== ''));
  return {
    ...fields,
    content: {
      ...fields.content,
      title: proposal.title.trim() || fields.content.title,
      summary: proposal.summary.trim() ? proposal.summary : fields.content.summary,
      keywords: proposal.keywords.length ? proposal.keywords : fields.content.keywords,
      sections: { ...fields.content.sections, ...found },
    },
  };
}

export function CaseEditor({ initial, campaign }: { initial: CaseDetail; campaign: CampaignDetail }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const draft = useDraft(initial);
  const { fields, update, detail } = draft;
  const counts = useMemo(() => caseCounts(campaign, fields.content), [campaign, fields.content]);
  const [comparing, setComparing] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
  useRoomBelow(bar);
  const timeZone = campaign.window.timeZone;
  const onApplyImport = useCallback((proposal: ImportProposal) => draft.replace(applyProposal(draft.fields, proposal)), [draft]);
  const { refresh } = draft;
  const onSubmitted = useCallback(() => {
    void refresh().catch(() => undefined);
    void client.invalidateQueries({ queryKey: caseKeys.mine });
  }, [refresh, client]);

  // The page's query answered anew (after a submit, a withdrawal): take its status.
  const { sync } = draft;
  useEffect(() => sync(initial), [sync, initial]);

  // The text comes first; the rest of the sections, the panels below them (CasePanels), the
  // outline and the Word import draw once it has been painted.
  const painted = useAfterFirstPaint();

  return (
    <div className="ce-page">
      <div className="ce-layout">
        <div className="ce-main">
          <div ref={bar} className="ce-sticky" aria-label={t('wb.editor.statusBar')} role="region">
            <SaveIndicator status={draft.status} savedAt={detail.updatedAt} onRetry={() => void draft.flush().catch(() => undefined)} />
            <span className="ce-sticky-counts">
              <LimitCount label={t('wb.editor.field.summary')} {...counts.summary} />
              <LimitCount label={t('wb.editor.body')} {...counts.body} />
            </span>
            <LimitAnnouncement counts={counts} />
          </div>

          {draft.offer && (
            <Alert
              type="warning"
              showIcon
              className="wb-alert"
              title={t('wb.editor.restore.banner', { time: clockTime(draft.offer.changedAt, locale) })}
              description={
                <>
                  <div>{t('wb.editor.restore.bannerHint')}</div>
                  <div className="ce-actions ce-offer-actions">
                    <Button size="small" type="primary" onClick={draft.restore}>{t('wb.editor.restore.restore')}</Button>
                    <Button size="small" onClick={() => setComparing(true)}>{t('wb.editor.restore.compare')}</Button>
                    <Button size="small" type="text" onClick={draft.discard}>{t('wb.editor.restore.discard')}</Button>
                  </div>
                </>
              }
            />
          )}
          {detail.status === 'returned' && (
            <Alert
              type="error"
              showIcon
              className="wb-alert"
              title={t('wb.editor.returned', { due: detail.returnDueAt ? formatInstant(detail.returnDueAt, locale, timeZone) : '—' })}
              description={detail.returnMessage && <div className="ce-return">{detail.returnMessage}</div>}
            />
          )}

          <div className="ce-meta">
            <span>{t(`case.status.${detail.status}`)}</span>
            {/* A returned case's one date is the return's, in the banner above. */}
            {detail.status !== 'returned' && <span>{t('wb.editor.deadline', { time: formatInstant(detail.deadline, locale, timeZone), zone: campaign.window.timeZoneLabel[locale] })}</span>}
            <span className="ce-meta-end">
              {painted && (
                <PanelBoundary>
                  <Suspense fallback={null}>
                    <ImportDocxDialog caseId={initial.id} elements={campaign.caseStyle.elements} current={fields.content} onApply={onApplyImport} />
                  </Suspense>
                </PanelBoundary>
              )}
            </span>
          </div>

          <CaseFields key={draft.revision} campaign={campaign} fields={fields} counts={counts} update={update} allSections={painted} />

          {painted && (
            <Suspense fallback={<Card className="wb-card"><Skeleton active /></Card>}>
              <CasePanels caseId={initial.id} campaign={campaign} draft={draft} onSubmitted={onSubmitted} />
            </Suspense>
          )}
        </div>
        <aside className="ce-side" aria-label={t('wb.editor.outline')}>
          {painted && <Outline campaign={campaign} counts={counts} recommendation={campaign.recommendation !== 'off'} />}
        </aside>
      </div>

      {painted && (
        <Suspense fallback={null}>
          <ConflictDialog
            open={draft.conflict !== null}
            mode="conflict"
            campaign={campaign}
            theirs={draft.conflict ? fieldsOf(draft.conflict) : fields}
            mine={fields}
            theirsWhen={draft.conflict ? clockTime(draft.conflict.updatedAt, locale) : ''}
            mineWhen={t('wb.editor.conflict.now')}
            onKeepMine={draft.keepMine}
            onTakeTheirs={draft.takeTheirs}
          />
          {draft.offer && (
            <ConflictDialog
              open={comparing}
              mode="restore"
              campaign={campaign}
              theirs={fields}
              mine={draft.offer.fields}
              theirsWhen={clockTime(detail.updatedAt, locale)}
              mineWhen={clockTime(draft.offer.changedAt, locale)}
              onKeepMine={() => { setComparing(false); draft.restore(); }}
              onTakeTheirs={() => { setComparing(false); draft.discard(); }}
              onClose={() => setComparing(false)}
            />
          )}
        </Suspense>
      )}
    </div>
  );
}
