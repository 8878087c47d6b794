import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { casesApi, caseKeys, type CampaignDetail, type DeadlineExtension } from './cases-api.ts';
import { zonedTime, zonedTimeWithLabel, zoneLabel } from './case-shared.tsx';
import { ZonedDateTimeInput, zonedInputToIso } from './zoned-input.tsx';

export interface UnitChoice {
  id: string;
  name: string;
}

/**
 * The campaign's deadline extensions and a form to add one, for every unit or for one; the
 * server refuses a date that is not after the campaign closes. `unit` preselects a unit (from
 * a case's row).
 */
export function DeadlineExtensions({ campaign, units, unit, onUnit }: {
  campaign: CampaignDetail; units: UnitChoice[]; unit: string | null; onUnit: (id: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const extensions = useQuery({ queryKey: caseKeys.extensions(campaign.slug), queryFn: () => casesApi.listExtensions(campaign.slug) });
  const [scope, setScope] = useState<'all' | 'one'>(unit ? 'one' : 'all');
  const [closesAt, setClosesAt] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  // A unit chosen from a case's row switches the form to that unit.
  const [seenUnit, setSeenUnit] = useState(unit);
  if (unit !== seenUnit) {
    setSeenUnit(unit);
    if (unit) setScope('one');
  }
  const closesIso = zonedInputToIso(closesAt, campaign.window.timeZone);
  const problems = {
    unit: scope === 'one' && !unit ? t('wb.cases.extensionUnitRequired') : null,
    closesAt: !closesIso ? t('wb.cases.dueRequired') : closesIso <= campaign.state.closesAtUtc ? t('wb.cases.extensionAfterClose') : null,
    reason: reason.trim() === '' ? t('wb.cases.extensionReasonRequired') : null,
  };
  const add = useMutation({
    mutationFn: () => casesApi.extendDeadline(campaign.slug, { organizationId: scope === 'one' ? unit : null, closesAt: closesIso!, reason: reason.trim() }),
    onSuccess: async () => {
      setClosesAt('');
      setReason('');
      setTouched(false);
      await client.invalidateQueries({ queryKey: caseKeys.extensions(campaign.slug) });
    },
  });
  const ok = () => {
    setTouched(true);
    if (!problems.unit && !problems.closesAt && !problems.reason && !add.isPending) add.mutate();
  };
  const show = (key: keyof typeof problems) => (touched && problems[key] ? { validateStatus: 'error' as const, help: problems[key] } : {});
  const unitName = (id: string | null) => (id === null ? t('wb.cases.allUnits') : units.find((u) => u.id === id)?.name ?? id);

  return (
    <Card className="wb-card" id="deadline-extensions" title={t('wb.cases.extensionsTitle')}>
      <Typography.Paragraph type="secondary">
        {t('wb.cases.campaignCloses', { closes: zonedTimeWithLabel(campaign.state.closesAtUtc, campaign, locale) })}
      </Typography.Paragraph>
      <Table<DeadlineExtension>
        rowKey="id"
        size="small"
        pagination={false}
        loading={extensions.isPending}
        dataSource={extensions.data ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('wb.cases.noExtensions') }}
        columns={[
          { title: t('wb.cases.extensionScope'), dataIndex: 'organizationId', render: unitName },
          { title: t('wb.cases.extensionCloses'), dataIndex: 'closesAt', render: (v: string) => <span className="wb-nowrap">{zonedTime(v, campaign, false)}</span> },
          { title: t('wb.cases.extensionReason'), dataIndex: 'reason', className: 'wb-break' },
        ]}
      />
      <Typography.Title level={5} className="wb-extension-form-title">{t('wb.cases.extensionAdd')}</Typography.Title>
      {add.isError && <Alert className="wb-alert" type="error" showIcon role="alert" title={add.error.message} />}
      {add.isSuccess && <Alert className="wb-alert" type="success" showIcon role="status" title={t('wb.cases.extensionAdded')} />}
      <Form layout="vertical" component="form" onFinish={ok} className="wb-extension-form">
        <Form.Item label={t('wb.cases.extensionScope')}>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'one')}
            options={[{ value: 'all', label: t('wb.cases.allUnits') }, { value: 'one', label: t('wb.cases.oneUnit') }]} />
        </Form.Item>
        {scope === 'one' && (
          <Form.Item label={t('wb.cases.unit')} htmlFor="extension-unit" required {...show('unit')}>
            <Select id="extension-unit" showSearch={{ optionFilterProp: 'label' }} value={unit ?? undefined} onChange={(v: string) => onUnit(v)}
              placeholder={t('wb.cases.pickUnit')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item label={t('wb.cases.extensionCloses')} htmlFor="extension-closes" required {...show('closesAt')}>
          <ZonedDateTimeInput id="extension-closes" value={closesAt} onChange={setClosesAt} zone={zoneLabel(campaign, locale)}
            status={touched && problems.closesAt ? 'error' : undefined} />
        </Form.Item>
        <Form.Item label={t('wb.cases.extensionReason')} htmlFor="extension-reason" required {...show('reason')}>
          <Input.TextArea id="extension-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} showCount rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{t('wb.cases.extensionSubmit')}</Button>
      </Form>
    </Card>
  );
}
