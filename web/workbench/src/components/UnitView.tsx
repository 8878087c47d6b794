import { useQuery } from '@tanstack/react-query';
import { Descriptions } from 'antd';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import type { Organization } from '../api.ts';
import { unitsApi } from '../units-api.ts';
import { useI18n } from '../i18n.tsx';

/** "广东省 深圳市 南山区" for a code; the code itself until the name arrives. */
export function DivisionName({ code }: { code: string | null }) {
  const detail = useQuery({
    queryKey: ['division', code],
    queryFn: () => unitsApi.division(code ?? ''),
    enabled: Boolean(code),
    staleTime: Infinity,
  });
  if (!code) return null;
  return <>{detail.data ? detail.data.path.map((p) => p.name).join(' ') : code}</>;
}

export function UnitView({ unit }: { unit: Organization }) {
  const { t } = useI18n();
  const label = (key: string) => t(key as MessageKey);
  return (
    <Descriptions className="wb-unit-view" column={{ xs: 1, md: 2 }} bordered size="small">
      <Descriptions.Item label={t('wb.unit.name')} span={{ xs: 1, md: 2 }}>{unit.name}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.type')}>{label(`wb.type.${unit.type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.level')}>{label(`wb.level.${unit.level}`)}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.division')}><DivisionName code={unit.divisionCode} /></Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.creditCode')}>{unit.creditCode ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.superiorName')}>{unit.superiorName}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.superiorEmail')}>{unit.superiorEmail ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.address')} span={{ xs: 1, md: 2 }}>{unit.address}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.contactName')}>{unit.contactName}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.contactPosition')}>{unit.contactPosition}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.contactPhone')}>{unit.contactPhone}</Descriptions.Item>
      <Descriptions.Item label={t('wb.unit.contactEmail')}>{unit.contactEmail}</Descriptions.Item>
    </Descriptions>
  );
}
