import { Alert, App as AntApp, Button, Card, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { casesApi, type CaseDetail } from '../cases-api.ts';
import { isEmailOrEmpty, type DraftFields } from './draft-fields.ts';
import { formatInstant } from './format.ts';
import { SuperiorUnitPicker } from './SuperiorUnitPicker.tsx';

// The superior Party organization: who it is, where the request goes, and what it answered.
// Whether the block shows and whether it is required is the campaign's `recommendation`. It is
// named either by a mailed address or, when it is registered on the platform, by choosing it;
// then its members recommend signed in.

const TONE = { none: 'default', pending: 'processing', recommended: 'success', declined: 'error', void: 'warning' } as const;

interface RecommendationCardProps {
  setting: 'required' | 'optional';
  detail: CaseDetail;
  fields: DraftFields;
  editable: boolean;
  timeZone: string;
  onChange: (patch: Pick<DraftFields, 'superiorName' | 'superiorEmail'>) => void;
  /** Saves what is typed first: the server mails the address it has. */
  flush: () => Promise<CaseDetail>;
  refresh: () => Promise<void>;
}

export function RecommendationCard({ setting, detail, fields, editable, timeZone, onChange, flush, refresh }: RecommendationCardProps) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [sending, setSending] = useState(false);
  const [mode, setMode] = useState<'email' | 'unit'>(detail.superiorOrganizationId ? 'unit' : 'email');
  const chosen = detail.superiorOrganizationId ? detail.superiorName : null;
  const emailOk = isEmailOrEmpty(fields.superiorEmail);
  const ready = mode === 'unit' ? chosen !== null : fields.superiorName.trim() !== '' && fields.superiorEmail.trim() !== '' && emailOk;
  const failed = (error: unknown) => message.error(error instanceof ApiError && error.message ? error.message : t('wb.editor.recommend.failed'));
  const chooseUnit = async (unit: { id: string; name: string } | null) => {
    try {
      await casesApi.chooseSuperiorUnit(detail.id, unit?.id ?? null);
      // The typed fields follow, so the next save sends what the server now holds.
      if (unit) onChange({ superiorName: unit.name, superiorEmail: '' });
      await refresh();
    } catch (error) {
      failed(error);
      throw error;
    }
  };
  const switchMode = (next: 'email' | 'unit') => {
    setMode(next);
    // Back to a mailed address: the chosen unit no longer stands for the superior.
    if (next === 'email' && detail.superiorOrganizationId) void chooseUnit(null).catch(() => setMode('unit'));
  };
  const request = async () => {
    setSending(true);
    try {
      await flush();
      await casesApi.requestSuperiorReview(detail.id);
      await refresh();
      message.success(chosen !== null ? t('wb.editor.recommend.sentToUnit', { unit: chosen }) : t('wb.editor.recommend.sent', { email: fields.superiorEmail.trim() }));
    } catch (error) {
      failed(error);
    } finally {
      setSending(false);
    }
  };
  return (
    <Card
      id="target-recommendation"
      className="wb-card ce-anchor"
      title={t('wb.editor.recommend.title')}
      extra={<Tag color={setting === 'required' ? 'red' : 'default'}>{t(setting === 'required' ? 'wb.editor.required' : 'wb.editor.optional')}</Tag>}
    >
      <Typography.Paragraph type="secondary">
        {t(setting === 'required' ? 'wb.editor.recommend.introRequired' : 'wb.editor.recommend.introOptional')}
      </Typography.Paragraph>
      <Segmented className="ce-superior-mode" aria-label={t('wb.editor.recommend.mode')} block value={mode} disabled={!editable} onChange={(v) => switchMode(v as 'email' | 'unit')}
        options={[{ value: 'email', label: t('wb.editor.recommend.byEmail') }, { value: 'unit', label: t('wb.editor.recommend.byUnit') }]} />
      {mode === 'unit' ? (
        <SuperiorUnitPicker caseId={detail.id} chosen={chosen} disabled={!editable} onChoose={chooseUnit} />
      ) : (
        <div className="ce-grid-2">
          <label className="ce-field">
            <span className="ce-field-label">{t('wb.editor.field.superiorName')}</span>
            <Input value={fields.superiorName} maxLength={100} disabled={!editable}
              onChange={(e) => onChange({ superiorName: e.target.value, superiorEmail: fields.superiorEmail })} />
          </label>
          <label className="ce-field">
            <span className="ce-field-label">{t('wb.editor.field.superiorEmail')}</span>
            <Input type="email" inputMode="email" autoComplete="email" value={fields.superiorEmail} disabled={!editable}
              status={emailOk ? undefined : 'error'} aria-invalid={!emailOk} aria-describedby="ce-superior-email-error"
              onChange={(e) => onChange({ superiorName: fields.superiorName, superiorEmail: e.target.value })} />
            {!emailOk && <span id="ce-superior-email-error" className="ce-field-error">{t('wb.invalidEmail')}</span>}
            <span className="ce-hint">{t('wb.editor.recommend.notOwnAddress')}</span>
          </label>
        </div>
      )}
      {detail.recommendation === 'void' && (
        // A recommendation given on an earlier text: the unit sees why it no longer counts and what to do.
        <Alert className="ce-recommend-void" type="warning" showIcon role="status" title={t('case.recommendation.void')}
          description={t('wb.editor.recommend.voidHint')} />
      )}
      <div className="ce-recommend-status">
        <Space wrap>
          <span>{t('wb.editor.recommend.status')}{t('punct.colon')}</span>
          <Tag color={TONE[detail.recommendation]}>{t(`case.recommendation.${detail.recommendation}`)}</Tag>
          {detail.recommendationAt && <Typography.Text type="secondary">{formatInstant(detail.recommendationAt, locale, timeZone)}</Typography.Text>}
        </Space>
        {detail.recommendationNote && (
          <blockquote className="ce-opinion">
            <div className="ce-opinion-label">{t(detail.recommendation === 'declined' ? 'wb.editor.recommend.reason' : 'wb.editor.recommend.opinion')}</div>
            {detail.recommendationNote}
          </blockquote>
        )}
      </div>
      {editable && (
        <Button onClick={request} loading={sending} disabled={!ready} type={detail.recommendation === 'none' || detail.recommendation === 'void' ? 'primary' : 'default'}>
          {t(detail.recommendation === 'none' ? 'case.action.request_review' : detail.recommendation === 'void' ? 'wb.editor.recommend.askAgain' : 'wb.editor.recommend.again')}
        </Button>
      )}
      {editable && !ready && <Typography.Paragraph type="secondary" className="ce-hint">{t(mode === 'unit' ? 'wb.editor.recommend.needUnit' : 'wb.editor.recommend.needAddress')}</Typography.Paragraph>}
    </Card>
  );
}
