import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table } from 'antd';
import { useState } from 'react';
import { api, type AuditEntry, type Page } from '../api.ts';
import { useI18n } from '../i18n.tsx';

const PAGE_SIZE = 50;

interface Verification {
  ok: boolean;
  count?: number;
  seq?: number;
  problem?: string;
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const entries = useQuery({
    queryKey: ['audit', page],
    queryFn: () => api.get<Page<AuditEntry>>('/api/v1/audit', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => api.get<Verification>('/api/v1/audit/verification') });
  const result = verify.data;
  return (
    <Card className="wb-card" title={t('wb.audit.title')} extra={<Button onClick={() => verify.mutate()} loading={verify.isPending}>{t('wb.audit.verify')}</Button>}>
      {result && (
        <Alert className="wb-alert" role="status" showIcon type={result.ok ? 'success' : 'error'}
          title={result.ok ? t('wb.audit.intact', { count: result.count ?? 0 }) : t('wb.audit.broken', { seq: result.seq ?? '?', problem: result.problem ?? '' })} />
      )}
      {verify.isError && <Alert className="wb-alert" type="error" showIcon title={verify.error.message} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={entries.isFetching}
        dataSource={entries.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: entries.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' }}
        columns={[
          { title: t('wb.audit.seq'), dataIndex: 'seq' },
          { title: t('wb.audit.at'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString(locale, { timeZone: 'Asia/Shanghai' }) },
          { title: t('wb.audit.actor'), dataIndex: 'actorLabel' },
          { title: t('wb.audit.action'), dataIndex: 'action', render: (a: string) => <code>{a}</code> },
          { title: t('wb.audit.subject'), key: 'subject', render: (_: unknown, e) => `${e.subjectType}${e.subjectId ? ` ${e.subjectId.slice(0, 8)}` : ''}` },
        ]}
      />
    </Card>
  );
}
