import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Drawer, Grid, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { adminApi } from '../admin-api.ts';
import type { Mail } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { namedPageLinks } from '../icon-names.tsx';

const PAGE_SIZE = 20;
const STATUS_COLOR = { queued: 'default', sending: 'gold', sent: 'green', kept: 'blue', failed: 'red' } as const;

export function MailPage() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Mail | null>(null);
  const screens = Grid.useBreakpoint();
  const mails = useQuery({
    queryKey: ['outgoing-mail', search, page],
    queryFn: () => adminApi.outgoingMail({ search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const when = (at: string) => new Date(at).toLocaleString(locale, { timeZone: 'Asia/Shanghai' });
  return (
    <Card className="wb-card" title={t('wb.mail.title')}>
      <Input.Search className="wb-search" aria-label={t('wb.search')} placeholder={t('wb.mail.searchPlaceholder')} allowClear enterButton={t('wb.search')}
        onSearch={(v) => { setSearch(v); setPage(1); }} />
      <Table<Mail>
        rowKey="id"
        size="small"
        loading={mails.isFetching}
        dataSource={mails.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(mail) => ({ onClick: () => setOpen(mail), className: 'wb-clickable' })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: mails.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small', ...namedPageLinks(t) }}
        columns={[
          { title: t('wb.mail.createdAt'), dataIndex: 'createdAt', render: when },
          { title: t('wb.mail.to'), dataIndex: 'to' },
          { title: t('wb.mail.subject'), dataIndex: 'subject', render: (s: string, m) => <a href={`#${m.id}`} onClick={(e) => { e.preventDefault(); setOpen(m); }}>{s}</a> },
          { title: t('wb.mail.status'), dataIndex: 'status', render: (s: Mail['status']) => <Tag color={STATUS_COLOR[s]}>{t(`wb.mail.status.${s}`)}</Tag> },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} title={open?.subject} size={screens.md ? 'large' : '100%'} className="wb-mail-drawer">
        {open && (
          <>
            <Typography.Paragraph type="secondary">{open.to} · {when(open.createdAt)} · {t(`wb.mail.status.${open.status}`)}</Typography.Paragraph>
            <Typography.Title level={5}>{t('wb.mail.text')}</Typography.Title>
            <pre className="wb-mail-text">{open.text}</pre>
          </>
        )}
      </Drawer>
    </Card>
  );
}
