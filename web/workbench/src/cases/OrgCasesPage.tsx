import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Grid, Row, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CASE_STATUSES, type CaseStatus } from '../../../../core/case/case-status.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { casesApi, caseKeys, type CaseSummary } from './cases-api.ts';
import { RecommendationTag, StatusTag, UnverifiedTag, useCampaign, zonedTime, zonedTimeWithLabel } from './case-shared.tsx';
import { DeadlineExtensions, type UnitChoice } from './DeadlineExtensions.tsx';
import { clearable, namedPageLinks } from '../icon-names.tsx';
import { ReturnCaseDialog } from './ReturnCaseDialog.tsx';

/** Organizers: the campaign's cases by status, returning one for correction, extending deadlines. */
export function OrgCasesPage() {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const picked = useChosenCampaign();
  const chosen = picked.slug;
  const campaign = useCampaign(chosen).data;
  const [status, setStatus] = useState<CaseStatus | undefined>();
  const cases = useQuery({
    queryKey: caseKeys.campaignCases(chosen ?? '', status),
    queryFn: () => casesApi.listCampaignCases(chosen!, status),
    enabled: Boolean(chosen),
    placeholderData: keepPreviousData,
  });
  // Every unit with a case, for the extension form (whatever the status filter shows).
  const all = useQuery({ queryKey: caseKeys.campaignCases(chosen ?? ''), queryFn: () => casesApi.listCampaignCases(chosen!), enabled: Boolean(chosen) });
  const units = useMemo<UnitChoice[]>(() => {
    const seen = new Map<string, string>();
    for (const c of all.data ?? []) seen.set(c.organizationId, c.organizationName);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }, [all.data]);
  const [returning, setReturning] = useState<CaseSummary | null>(null);
  const [extendFor, setExtendFor] = useState<string | null>(null);

  const extend = (c: CaseSummary) => {
    setExtendFor(c.organizationId);
    document.getElementById('deadline-extensions')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const actions = (c: CaseSummary) => (
    <Space size={4} wrap>
      {c.submissionCount > 0 && <Link to={`/app/cases/${c.id}/receipts/${c.submissionCount}`}>{t('wb.cases.receiptLatest')}</Link>}
      {c.status === 'submitted' && <Button size="small" danger onClick={() => setReturning(c)}>{t('wb.cases.returnAction')}</Button>}
      <Button size="small" onClick={() => extend(c)}>{t('wb.cases.extendAction')}</Button>
    </Space>
  );
  const list = cases.data ?? [];

  return (
    <>
      <Card className="wb-card" title={campaign ? t('wb.cases.orgTitle', { campaign: campaign.shortTitle[locale] }) : t('wb.nav.orgCases')}>
        <Row gutter={[12, 12]} className="wb-filters">
          {picked.campaigns.length > 1 && (
            <Col xs={24} md={12}>
              <Select className="wb-full" aria-label={t('wb.cases.campaign')} value={chosen} onChange={(v: string) => { picked.choose(v); setStatus(undefined); }}
                options={picked.campaigns.map((c) => ({ value: c.slug, label: c.title[locale] }))} />
            </Col>
          )}
          <Col xs={24} md={8}>
            <Select className="wb-full" aria-label={t('wb.cases.status')} placeholder={t('wb.cases.allStatuses')} allowClear={clearable(t)} value={status} onChange={setStatus}
              options={CASE_STATUSES.map((s) => ({ value: s, label: t(`case.status.${s}`) }))} />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" className="wb-total">
          {t('wb.cases.total', { total: list.length })}{campaign ? ` · ${t('wb.cases.timesIn', { zone: campaign.window.timeZoneLabel[locale] })}` : ''}
        </Typography.Paragraph>
        {cases.isError && <Alert className="wb-alert" type="error" showIcon title={cases.error.message} />}
        {phone ? (
          <div className="wb-case-cards">
            {list.map((c) => (
              <Card key={c.id} size="small" className="wb-case-card">
                <Link to={`/app/cases/${c.id}`} className="wb-case-title">{c.title || t('wb.cases.untitled')}</Link>
                <div className="wb-case-unit">{c.organizationName}</div>
                <Space size={[4, 4]} wrap className="wb-case-tags">
                  <StatusTag status={c.status} />
                  <RecommendationTag recommendation={c.recommendation} />
                  <UnverifiedTag verification={c.recommendationVerification} />
                </Space>
                {c.status === 'returned' && c.returnDueAt && (
                  <div className="wb-case-meta">{t('wb.cases.returnedDue', { due: zonedTimeWithLabel(c.returnDueAt, campaign, locale, false) })}</div>
                )}
                <div className="wb-case-meta">
                  <span>{t('wb.cases.submittedTimes', { count: c.submissionCount })}</span>
                  <span>{zonedTime(c.updatedAt, campaign, false)}</span>
                </div>
                <div className="wb-case-card-actions">{actions(c)}</div>
              </Card>
            ))}
            {list.length === 0 && !cases.isPending && <Empty description={status ? t('wb.cases.orgEmpty') : t('wb.empty.orgCases')} />}
          </div>
        ) : (
          <Table<CaseSummary>
            rowKey="id"
            size="small"
            loading={cases.isFetching}
            dataSource={list}
            // Fits the card at 1280 px; narrower, the table scrolls under a 操作 column that stays in view.
            scroll={{ x: 960 }}
            tableLayout="fixed"
            locale={{ emptyText: <Empty description={status ? t('wb.cases.orgEmpty') : t('wb.empty.orgCases')} /> }}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, ...namedPageLinks(t) }}
            columns={[
              { title: t('wb.cases.caseTitle'), dataIndex: 'title', ellipsis: true, render: (v: string, c) => <Link to={`/app/cases/${c.id}`}>{v || t('wb.cases.untitled')}</Link> },
              { title: t('wb.cases.unit'), dataIndex: 'organizationName', width: 200, ellipsis: true },
              { title: t('wb.cases.status'), dataIndex: 'status', width: 130, render: (s: string, c) => (
                <>
                  <StatusTag status={s} />
                  {s === 'returned' && c.returnDueAt && <div className="wb-case-due">{t('wb.cases.dueAt', { due: zonedTime(c.returnDueAt, campaign, false) })}</div>}
                </>
              ) },
              { title: t('wb.cases.recommendation'), dataIndex: 'recommendation', width: 140, responsive: ['xl'], render: (r: string, c) => <><RecommendationTag recommendation={r} /><UnverifiedTag verification={c.recommendationVerification} /></> },
              { title: t('wb.cases.submissions'), dataIndex: 'submissionCount', width: 80, align: 'right', responsive: ['xxl'] },
              { title: t('wb.cases.updatedAt'), dataIndex: 'updatedAt', width: 150, responsive: ['lg'], render: (v: string) => <span className="wb-nowrap">{zonedTime(v, campaign, false)}</span> },
              { title: t('wb.cases.actions'), key: 'actions', width: 230, fixed: 'right', render: (_: unknown, c) => actions(c) },
            ]}
          />
        )}
      </Card>
      {campaign && <DeadlineExtensions campaign={campaign} units={units} unit={extendFor} onUnit={setExtendFor} />}
      {returning && campaign && <ReturnCaseDialog summary={returning} campaign={campaign} onClose={() => setReturning(null)} />}
    </>
  );
}
