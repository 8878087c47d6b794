import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import { caseCounts } from '../../../../../core/case/case-counts.ts';
import { sectionNumber } from '../../../../../core/i18n/messages.ts';
import { useI18n } from '../../i18n.tsx';
import { useMe } from '../../session.tsx';
import type { CampaignDetail, CaseDetail } from '../cases-api.ts';
import { UnverifiedTag } from '../case-shared.tsx';
import { LimitCount, SectionCount } from './counts.tsx';
import { formatInstant } from './format.ts';
import { RichTextView } from './RichTextEditor.tsx';
import { AttachmentsPanel } from '../AttachmentsPanel.tsx';
import { DeclarationFormPanel } from '../DeclarationFormPanel.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';

// A case that may not change here: submitted and past the deadline, or read by an organizer.
// The same text and anchors as the editor, without editors, and a banner saying why.

/** Why the case cannot change: it is not the viewer's unit's, or its unit's time has run out. */
function why(detail: CaseDetail, ownUnit: boolean): 'returnedClosed' | 'closed' | 'notYours' {
  if (!ownUnit) return 'notYours';
  return detail.status === 'returned' ? 'returnedClosed' : 'closed';
}

export function ReadOnlyCase({ detail, campaign }: { detail: CaseDetail; campaign: CampaignDetail }) {
  const { t, locale } = useI18n();
  const { content } = detail;
  const counts = caseCounts(campaign, content);
  const zone = campaign.window.timeZone;
  const category = campaign.categories.find((c) => c.key === content.category)?.name[locale];
  const me = useMe().data;
  const reason = why(detail, me?.units.some((u) => u.organizationId === detail.organizationId) ?? false);
  return (
    <div className="ce-page ce-readonly">
      <Alert
        type={detail.status === 'returned' ? 'error' : 'info'}
        showIcon
        className="wb-alert"
        title={<>{t('wb.editor.readOnly.title')} <Tag>{t(`case.status.${detail.status}`)}</Tag></>}
        description={
          <>
            <div>{t(`wb.editor.readOnly.${reason}`, { deadline: formatInstant(detail.deadline, locale, zone) })}</div>
            {detail.returnMessage && <div className="ce-return">{t('wb.editor.readOnly.returnMessage', { message: detail.returnMessage })}</div>}
            {detail.returnDueAt && <div>{t('wb.editor.readOnly.returnDue', { due: formatInstant(detail.returnDueAt, locale, zone) })}</div>}
          </>
        }
      />
      <Card id="target-title" className="wb-card ce-anchor">
        <Typography.Title level={3} className="ce-view-title">{content.title || t('wb.editor.untitled')}</Typography.Title>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('wb.editor.field.category')}><span id="target-category">{category ?? '—'}</span></Descriptions.Item>
          <Descriptions.Item label={t('wb.editor.field.keywords')}>{content.keywords.length ? content.keywords.join('；') : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('wb.editor.bodyCount')}><LimitCount label="" {...counts.body} /></Descriptions.Item>
        </Descriptions>
      </Card>
      <Card id="target-summary" className="wb-card ce-anchor" title={t('wb.editor.field.summary')} extra={<LimitCount label="" {...counts.summary} />}>
        <RichTextView html={content.summary} label={t('wb.editor.field.summary')} />
      </Card>
      <div id="target-body" className="ce-anchor">
        {campaign.caseStyle.elements.map((e, i) => {
          const title = `${sectionNumber(locale, i + 1)}${e.name[locale]}`;
          const html = content.sections[e.key] ?? '';
          return (
            <Card key={e.key} id={`target-section:${e.key}`} className="wb-card ce-anchor ce-section" title={title}
              extra={<SectionCount count={counts.sections[e.key] ?? 0} countsTowardBody={e.countsTowardBody} />}>
              {html ? <RichTextView html={html} label={title} /> : <Typography.Text type="secondary">{t('wb.editor.emptySection')}</Typography.Text>}
            </Card>
          );
        })}
      </div>
      <div id="target-attachments" className="ce-anchor">
        <PanelBoundary><AttachmentsPanel caseId={detail.id} campaign={campaign} editable={false} /></PanelBoundary>
      </div>
      <PanelBoundary>
        <DeclarationFormPanel caseId={detail.id} campaign={campaign} detail={detail} values={detail.declaration} onChange={() => undefined} editable={false} />
      </PanelBoundary>
      {campaign.recommendation !== 'off' && (
        <Card id="target-recommendation" className="wb-card ce-anchor" title={t('wb.editor.recommend.title')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('wb.editor.field.superiorName')}>{detail.superiorName || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('wb.editor.field.superiorEmail')}>{detail.superiorEmail || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('wb.editor.recommend.status')}>
              {t(`case.recommendation.${detail.recommendation}`)} <UnverifiedTag verification={detail.recommendationVerification} />
            </Descriptions.Item>
            {detail.recommendationNote && <Descriptions.Item label={t('wb.editor.recommend.opinion')}>{detail.recommendationNote}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
    </div>
  );
}
