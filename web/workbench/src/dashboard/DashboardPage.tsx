import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Grid, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo, useSyncExternalStore } from 'react';
import { CampaignPicker, useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { useCampaign } from '../cases/case-shared.tsx';
import { useI18n } from '../i18n.tsx';
import { ChartSection, TotalRow } from './ChartSection.tsx';
import { barsHeight, categoriesChart, daysChart, provincesChart, reviewChart, scoresChart, screeningChart, type ChartText } from './dashboard-charts.ts';
import { dashboardApi, type Dashboard } from './dashboard-api.ts';
import './dashboard.css';

// Organizers: the campaign in pictures (issue 15, item 5): submissions per day against the
// deadline, cases by category, province and screening outcome, review progress and the score
// distribution, each chart with its figures in a table.

const OUTCOMES = ['pending', 'passed', 'rejected', 'returned'] as const;
const STATUSES = ['submitted', 'returned', 'draft', 'withdrawn'] as const;
type CategoryRow = Dashboard['categories'][number];
type ReviewRow = Dashboard['review']['categories'][number];
type BandRow = Dashboard['scores']['bands'][number];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// A phone at 200 % zoom is narrower than any of antd's breakpoints.
const NARROW = '(max-width: 359px)';
function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const useNarrow = () => useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches);

/** The organizers' dashboard of the chosen campaign. */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const narrow = useNarrow();
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  const campaign = useCampaign(slug).data;
  const query = useQuery({ queryKey: ['dashboard', slug], queryFn: () => dashboardApi.dashboard(slug!), enabled: Boolean(slug) });
  const d = query.data;
  const num = (n: number) => n.toLocaleString(locale);
  const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);
  const categoryName = (key: string) => (key === '' ? t('wb.dashboard.noCategory') : campaign?.categories.find((c) => c.key === key)?.name[locale] ?? key);
  const text: ChartText = { t, phone, narrow, categoryName };
  // Options are rebuilt only when the figures, the language or the size change.
  const options = useMemo(() => d && {
    days: daysChart(d, text), categories: categoriesChart(d, text), provinces: provincesChart(d, text),
    screening: screeningChart(d, text), review: reviewChart(d, text), scores: scoresChart(d, text),
  }, [d, locale, phone, narrow, campaign]);

  const intro = (
    <Card className="wb-card" title={t('wb.dashboard.title')}>
      <CampaignPicker chosen={chosen} />
      <Typography.Paragraph type="secondary">{t('wb.dashboard.intro')}</Typography.Paragraph>
      {query.isError && <Alert className="wb-alert" type="error" showIcon title={query.error.message} />}
      {d ? (
        <Row gutter={[16, 16]} className="wb-dashboard-statuses">
          {STATUSES.map((s) => <Col key={s} xs={12} md={6}><Statistic title={t(`wb.dashboard.status.${s}`)} value={d.statuses[s]} /></Col>)}
        </Row>
      ) : !query.isError && <Skeleton active />}
    </Card>
  );
  if (!d || !options) return intro;

  const total = sum(d.categories.map((c) => c.cases));
  const submittedDays = d.days.filter((x) => x.first > 0 || x.again > 0);
  const zone = campaign?.window.timeZoneLabel[locale] ?? d.timeZone;
  const deadline = `${d.closesAt.replace('T', ' ')} ${zone}`;
  const scoredCategories = d.scores.categories.map((c, i) => ({ c, i })).filter(({ i }) => d.scores.bands.some((b) => b.counts[i]! > 0));
  const right = { align: 'right' as const };

  return (
    <>
      {intro}
      <ChartSection
        id="days" title={t('wb.dashboard.days.title')} note={t('wb.dashboard.days.note', { zone, deadline })}
        option={options.days} height={(phone ? 260 : 320) + (narrow ? 60 : 0)} rows={submittedDays} rowKey="day" pageSize={10}
        columns={[
          { title: t('wb.dashboard.days.day'), dataIndex: 'day' },
          { title: t('wb.dashboard.days.first'), dataIndex: 'first', ...right, render: num },
          { title: t('wb.dashboard.days.again'), dataIndex: 'again', ...right, render: num },
          { title: t('wb.dashboard.days.cumulative'), dataIndex: 'cumulative', ...right, render: num },
        ]}
      />
      <ChartSection<CategoryRow>
        id="categories" title={t('wb.dashboard.categories.title')} note={t('wb.dashboard.categories.note')}
        option={options.categories} height={barsHeight(d.categories.length, phone)} rows={d.categories} rowKey="category"
        columns={[
          { title: t('wb.dashboard.col.category'), dataIndex: 'category', render: categoryName },
          { title: t('wb.dashboard.col.cases'), dataIndex: 'cases', ...right, render: num },
          { title: t('wb.dashboard.col.share'), key: 'share', ...right, render: (_: unknown, c) => percent(c.cases, total) },
        ]}
        summary={() => <TotalRow label={t('wb.dashboard.total')} values={[num(total), percent(total, total)]} />}
      />
      <ChartSection
        id="provinces" title={t('wb.dashboard.provinces.title')} note={t('wb.dashboard.provinces.note')}
        option={options.provinces} height={barsHeight(d.provinces.length, phone)} rows={d.provinces} rowKey="code" pageSize={phone ? 10 : 16}
        columns={[
          { title: t('wb.dashboard.col.province'), dataIndex: 'name' },
          { title: t('wb.dashboard.col.cases'), dataIndex: 'cases', ...right, render: num },
          { title: t('wb.dashboard.col.share'), key: 'share', ...right, render: (_: unknown, p) => percent(p.cases, total) },
        ]}
      />
      <ChartSection<CategoryRow>
        id="screening" wide title={t('wb.dashboard.screening.title')} note={t('wb.dashboard.screening.note')}
        option={options.screening} height={barsHeight(d.categories.length, phone) + 30 + (narrow ? 70 : 0)} rows={d.categories} rowKey="category"
        columns={[
          { title: t('wb.dashboard.col.category'), dataIndex: 'category', render: categoryName },
          ...OUTCOMES.map((o) => ({ title: t(`wb.dashboard.outcome.${o}`), key: o, ...right, render: (_: unknown, c: CategoryRow) => num(c.outcomes[o]) })),
        ]}
        summary={() => <TotalRow label={t('wb.dashboard.total')} values={OUTCOMES.map((o) => num(sum(d.categories.map((c) => c.outcomes[o]))))} />}
      />
      <ChartSection<ReviewRow>
        id="review" wide title={t('wb.dashboard.review.title')} note={t('wb.dashboard.review.note', { count: d.review.reviewsPerCase })}
        option={options.review} height={barsHeight(d.review.categories.length * 2, phone, 22) + 30 + (narrow ? 70 : 0)} rows={d.review.categories} rowKey="category"
        columns={[
          { title: t('wb.dashboard.col.category'), dataIndex: 'category', render: categoryName },
          { title: t('wb.dashboard.review.cases'), dataIndex: 'cases', ...right, render: num },
          { title: t('wb.dashboard.review.fullyScored'), dataIndex: 'fullyScored', ...right, render: num },
          { title: t('wb.dashboard.review.assigned'), dataIndex: 'assigned', ...right, render: num },
          { title: t('wb.dashboard.review.submitted'), dataIndex: 'submitted', ...right, render: num },
          { title: t('wb.dashboard.review.done'), key: 'done', ...right, render: (_: unknown, r) => percent(r.submitted, r.assigned) },
        ]}
        summary={() => {
          const of = (k: 'cases' | 'fullyScored' | 'assigned' | 'submitted') => sum(d.review.categories.map((c) => c[k]));
          return <TotalRow label={t('wb.dashboard.total')} values={[num(of('cases')), num(of('fullyScored')), num(of('assigned')), num(of('submitted')), percent(of('submitted'), of('assigned'))]} />;
        }}
      />
      <ChartSection<BandRow>
        id="scores" wide title={t('wb.dashboard.scores.title')} note={t('wb.dashboard.scores.note', { count: d.scores.unscored })}
        option={options.scores} height={(phone ? 280 : 320) + (narrow ? 60 : 0)} rows={d.scores.bands} rowKey="from"
        columns={[
          { title: t('wb.dashboard.scores.band'), key: 'band', render: (_: unknown, b) => t('wb.dashboard.scores.bandRange', { from: b.from, to: b.to }) },
          ...scoredCategories.map(({ c, i }) => ({ title: categoryName(c), key: c, ...right, render: (_: unknown, b: BandRow) => num(b.counts[i]!) })),
        ]}
      />
    </>
  );
}
