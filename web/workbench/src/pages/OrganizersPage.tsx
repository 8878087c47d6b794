import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { adminApi } from '../admin-api.ts';
import type { Organizer } from '../api-types.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useI18n } from '../i18n.tsx';

/** Everyone who organizes the platform or a campaign, for the platform's organizers. */
export function OrganizersPage() {
  const { t } = useI18n();
  const organizers = useQuery({ queryKey: ['organizers'], queryFn: adminApi.organizers });
  return (
    <Card className="wb-card" title={t('wb.org.organizersTitle')}>
      <ScrollRegion label={t('wb.org.organizersTitle')}>
        <Table<Organizer>
          rowKey={(o) => `${o.userId}:${o.campaign ?? ''}`}
          size="small"
          loading={organizers.isLoading}
          dataSource={organizers.data ?? []}
          pagination={false}
          columns={[
            { title: t('wb.displayName'), dataIndex: 'displayName' },
            { title: t('wb.email'), dataIndex: 'email' },
            { title: t('wb.org.scope'), dataIndex: 'campaign', render: (c: string | null) => (c ? <Tag>{c}</Tag> : <Tag color="red">{t('wb.org.platform')}</Tag>) },
            { title: t('wb.org.since'), dataIndex: 'since', render: (s: string) => new Date(s).toLocaleDateString() },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
