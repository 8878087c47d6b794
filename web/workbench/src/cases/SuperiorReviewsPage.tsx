import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { useI18n } from '../i18n.tsx';
import { casesApi, caseKeys } from './cases-api.ts';
import { RecommendationTag } from './case-shared.tsx';

/** Members of a registered unit: the cases that name it as their superior organization, each opened on the review page. */
export function SuperiorReviewsPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: caseKeys.superiorReviews, queryFn: casesApi.mySuperiorReviews });
  return (
    <Card className="wb-card" title={t('wb.cases.review.listTitle')}>
      <Typography.Paragraph type="secondary">{t('wb.cases.review.listHint')}</Typography.Paragraph>
      {list.isError && <Alert className="wb-alert" type="error" showIcon title={list.error.message} />}
      {list.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
      {list.data?.length === 0 && <Typography.Text type="secondary">{t('wb.cases.review.listEmpty')}</Typography.Text>}
      <div className="wb-case-cards">
        {list.data?.map((item) => (
          <Card key={item.caseId} size="small" className="wb-case-card">
            <div className="wb-case-title">{item.title || t('wb.cases.untitled')}</div>
            <div className="wb-case-unit">{item.unitName}</div>
            <Space size={[4, 4]} wrap className="wb-case-tags"><RecommendationTag recommendation={item.recommendation} /></Space>
            <div className="wb-case-card-actions">
              <Button type={item.recommendation === 'pending' ? 'primary' : 'default'} href={`/app/superior-review?case=${item.caseId}`}>
                {t(item.recommendation === 'pending' ? 'wb.cases.review.open' : 'wb.cases.review.view')}
              </Button>
            </div>
          </Card>
        ))}
      </div>
    </Card>
  );
}
