import { useQuery } from '@tanstack/react-query';
import { Card, Tag } from 'antd';
import { adminApi } from '../admin-api.ts';
import type { Organizer } from '../api-types.ts';
import { PeopleTable } from '../components/PeopleTable.tsx';
import { useI18n } from '../i18n.tsx';

/** Everyone who organizes the platform or a campaign, for the platform's organizers. */
export function OrganizersPage() {
  const { t, locale } = useI18n();
  const organizers = useQuery({ queryKey: ['organizers'], queryFn: adminApi.organizers });
  return (
    <Card className="wb-card" title={t('wb.org.organizersTitle')}>
      <PeopleTable<Organizer>
        label={t('wb.org.organizersTitle')}
        rowKey={(o) => `${o.userId}:${o.campaign ?? ''}`}
        rows={organizers.data}
        loading={organizers.isLoading}
        columns={[
          { title: t('wb.org.scope'), dataIndex: 'campaign', render: (c: string | null) => (c ? <Tag>{c}</Tag> : <Tag color="red">{t('wb.org.platform')}</Tag>) },
          { title: t('wb.org.since'), dataIndex: 'since', render: (s: string) => new Date(s).toLocaleDateString(locale, { timeZone: 'Asia/Shanghai' }) },
        ]}
      />
    </Card>
  );
}
