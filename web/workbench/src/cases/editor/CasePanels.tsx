import { Card } from 'antd';
import { useCallback, useEffect, useMemo } from 'react';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { AttachmentsPanel } from '../AttachmentsPanel.tsx';
import type { CampaignDetail } from '../cases-api.ts';
import { DeclarationFormPanel } from '../DeclarationFormPanel.tsx';
import { SubmitPanel } from '../SubmitPanel.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { RecommendationCard } from './RecommendationCard.tsx';
import type { Draft } from './use-draft.ts';

// What follows the case's text in the editor: attachments, the declaration form, the unit, the
// superior's recommendation and submission. A chunk of its own (the uploader, the form), loaded
// once the text has been painted, so the text box does not wait for it.

interface CasePanelsProps {
  caseId: string;
  campaign: CampaignDetail;
  draft: Draft;
  onSubmitted: () => void;
}

export function CasePanels({ caseId, campaign, draft, onSubmitted }: CasePanelsProps) {
  const { t } = useI18n();
  const { fields, update, detail, flush, refresh } = draft;

  // A link from the preflight checklist (#target-…) lands now that the whole page is on screen.
  useEffect(() => {
    const target = decodeURIComponent(window.location.hash.slice(1));
    if (target) document.getElementById(target)?.scrollIntoView({ block: 'start' });
  }, []);

  // Not re-rendered on every keystroke: it depends on nothing typed.
  const attachments = useMemo(() => <PanelBoundary><AttachmentsPanel caseId={caseId} campaign={campaign} editable /></PanelBoundary>, [caseId, campaign]);
  const setDeclaration = useCallback((values: Record<string, string>) => update((f) => ({ ...f, declaration: values })), [update]);

  return (
    <>
      <div id="target-attachments" className="ce-anchor">
        {campaign.attachments.map((kind) => <span key={kind.key} id={`target-attachments:${kind.key}`} className="ce-kind-anchor" />)}
        {attachments}
      </div>

      <div id="target-declaration" className="ce-anchor">
        <PanelBoundary>
          <DeclarationFormPanel caseId={caseId} campaign={campaign} values={fields.declaration} onChange={setDeclaration} editable
            detail={{ organizationId: detail.organizationId, content: fields.content, superiorName: fields.superiorName }} />
        </PanelBoundary>
      </div>

      <Card id="target-unit" className="wb-card ce-anchor" title={t('wb.editor.unit.title')}>
        {t('wb.editor.unit.hint')} <Link to="/app/unit">{t('wb.editor.unit.link')}</Link>
      </Card>

      {campaign.recommendation !== 'off' && (
        <RecommendationCard
          setting={campaign.recommendation}
          detail={detail}
          fields={fields}
          editable
          timeZone={campaign.window.timeZone}
          onChange={(patch) => update((f) => ({ ...f, ...patch }))}
          flush={flush}
          refresh={refresh}
        />
      )}

      <div id="target-submit" className="ce-anchor">
        <PanelBoundary><SubmitPanel caseId={caseId} detail={detail} flushSave={flush} onSubmitted={onSubmitted} /></PanelBoundary>
      </div>
    </>
  );
}
