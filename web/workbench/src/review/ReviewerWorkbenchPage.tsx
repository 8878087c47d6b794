import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Skeleton, Table, Tag, Typography } from 'antd';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { reviewsApi } from './reviews-api.ts';

type Row = Awaited<ReturnType<typeof reviewsApi.mine>>['assignments'][number];

/** /app/reviews: the cases assigned to the signed-in reviewer, with progress and due date. */
export function ReviewerWorkbenchPage() {
  const { t } = useI18n();
  const mine = useQuery({ queryKey: ['my-reviews'], queryFn: reviewsApi.mine });
  const data = mine.data;
  const stateTag = (row: Row) => {
    if (row.state === 'submitted') return <Tag color="green">{t('wb.reviews.state.submitted')}</Tag>;
    if (row.state === 'draft') return <Tag color="gold">{t('wb.reviews.state.draft', { scored: row.scored, criteria: row.criteria })}</Tag>;
    return <Tag>{t('wb.reviews.state.not_started')}</Tag>;
  };
  return (
    <Card className="wb-card" title={<h1 className="wb-card-title">{t('wb.reviews.title')}</h1>}>
      {mine.isError && <Alert className="wb-alert" type="error" showIcon title={mine.error.message} />}
      {!data ? !mine.isError && <Skeleton active /> : (
        <>
          <Typography.Paragraph>{t('wb.reviews.progress', data.progress)}</Typography.Paragraph>
          <Table<Row>
            rowKey="id" dataSource={data.assignments} pagination={false} scroll={{ x: true }}
            locale={{ emptyText: t('wb.reviews.none') }}
            columns={[
              {
                title: t('wb.reviews.case'), key: 'case',
                render: (_, row) => (
                  <div>
                    <Link to={`/app/reviews/${row.id}`}>{row.caseTitle}</Link>
                    <div className="wb-muted">{row.campaign.title}{row.blind ? ` · ${t('wb.reviews.blind')}` : ''}</div>
                  </div>
                ),
              },
              { title: t('wb.reviews.state'), key: 'state', render: (_, row) => stateTag(row) },
              { title: t('wb.reviews.due'), key: 'due', render: (_, row) => `${row.dueAtLocal}（${row.zone}）` },
            ]}
          />
        </>
      )}
    </Card>
  );
}
