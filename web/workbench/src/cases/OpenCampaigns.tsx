import { Card, Empty, List, Skeleton } from 'antd';
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
        <List
          dataSource={open}
          renderItem={(c) => (
            <List.Item actions={[<LinkButton key="start" type="primary" to={`/app/cases?new=${encodeURIComponent(c.slug)}`}>{t('apply.start')}</LinkButton>]}>
              <List.Item.Meta
                title={c.title[locale]}
                description={t('wb.closesAt', { closes: formatInZone(new Date(c.window.closesAtUtc), c.window.timeZone).slice(0, 16) })}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
