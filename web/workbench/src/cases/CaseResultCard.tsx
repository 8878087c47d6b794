import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { caseResultSchema } from '../../../../core/api/certificates.ts';
import { api } from '../api.ts';
import type { Answer } from '../api-types.ts';
import { useI18n } from '../i18n.tsx';
import { zonedTime } from './case-shared.tsx';
import type { CampaignDetail } from './cases-api.ts';

// A finalized case's result on its page: the tier, the day it became final and the certificate to
// download, with the public page its QR code opens (issue 15, item 4). Nothing shows before.

const TIER_COLORS = { best: 'red', excellent: 'gold' } as const;

export function CaseResultCard({ id, campaign }: { id: string; campaign: CampaignDetail }) {
  const { t, locale } = useI18n();
  const result = useQuery({
    queryKey: ['case', id, 'result', locale],
    queryFn: async () => (await api.get<{ data: Answer<typeof caseResultSchema> }>(`/api/v1/cases/${encodeURIComponent(id)}/result`, { lang: locale })).data,
    staleTime: 60_000,
  });
  const r = result.data;
  if (!r) return null;
  if (r.tier === 'none') {
    return (
      <Card className="wb-card" title={t('wb.result.title')} data-testid="case-result">
        <Typography.Paragraph>{t('wb.result.notChosen')}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('wb.result.finalizedAt', { date: zonedTime(r.finalizedAt, campaign).slice(0, 10) })}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card className="wb-card" title={t('wb.result.title')} data-testid="case-result">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap size="small">
          <Tag color={TIER_COLORS[r.tier]} style={{ fontSize: 16, padding: '2px 10px' }}>{t(`certificates.tier.${r.tier}`)}</Tag>
          <Typography.Text>{t('wb.result.finalizedAt', { date: zonedTime(r.finalizedAt, campaign).slice(0, 10) })}</Typography.Text>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('wb.result.intro')}</Typography.Paragraph>
        <Descriptions column={1} size="small" items={[{ key: 'serial', label: t('wb.result.serial'), children: <Typography.Text copyable>{r.serial}</Typography.Text> }]} />
        <Space wrap>
          <Button type="primary" href={`${r.certificateUrl}?lang=${locale}`} download>{t('wb.result.download')}</Button>
          <Button href={r.verifyUrl} target="_blank" rel="noopener">{t('wb.result.verify')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
