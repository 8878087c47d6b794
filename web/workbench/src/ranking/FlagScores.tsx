import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import type { CampaignDetail } from '../api-types.ts';
import { zonedTime } from '../cases/case-shared.tsx';
import { useI18n } from '../i18n.tsx';
import { rankingApi, type FlagScores as Scores } from './ranking-api.ts';
import { score } from './ranking-text.ts';

type Review = Scores['reviews'][number];

/** The reviews behind one flag: each reviewer's raw and normalized score per criterion, the totals, tier and comment. */
export function FlagScores({ slug, flagId, campaign }: { slug: string; flagId: string; campaign: CampaignDetail | undefined }) {
  const { t, locale } = useI18n();
  const scores = useQuery({ queryKey: ['ranking-flag', slug, flagId], queryFn: () => rankingApi.flag(slug, flagId) });
  if (scores.isError) return <Alert type="error" showIcon title={scores.error.message} />;
  if (!scores.data) return <Skeleton active />;
  if (scores.data.reviews.length === 0) return <Empty description={t('wb.ranking.noScores')} />;
  const criterionName = (key: string) => campaign?.criteria.find((c) => c.key === key)?.name[locale] ?? key;
  const card = (r: Review) => {
    const rows = Object.keys(r.raw).map((key) => ({ key, name: criterionName(key), raw: r.raw[key]!, normalized: r.normalized[key] ?? null }));
    return (
      <Card key={r.reviewId} size="small" className="wb-ranking-review" title={<span className="wb-ranking-reviewer">{r.reviewer.name}</span>}>
        <div className="wb-case-unit">{r.reviewer.email}</div>
        <Typography.Paragraph strong className="wb-ranking-case">{r.caseTitle}</Typography.Paragraph>
        <Table
          rowKey="key" size="small" pagination={false} dataSource={rows}
          columns={[
            { title: t('wb.ranking.criterion'), dataIndex: 'name' },
            { title: t('wb.ranking.col.raw'), dataIndex: 'raw', align: 'right', render: (n: number) => score(n, locale) },
            { title: t('wb.ranking.col.normalized'), dataIndex: 'normalized', align: 'right', render: (n: number | null) => score(n, locale) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('wb.ranking.totalRow')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{score(r.rawTotal, locale)}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{score(r.normalizedTotal, locale)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        <div className="wb-ranking-review-notes">
          <Tag>{t('wb.ranking.tier', { tier: r.tier ? t(`review.tier.${r.tier}`) : t('wb.ranking.noTier') })}</Tag>
          {r.comment && <Typography.Paragraph>{t('wb.ranking.comment', { comment: r.comment })}</Typography.Paragraph>}
          {r.submittedAt && <div className="wb-case-unit">{t('wb.ranking.submittedAt', { time: zonedTime(r.submittedAt, campaign, false) })}</div>}
        </div>
      </Card>
    );
  };
  // Focusable, so a keyboard reaches the drawer's scrolling body and scrolls it with the arrow keys.
  return <div className="wb-ranking-reviews" tabIndex={0} role="region" aria-label={t('wb.ranking.scoresTitle')}>{scores.data.reviews.map(card)}</div>;
}
