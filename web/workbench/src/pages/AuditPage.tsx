import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { describeAudit, type AuditPart } from '../../../../core/audit/describe.ts';
import type { auditPageResponse } from '../../../../core/api/people.ts';
import { adminApi } from '../admin-api.ts';
import type { Answer } from '../api-types.ts';
import { useI18n } from '../i18n.tsx';
import { namedPageLinks } from '../icon-names.tsx';
import { Link } from '../router.tsx';

const PAGE_SIZE = 50;

type AuditPage = Answer<typeof auditPageResponse>;

/** A named thing in a sentence: a workbench link, a public page, or just its name. */
function Part({ part }: { part: AuditPart }) {
  if (typeof part === 'string') return part;
  if (!part.href) return <strong>{part.text}</strong>;
  return part.href.startsWith('/app/') ? <Link to={part.href}>{part.text}</Link> : <a href={part.href}>{part.text}</a>;
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const entries = useQuery({
    queryKey: ['audit', page, locale],
    queryFn: () => adminApi.audit({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: adminApi.verifyAudit });
  const result = verify.data;
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Shanghai' });
  const names = entries.data?.names ?? {};
  return (
    <Card className="wb-card" title={t('wb.audit.title')} extra={<Space wrap><a href="/audit-heads">{t('wb.audit.headsLink')}</a><Button onClick={() => verify.mutate()} loading={verify.isPending}>{t('wb.audit.verify')}</Button></Space>}>
      {result && (
        <Alert className="wb-alert" role="status" showIcon type={result.ok ? 'success' : 'error'}
          title={result.ok ? t('wb.audit.intact', { count: result.count }) : t('wb.audit.broken', { seq: result.seq, problem: t(`wb.audit.problem.${result.problem}`) })}
          description={result.oldestUnsealedAt ? t('wb.audit.pending', { count: result.unsealed, at: time(result.oldestUnsealedAt) }) : undefined} />
      )}
      {verify.isError && <Alert className="wb-alert" type="error" showIcon title={verify.error.message} />}
      <Table<AuditPage['data'][number]>
        rowKey="id"
        size="small"
        loading={entries.isFetching}
        dataSource={entries.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: entries.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small', ...namedPageLinks(t) }}
        columns={[
          { title: t('wb.audit.seq'), dataIndex: 'seq', render: (seq: number | null) => seq ?? t('wb.audit.unsealed') },
          { title: t('wb.audit.at'), dataIndex: 'at', render: time },
          { title: t('wb.audit.action'), key: 'sentence', render: (_: unknown, e) => describeAudit(locale, e, names, time).map((part, i) => <Part key={i} part={part} />) },
          { title: t('wb.audit.actor'), dataIndex: 'actorLabel' },
        ]}
      />
    </Card>
  );
}
