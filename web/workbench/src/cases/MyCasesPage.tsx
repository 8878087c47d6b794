import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Grid, Result, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { useMe } from '../session.tsx';
import { CaseTrail } from './CaseTrail.tsx';
import { casesApi, caseKeys, type CaseSummary } from './cases-api.ts';
import { namedPageLinks } from '../icon-names.tsx';
import { currentCampaign, LinkButton, RecommendationTag, StatusTag, useCampaign, useCampaigns, zonedTime, zonedTimeWithLabel } from './case-shared.tsx';
import { NewCaseDialog } from './NewCaseDialog.tsx';

/** A unit's cases: where each stands, what the organizers asked for, and every step it took. */
export function MyCasesPage() {
  const { t, locale } = useI18n();
  const me = useMe().data!;
  const phone = !Grid.useBreakpoint().md;
  const cases = useQuery({ queryKey: caseKeys.mine, queryFn: casesApi.listMyCases, enabled: me.units.length > 0 });
  const campaigns = useCampaigns();
  const campaign = currentCampaign(campaigns.data);
  const [creating, setCreating] = useState(false);
  // ?new=<campaign> (from 申报案例 on the public pages or the unit's home) opens the new-case dialog.
  const { search, navigate } = useRouter();
  const wanted = search.get('new');
  const target = wanted ? campaigns.data?.find((c) => c.slug === wanted && c.window.phase === 'open') : undefined;
  useEffect(() => {
    if (target && me.units.length > 0) setCreating(true);
  }, [target, me.units.length]);
  const closeDialog = () => {
    setCreating(false);
    if (wanted) navigate('/app/cases', { replace: true });
  };

  if (me.units.length === 0) {
    return (
      <Card className="wb-card">
        <Result status="info" title={t('wb.cases.noUnitTitle')} subTitle={t('wb.cases.noUnitText')}
          extra={<LinkButton type="primary" to="/app/unit">{t('wb.cases.registerUnit')}</LinkButton>} />
      </Card>
    );
  }

  const open = campaign && campaign.window.phase !== 'closed';
  const list = cases.data ?? [];
  const multiUnit = me.units.length > 1;
  return (
    <Card
      className="wb-card wb-my-cases"
      title={t('wb.cases.myTitle')}
      extra={<Button type="primary" loading={campaigns.isPending} disabled={!campaigns.isPending && !open} onClick={() => setCreating(true)}>{t('wb.cases.new')}</Button>}
    >
      {campaign && (
        <Typography.Paragraph type="secondary" className="wb-cases-campaign">
          {campaign.title[locale]}
          {campaign.window.phase === 'closed' ? ` · ${t('wb.cases.campaignClosed')}` : ''}
        </Typography.Paragraph>
      )}
      {cases.isError && <Alert className="wb-alert" type="error" showIcon title={cases.error.message} />}
      {cases.isPending ? <Skeleton active /> : list.length === 0 ? (
        <Empty description={t('wb.cases.empty')}>
          {open && <Button type="primary" onClick={() => setCreating(true)}>{t('wb.cases.new')}</Button>}
        </Empty>
      ) : phone ? (
        <div className="wb-case-cards">
          {list.map((c) => <CaseCard key={c.id} summary={c} showUnit={multiUnit} />)}
        </div>
      ) : (
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          dataSource={list}
          pagination={list.length > 20 ? { pageSize: 20, showSizeChanger: false, ...namedPageLinks(t) } : false}
          expandable={{ expandedRowRender: (c) => <CaseTrail id={c.id} campaignSlug={c.campaignSlug} />, columnTitle: '' }}
          columns={[
            {
              title: t('wb.cases.caseTitle'), dataIndex: 'title',
              render: (_: string, c) => (
                <div className="wb-case-title-cell">
                  <Link to={`/app/cases/${c.id}`} className="wb-case-title">{c.title || t('wb.cases.untitled')}</Link>
                  {multiUnit && <div className="wb-case-unit">{c.organizationName}</div>}
                  <ReturnNotice summary={c} />
                </div>
              ),
            },
            { title: t('wb.cases.status'), dataIndex: 'status', width: 120, render: (s: string) => <StatusTag status={s} /> },
            { title: t('wb.cases.recommendation'), dataIndex: 'recommendation', width: 200, render: (r: string) => <RecommendationTag recommendation={r} /> },
            { title: t('wb.cases.submissions'), dataIndex: 'submissionCount', width: 90, align: 'right' },
            { title: t('wb.cases.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string, c) => <When iso={v} slug={c.campaignSlug} /> },
          ]}
        />
      )}
      {(target ?? campaign) && creating && (
        <NewCaseDialog me={me} campaignSlug={(target ?? campaign)!.slug} onClose={closeDialog} />
      )}
    </Card>
  );
}

function When({ iso, slug }: { iso: string; slug: string }) {
  const campaign = useCampaign(slug).data;
  return <span className="wb-nowrap">{zonedTime(iso, campaign, false)}</span>;
}

/** The organizers' message and the date to resubmit by, where nobody can miss it. */
function ReturnNotice({ summary }: { summary: CaseSummary }) {
  const { t, locale } = useI18n();
  const campaign = useCampaign(summary.campaignSlug).data;
  if (summary.status !== 'returned' || !summary.returnMessage) return null;
  // The date to resubmit by shows once the campaign (its time zone) is known; never without it.
  const due = summary.returnDueAt && campaign ? zonedTimeWithLabel(summary.returnDueAt, campaign, locale, false) : null;
  return (
    <Alert
      className="wb-return-notice"
      type="warning"
      showIcon
      title={due ? t('wb.cases.returnedDue', { due }) : t('case.status.returned')}
      description={<span className="wb-return-message">{summary.returnMessage}</span>}
    />
  );
}

function CaseCard({ summary: c, showUnit }: { summary: CaseSummary; showUnit: boolean }) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  return (
    <Card size="small" className="wb-case-card">
      <Link to={`/app/cases/${c.id}`} className="wb-case-title">{c.title || t('wb.cases.untitled')}</Link>
      {showUnit && <div className="wb-case-unit">{c.organizationName}</div>}
      <Space size={[4, 4]} wrap className="wb-case-tags">
        <StatusTag status={c.status} />
        <RecommendationTag recommendation={c.recommendation} />
      </Space>
      <ReturnNotice summary={c} />
      <div className="wb-case-meta">
        <span>{t('wb.cases.submittedTimes', { count: c.submissionCount })}</span>
        <span>{t('wb.cases.updatedAt')} <When iso={c.updatedAt} slug={c.campaignSlug} /></span>
      </div>
      <div className="wb-case-card-actions">
        <Button type="link" className="wb-case-toggle" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('wb.cases.hideTrail') : t('wb.cases.showTrail')}
        </Button>
        <LinkButton size="small" to={`/app/cases/${c.id}`}>{t('wb.cases.open')}</LinkButton>
      </div>
      {expanded && <CaseTrail id={c.id} campaignSlug={c.campaignSlug} />}
    </Card>
  );
}
