import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Table, Typography } from 'antd';
import { CampaignPicker, useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { useCampaign, zonedTime } from '../cases/case-shared.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { namedPageLinks } from '../icon-names.tsx';
import { useI18n } from '../i18n.tsx';
import { screeningApi } from './screening-api.ts';

type Counts = { assigned: number; scored: number; late: number };

/** Organizers: how far screening and review have come, by category and by reviewer. */
export function ProgressPage() {
  const { t, locale } = useI18n();
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  const campaign = useCampaign(slug).data;
  const progress = useQuery({ queryKey: ['progress', slug], queryFn: () => screeningApi.progress(slug!), enabled: Boolean(slug) });
  const data = progress.data;
  const work = [
    { title: t('wb.progress.col.assigned'), dataIndex: 'assigned', width: 90, align: 'right' as const },
    { title: t('wb.progress.col.scored'), dataIndex: 'scored', width: 90, align: 'right' as const },
    { title: t('wb.progress.col.late'), dataIndex: 'late', width: 80, align: 'right' as const, render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
  ];
  const num = (key: string, label: string) => ({ title: label, dataIndex: key, width: 90, align: 'right' as const });
  const total = <T extends Counts>(rows: T[], key: keyof T) => rows.reduce((sum, r) => sum + Number(r[key]), 0);
  return (
    <>
      <Card className="wb-card" title={t('wb.progress.title')}>
        <CampaignPicker chosen={chosen} />
        <Typography.Paragraph type="secondary">{t('wb.progress.intro', { due: data?.dueAt ? zonedTime(data.dueAt, campaign, false) : '—' })}</Typography.Paragraph>
        {progress.isError && <Alert type="error" showIcon title={progress.error.message} />}
        <Typography.Title level={5}>{t('wb.progress.byCategory')}</Typography.Title>
        <ScrollRegion label={t('wb.progress.byCategory')}>
          <Table
            rowKey="category" size="small" pagination={false} loading={progress.isFetching} dataSource={data?.categories ?? []} style={{ minWidth: 820 }}
            columns={[
              { title: t('wb.progress.col.category'), dataIndex: 'category', width: 140, render: (k: string) => campaign?.categories.find((c) => c.key === k)?.name[locale] ?? k },
              num('cases', t('wb.progress.col.cases')), num('pending', t('wb.progress.col.pending')), num('passed', t('wb.progress.col.passed')),
              num('rejected', t('wb.progress.col.rejected')), num('returned', t('wb.progress.col.returned')), ...work,
            ]}
            summary={(rows) => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('wb.progress.total')}</Table.Summary.Cell>
                {(['cases', 'pending', 'passed', 'rejected', 'returned', 'assigned', 'scored', 'late'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">{total([...rows], k)}</Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
        </ScrollRegion>
      </Card>
      <Card className="wb-card" title={t('wb.progress.byReviewer')}>
        <ScrollRegion label={t('wb.progress.byReviewer')}>
          <Table
            rowKey="reviewerId" size="small" loading={progress.isFetching} dataSource={data?.reviewers ?? []} style={{ minWidth: 560 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, ...namedPageLinks(t) }}
            locale={{ emptyText: <Empty description={t('wb.progress.noReviewers')} /> }}
            columns={[
              { title: t('wb.progress.col.reviewer'), dataIndex: 'name', render: (name: string, r: { email: string }) => <>{name}<div className="wb-case-meta">{r.email}</div></> },
              ...work,
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
