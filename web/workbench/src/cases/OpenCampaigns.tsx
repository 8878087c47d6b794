import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { formatInZone } from '../../../../core/time/zoned-time.ts';
import { useI18n } from '../i18n.tsx';
import { LinkButton, useCampaigns } from './case-shared.tsx';

/** Where a unit starts: the campaigns open now, each with 申报案例 (the new-case dialog on My cases). */
export function OpenCampaigns() {
  const { t, locale } = useI18n();
  const campaigns = useCampaigns();
  const open = (campaigns.data ?? []).filter((c) => c.window.phase === 'open');
  return (
    <Card className="wb-card" title={t('wb.openCampaigns')}>
      {campaigns.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : open.length === 0 ? (
        <Empty description={t('wb.openCampaignsEmpty')} />
      ) : (
        <Flex vertical gap="middle" component="ul" className="wb-plain-list">
          {open.map((c) => (
            <Flex key={c.slug} component="li" wrap gap="small" justify="space-between" align="center">
              <div>
                <Typography.Text strong>{c.title[locale]}</Typography.Text>
                <div><Typography.Text type="secondary">{t('wb.closesAt', { closes: formatInZone(new Date(c.window.closesAtUtc), c.window.timeZone).slice(0, 16) })}</Typography.Text></div>
              </div>
              <LinkButton type="primary" to={`/app/cases?new=${encodeURIComponent(c.slug)}`}>{t('apply.start')}</LinkButton>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
