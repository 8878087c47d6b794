import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Drawer, Empty, Grid, List, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { CampaignPicker, useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { useCampaign } from '../cases/case-shared.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { namedPageLinks } from '../icon-names.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { FlagScores } from './FlagScores.tsx';
import { rankingApi, type RankingFlag, type RankingRow } from './ranking-api.ts';
import { flagText, score } from './ranking-text.ts';
import './ranking.css';

type Sort = 'normalized' | 'raw';
const PAGE_SIZE = 50;
const FLAG_KINDS = ['too_few_scores', 'disagreement', 'flat_reviewer', 'few_reviews'] as const;
const FLAG_COLORS: Record<RankingFlag['kind'], string> = { too_few_scores: 'gold', disagreement: 'red', flat_reviewer: 'blue', few_reviews: 'purple' };

/** Highest raw score first, then the ranking's own order; cases without a score last. */
function byRaw(a: RankingRow, b: RankingRow): number {
  return (b.raw ?? -1) - (a.raw ?? -1) || (a.rank ?? Infinity) - (b.rank ?? Infinity);
}

/** Organizers: the cases in review ranked by raw and normalized score, and the flags to look at before selecting. */
export function RankingPage() {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  const campaign = useCampaign(slug).data;
  const [category, setCategory] = useState<string | undefined>();
  const [sort, setSort] = useState<Sort>('normalized');
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<RankingFlag['kind'] | undefined>();
  const [open, setOpen] = useState<RankingFlag | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const ranking = useQuery({
    queryKey: ['ranking', slug, category],
    queryFn: () => rankingApi.ranking(slug!, category),
    enabled: Boolean(slug),
    placeholderData: keepPreviousData,
  });
  const data = ranking.data;
  const rows = sort === 'raw' ? [...(data?.rows ?? [])].sort(byRaw) : data?.rows ?? [];
  const flags = new Map((data?.flags ?? []).map((f) => [f.id, f]));
  const kindCount = (k: RankingFlag['kind']) => (data?.flags ?? []).filter((f) => f.kind === k).length;
  const categoryName = (key: string) => campaign?.categories.find((c) => c.key === key)?.name[locale] ?? key;
  const show = (flag: RankingFlag) => {
    opener.current = document.activeElement as HTMLElement | null;
    setOpen(flag);
  };

  const flagButtons = (r: RankingRow) => (
    <Space size={[4, 4]} wrap>
      {r.flags.map((id) => flags.get(id)).filter((f) => f !== undefined).map((f) => (
        <Button key={f.id} size="small" danger={f.kind === 'disagreement'} onClick={() => show(f)}>{t(`wb.ranking.kind.${f.kind}`)}</Button>
      ))}
    </Space>
  );
  const title = (r: RankingRow) => (
    <>
      <Link to={`/app/cases/${r.caseId}`}>{r.title}</Link>
      <div className="wb-case-unit">{r.unitName}</div>
    </>
  );
  const rank = (n: number | null) => n ?? <Typography.Text type="secondary">{t('wb.ranking.unranked')}</Typography.Text>;
  const empty = { emptyText: data ? <Empty description={t('wb.ranking.empty')} /> : <Skeleton active /> };
  const paging = { current: page, pageSize: PAGE_SIZE, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false };

  return (
    <>
      <Card className="wb-card" title={t('wb.ranking.title')}>
        <CampaignPicker chosen={chosen} onChange={() => { setCategory(undefined); setPage(1); }} />
        <Typography.Paragraph type="secondary">{t('wb.ranking.intro')}</Typography.Paragraph>
        <details className="wb-ranking-help">
          <summary>{t('wb.ranking.normalizedHelp')}</summary>
          <Typography.Paragraph>{t('wb.ranking.normalizedText', { prior: data?.thresholds.habitPriorReviews ?? 5 })}</Typography.Paragraph>
        </details>
        {ranking.isError && <Alert className="wb-alert" type="error" showIcon title={ranking.error.message} />}
        <Row gutter={[12, 12]} className="wb-filters">
          <Col xs={24} md={8}>
            <Select className="wb-full" aria-label={t('wb.ranking.filter.category')} placeholder={t('wb.ranking.allCategories')} allowClear value={category}
              onChange={(v?: string) => { setCategory(v); setPage(1); }} options={(campaign?.categories ?? []).map((c) => ({ value: c.key, label: categoryName(c.key) }))} />
          </Col>
          <Col xs={24} md={8}>
            <Select<Sort> className="wb-full" aria-label={t('wb.ranking.sort')} value={sort} onChange={(v) => { setSort(v); setPage(1); }}
              options={(['normalized', 'raw'] as const).map((s) => ({ value: s, label: t(`wb.ranking.sort.${s}`) }))} />
          </Col>
        </Row>
        {data && <Typography.Paragraph type="secondary" className="wb-total">{t('wb.ranking.total', { count: data.rows.length })}</Typography.Paragraph>}
        {phone ? (
          <List
            dataSource={rows} loading={ranking.isFetching} locale={empty} pagination={{ ...paging, size: 'small', ...namedPageLinks(t) }}
            renderItem={(r) => (
              <List.Item className="wb-ranking-item">
                <Card size="small" className="wb-case-card wb-full">
                  <div>{title(r)}</div>
                  <div className="wb-case-meta">
                    <span>{r.rank === null ? t('wb.ranking.unranked') : t('wb.ranking.rankLine', { rank: r.rank, categoryRank: r.categoryRank ?? '—' })}</span>
                    <span>{categoryName(r.category)}</span>
                  </div>
                  <div>{t('wb.ranking.scoreLine', { raw: score(r.raw, locale), normalized: score(r.normalized, locale), count: r.scoreCount })}</div>
                  {r.flags.length > 0 && flagButtons(r)}
                </Card>
              </List.Item>
            )}
          />
        ) : (
          <ScrollRegion label={t('wb.ranking.title')}>
            <Table<RankingRow>
              rowKey="caseId" size="small" loading={ranking.isFetching} dataSource={rows} tableLayout="fixed" style={{ minWidth: 1000 }} locale={empty} pagination={{ ...paging, ...namedPageLinks(t) }}
              columns={[
                { title: t('wb.ranking.col.rank'), dataIndex: 'rank', width: 80, align: 'right', render: rank },
                { title: t('wb.ranking.col.categoryRank'), dataIndex: 'categoryRank', width: 96, align: 'right', render: rank },
                { title: t('wb.ranking.col.case'), key: 'case', render: (_: unknown, r) => title(r) },
                { title: t('wb.ranking.col.category'), dataIndex: 'category', width: 110, render: categoryName },
                { title: t('wb.ranking.col.raw'), dataIndex: 'raw', width: 80, align: 'right', render: (n: number | null) => score(n, locale) },
                { title: t('wb.ranking.col.normalized'), dataIndex: 'normalized', width: 96, align: 'right', render: (n: number | null) => <strong>{score(n, locale)}</strong> },
                { title: t('wb.ranking.col.scores'), dataIndex: 'scoreCount', width: 80, align: 'right' },
                { title: t('wb.ranking.col.flags'), key: 'flags', width: 200, render: (_: unknown, r) => flagButtons(r) },
              ]}
            />
          </ScrollRegion>
        )}
      </Card>
      <Card className="wb-card" title={t('wb.ranking.flagsTitle')}>
        <Typography.Paragraph type="secondary">{t('wb.ranking.flagsIntro')}</Typography.Paragraph>
        <Row className="wb-filters"><Col xs={24} md={8}>
          <Select className="wb-full" aria-label={t('wb.ranking.filter.kind')} placeholder={t('wb.ranking.allKinds')} allowClear value={kind} onChange={setKind}
            options={FLAG_KINDS.map((k) => ({ value: k, label: `${t(`wb.ranking.kind.${k}`)} (${kindCount(k)})` }))} />
        </Col></Row>
        <List
          key={kind ?? 'all'} className="wb-ranking-flags" dataSource={(data?.flags ?? []).filter((f) => !kind || f.kind === kind)} loading={ranking.isFetching} locale={{ emptyText: data ? <Empty description={t('wb.ranking.noFlags')} /> : <Skeleton active /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small', ...namedPageLinks(t) }}
          renderItem={(f) => (
            <List.Item className="wb-ranking-flag-item">
              <div>
                <Tag color={FLAG_COLORS[f.kind]}>{t(`wb.ranking.kind.${f.kind}`)}</Tag>
                {data && flagText(f, data, t, locale)}
              </div>
              <Button size="small" onClick={() => show(f)}>{t('wb.ranking.open')}</Button>
            </List.Item>
          )}
        />
      </Card>
      <Drawer
        className="wb-ranking-drawer" open={open !== null} onClose={() => setOpen(null)} size={phone ? '100%' : 'large'} destroyOnHidden
        title={open ? `${t('wb.ranking.scoresTitle')}${t('punct.colon')}${t(`wb.ranking.kind.${open.kind}`)}` : ''}
        afterOpenChange={(visible) => { if (!visible) opener.current?.focus(); }}
      >
        {open && data && slug && (
          <>
            <Typography.Paragraph>{flagText(open, data, t, locale)}</Typography.Paragraph>
            <FlagScores slug={slug} flagId={open.id} campaign={campaign} />
          </>
        )}
      </Drawer>
    </>
  );
}
