import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { zonedTimeWithLabel } from '../cases/case-shared.tsx';
import type { CampaignDetail } from '../cases/cases-api.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { similarityApi, type SimilarityReport as Report } from './similarity-api.ts';

// A case's near-duplicate report for organizers: each similar case (of this campaign or an
// earlier one) with its figures and the overlapping passages side by side (stacked on a phone),
// the shared text highlighted, and files identical to another case's. Usable in a drawer or as a
// section of a page; while the check is still to come it says so and looks again.

type Match = Report['matches'][number];
type Excerpt = Match['passages'][number]['a'];

const percent = (value: number) => `${Math.round(value * 100)}%`;

function Side({ label, excerpt }: { label: string; excerpt: Excerpt }) {
  return (
    <div className="wb-similarity-side">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <p>
        {excerpt.clippedBefore && '…'}{excerpt.before}<mark>{excerpt.text}</mark>{excerpt.after}{excerpt.clippedAfter && '…'}
      </p>
    </div>
  );
}

function MatchCard({ match }: { match: Match }) {
  const { t } = useI18n();
  return (
    <Card className="wb-card" size="small" title={<Space wrap><Tag color={match.kind === 'case' ? 'red' : 'orange'}>{t(`wb.similarity.kind.${match.kind}`)}</Tag>{match.title}</Space>}>
      <Space wrap size="large">
        <Typography.Text strong>{t('wb.similarity.exact', { value: percent(match.exact) })}</Typography.Text>
        <Typography.Text type="secondary">{t('wb.similarity.estimated', { value: percent(match.estimated) })}</Typography.Text>
        {match.unitName && <span>{t('wb.similarity.unit', { unit: match.unitName })}</span>}
        {match.source && <span>{t('wb.similarity.source', { source: match.source })}</span>}
        {match.caseId && <Link to={`/app/cases/${match.caseId}`}>{t('wb.similarity.openCase')}</Link>}
      </Space>
      <Typography.Title level={5}>{t('wb.similarity.passages', { count: match.passages.length })}</Typography.Title>
      <ol className="wb-similarity-passages">
        {match.passages.map((p, i) => (
          <li key={i} className="wb-similarity-pair">
            <Side label={t('wb.similarity.thisCase')} excerpt={p.a} />
            <Side label={t('wb.similarity.otherCase')} excerpt={p.b} />
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function SimilarityReport({ caseId, campaign }: { caseId: string; campaign: CampaignDetail }) {
  const { t, locale } = useI18n();
  const report = useQuery({
    queryKey: ['similarity', caseId],
    queryFn: () => similarityApi.report(caseId),
    // Looks again while the check is still to come.
    refetchInterval: (query) => (query.state.data?.state === 'pending' ? 5000 : false),
  });
  if (report.isError) return <Alert className="wb-alert" type="error" showIcon title={report.error.message} />;
  const data = report.data;
  return (
    <section aria-labelledby={`similarity-${caseId}`} className="wb-similarity">
      <Card
        className="wb-card" loading={report.isLoading}
        title={<span id={`similarity-${caseId}`}>{t('wb.similarity.title')}</span>}
        extra={<Button size="small" onClick={() => void report.refetch()} loading={report.isFetching}>{t('wb.similarity.refresh')}</Button>}
      >
        {data && (
          <>
            {data.state === 'pending' && <Alert className="wb-alert" type="info" showIcon role="status" title={t('wb.similarity.pending')} />}
            {data.state === 'not_submitted' && <Alert className="wb-alert" type="info" showIcon title={t('wb.similarity.notSubmitted')} />}
            <Typography.Paragraph type="secondary">
              {t('wb.similarity.explain', { threshold: percent(data.threshold) })}
              {data.checkedAt && <> {t('wb.similarity.checkedAt', { when: zonedTimeWithLabel(data.checkedAt, campaign, locale) })}</>}
            </Typography.Paragraph>
            {data.state === 'done' && data.matches.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wb.similarity.none')} />}
            {data.matches.map((m) => <MatchCard key={m.caseId ?? m.referenceId} match={m} />)}
            <Typography.Title level={5}>{t('wb.similarity.sameFiles')}</Typography.Title>
            {data.sameFiles.length === 0 ? <Typography.Paragraph type="secondary">{t('wb.similarity.noSameFiles')}</Typography.Paragraph> : (
              <List
                size="small"
                dataSource={data.sameFiles.flatMap((f) => f.others.map((o) => ({ key: `${f.sha256}-${o.caseId}-${o.fileName}`, file: f.fileName, ...o })))}
                renderItem={(item) => (
                  <List.Item>
                    <Link to={`/app/cases/${item.caseId}`}>{t('wb.similarity.sameFile', { file: item.file, other: item.fileName, title: item.title })}</Link>
                  </List.Item>
                )}
              />
            )}
          </>
        )}
      </Card>
    </section>
  );
}
