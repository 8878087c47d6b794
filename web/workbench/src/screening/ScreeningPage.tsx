import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Empty, Grid, Input, List, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { SCREENING_STATES, type ScreeningState } from '../../../../core/screening/screening-decision.ts';
import { SCREENING_FLAGS, SCREENING_SORTS, type ScreeningFlag, type ScreeningSort } from '../../../../core/screening/screening-query.ts';
import { useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { PhasePanel } from '../campaigns/PhasePanel.tsx';
import { RecommendationTag, useCampaign, zonedTime } from '../cases/case-shared.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { DivisionName } from '../components/UnitView.tsx';
import { namedPageLinks, namedSelectAll } from '../icon-names.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { DecisionDialog, type DialogResult } from './DecisionDialog.tsx';
import { screeningApi, type QueueRow, type SeenCase } from './screening-api.ts';

// Province-level division codes (first two digits), for the province filter.
const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'];
const PAGE_SIZE = 50;

/** Organizers: the screening queue (初审), filtered and paged by the server, with single and bulk decisions. */
export function ScreeningPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const client = useQueryClient();
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  const campaign = useCampaign(slug).data;
  const [filters, setFilters] = useState<{ category?: string; province?: string; state?: ScreeningState; flags: ScreeningFlag[]; q: string; sort: ScreeningSort; page: number }>({ flags: [], q: '', sort: 'submitted', page: 1 });
  const [selected, setSelected] = useState<Map<string, SeenCase>>(new Map());
  const [dialog, setDialog] = useState<{ cases: SeenCase[]; reverse: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<typeof filters>) => { setFilters((f) => ({ ...f, page: 1, ...change })); setSelected(new Map()); };
  const queue = useQuery({
    queryKey: ['screening', slug, filters],
    queryFn: () => screeningApi.queue(slug!, { ...filters, flags: filters.flags.join(',') || undefined, q: filters.q || undefined, pageSize: PAGE_SIZE }),
    enabled: Boolean(slug),
    placeholderData: keepPreviousData,
  });
  const done = async (text: string) => {
    message.success(text);
    setDialog(null); setSelected(new Map()); setError(null);
    await client.invalidateQueries({ queryKey: ['screening', slug] });
  };
  const decide = useMutation({
    mutationFn: (r: DialogResult & { cases: SeenCase[] }) => screeningApi.decide(slug!, r),
    onSuccess: (a) => done(t('wb.screening.done', { count: a.data.decided })),
    onError: (e) => setError(e.message),
  });
  const reverse = useMutation({
    mutationFn: (r: { caseId: string; submissionId: string; reason: string }) => screeningApi.reverse(r.caseId, r),
    onSuccess: () => done(t('wb.screening.reversed')),
    onError: (e) => setError(e.message),
  });
  const submit = (r: DialogResult) => {
    if (!dialog) return;
    if (dialog.reverse) reverse.mutate({ ...dialog.cases[0]!, reason: r.reason ?? '' });
    else decide.mutate({ ...r, cases: dialog.cases });
  };
  const rows = queue.data?.data ?? [];
  const counts = queue.data?.counts;
  const seen = (r: QueueRow): SeenCase => ({ caseId: r.caseId, submissionId: r.submissionId, state: r.state });
  const toggle = (r: QueueRow, on: boolean) => setSelected((s) => { const next = new Map(s); if (on) next.set(r.caseId, seen(r)); else next.delete(r.caseId); return next; });

  const format = (r: QueueRow) => (
    <Space size={[4, 4]} wrap>
      {r.problems.length === 0 ? <Tag color="green">{t('wb.screening.formatOk')}</Tag> : <Tag color="orange" title={r.problems.map((p) => t(`preflight.${p.code}` as MessageKey, p.params)).join('\n')}>{t('wb.screening.problems', { count: r.problems.length })}</Tag>}
      <RecommendationTag recommendation={r.recommendation} />
      {r.sameFile && <Tag color="red">{t('screening.flag.same_file')}</Tag>}
    </Space>
  );
  const similarity = (r: QueueRow) => r.similarity.top === null
    ? <Typography.Text type="secondary">{t('wb.screening.noMatches')}</Typography.Text>
    : <Tag color={r.similarity.top >= 0.7 ? 'red' : 'orange'}>{t('wb.screening.similarity', { percent: Math.round(r.similarity.top * 100), count: r.similarity.count })}</Tag>;
  const state = (r: QueueRow) => (
    <>
      <Tag color={{ pending: 'blue', passed: 'green', rejected: 'red', returned: 'gold' }[r.state]}>{t(`screening.state.${r.state}`)}</Tag>
      {r.returnMessage && <div className="wb-case-meta">{t('wb.screening.returnMessage', { message: r.returnMessage })}</div>}
    </>
  );
  const actions = (r: QueueRow) => (
    <Space size={4} wrap>
      <Link to={`/app/cases/${r.caseId}`}>{t('wb.screening.open')}</Link>
      {r.state === 'pending' && <Button size="small" type="primary" onClick={() => { setError(null); setDialog({ cases: [seen(r)], reverse: false }); }}>{t('wb.screening.decide')}</Button>}
      {(r.state === 'passed' || r.state === 'rejected') && <Button size="small" onClick={() => { setError(null); setDialog({ cases: [seen(r)], reverse: true }); }}>{t('wb.screening.reverse')}</Button>}
    </Space>
  );
  const title = (r: QueueRow) => (
    <>
      <Link to={`/app/cases/${r.caseId}`}>{r.title}</Link>
      <div className="wb-case-unit">{r.unitName} · <DivisionName code={r.divisionCode} /></div>
      <div className="wb-case-meta">{t('wb.screening.submittedSeq', { seq: r.seq, time: zonedTime(r.submittedAt, campaign, false) })}</div>
    </>
  );
  const withCount = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${n})`);
  const categoryName = (key: string) => campaign?.categories.find((c) => c.key === key)?.name[locale] ?? key;

  return (
    <>
      <PhasePanel chosen={chosen} campaign={campaign} onCampaignChange={() => set({ category: undefined, province: undefined })} />
      <Card className="wb-card" title={t('wb.screening.title')}>
        <Typography.Paragraph type="secondary">{t('wb.screening.intro')}</Typography.Paragraph>
        <Row gutter={[12, 12]} className="wb-filters">
          <Col xs={24} md={6}><Select className="wb-full" aria-label={t('wb.screening.filter.category')} placeholder={t('wb.screening.filter.category')} allowClear value={filters.category} onChange={(v) => set({ category: v })}
            options={(campaign?.categories ?? []).map((c) => ({ value: c.key, label: categoryName(c.key) }))} /></Col>
          <Col xs={24} md={6}><Select className="wb-full" aria-label={t('wb.screening.filter.province')} placeholder={t('wb.screening.filter.province')} allowClear showSearch optionFilterProp="title" value={filters.province} onChange={(v) => set({ province: v })}
            options={PROVINCES.map((p) => ({ value: p, title: p, label: <DivisionName code={`${p}0000`} /> }))} /></Col>
          <Col xs={24} md={6}><Select className="wb-full" aria-label={t('wb.screening.filter.state')} placeholder={t('wb.screening.filter.state')} allowClear value={filters.state} onChange={(v) => set({ state: v })}
            options={SCREENING_STATES.map((s) => ({ value: s, label: withCount(t(`screening.state.${s}`), counts?.states[s]) }))} /></Col>
          <Col xs={24} md={6}><Select className="wb-full" aria-label={t('wb.screening.sort')} value={filters.sort} onChange={(v) => set({ sort: v })}
            options={SCREENING_SORTS.map((s) => ({ value: s, label: `${t('wb.screening.sort')}: ${t(`wb.screening.sort.${s}`)}` }))} /></Col>
          <Col xs={24} md={12}>
            <Input type="search" aria-label={t('wb.screening.filter.search')} placeholder={t('wb.screening.filter.search')} allowClear
              onPressEnter={(e) => set({ q: e.currentTarget.value })} onChange={(e) => { if (e.target.value === '') set({ q: '' }); }} />
          </Col>
          <Col xs={24} md={12}>
            <Checkbox.Group aria-label={t('wb.screening.filter.flags')} value={filters.flags} onChange={(v) => set({ flags: v as ScreeningFlag[] })}
              options={SCREENING_FLAGS.map((f) => ({ value: f, label: withCount(t(`screening.flag.${f}`), counts?.flags[f]) }))} />
          </Col>
        </Row>
        <Space className="wb-total" wrap>
          {queue.data && <Typography.Text type="secondary">{t('wb.screening.total', { count: queue.data.total })}</Typography.Text>}
          {selected.size > 0 && <Typography.Text>{t('wb.screening.selected', { count: selected.size })}</Typography.Text>}
          <Button type="primary" disabled={selected.size === 0} onClick={() => { setError(null); setDialog({ cases: [...selected.values()], reverse: false }); }}>{t('wb.screening.bulk')}</Button>
        </Space>
        {phone ? (
          <List
            dataSource={rows}
            loading={queue.isFetching}
            locale={{ emptyText: queue.data ? <Empty description={t('wb.screening.empty')} /> : <Skeleton active /> }}
            pagination={{ current: filters.page, pageSize: PAGE_SIZE, total: queue.data?.total ?? 0, onChange: (page) => setFilters((f) => ({ ...f, page })), hideOnSinglePage: true, size: 'small', ...namedPageLinks(t) }}
            renderItem={(r) => (
              <List.Item className="wb-screening-item">
              <Card size="small" className="wb-case-card wb-full">
                <Space align="start">
                  <Checkbox aria-label={r.title} disabled={r.state !== 'pending'} checked={selected.has(r.caseId)} onChange={(e) => toggle(r, e.target.checked)} />
                  <div>{title(r)}</div>
                </Space>
                <Space size={[4, 4]} wrap className="wb-case-tags">{state(r)}{similarity(r)}</Space>
                <div className="wb-case-tags">{format(r)}</div>
                <div className="wb-case-card-actions">{actions(r)}</div>
              </Card>
              </List.Item>
            )}
          />
        ) : (
          <ScrollRegion label={t('wb.screening.title')}>
          <Table<QueueRow>
            rowKey="caseId"
            size="small"
            loading={queue.isFetching}
            dataSource={rows}
            tableLayout="fixed"
            style={{ minWidth: 1000 }}
            locale={{ emptyText: queue.data ? <Empty description={t('wb.screening.empty')} /> : <Skeleton active /> }}
            rowSelection={{
              selectedRowKeys: [...selected.keys()],
              getCheckboxProps: (r) => ({ disabled: r.state !== 'pending', 'aria-label': r.title }),
              onSelect: (r, on) => toggle(r, on),
              onSelectAll: (on, _all, changed) => changed.forEach((r) => toggle(r, on)),
              ...namedSelectAll(t),
            }}
            pagination={{ current: filters.page, pageSize: PAGE_SIZE, total: queue.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setFilters((f) => ({ ...f, page })), hideOnSinglePage: true, ...namedPageLinks(t) }}
            columns={[
              { title: t('wb.screening.col.case'), key: 'case', render: (_: unknown, r) => title(r) },
              { title: t('wb.screening.col.category'), dataIndex: 'category', width: 110, render: (c: string) => categoryName(c) },
              { title: t('wb.screening.col.format'), key: 'format', width: 220, render: (_: unknown, r) => format(r) },
              { title: t('wb.screening.col.similarity'), key: 'similarity', width: 150, render: (_: unknown, r) => similarity(r) },
              { title: t('wb.screening.col.state'), key: 'state', width: 130, render: (_: unknown, r) => state(r) },
              { title: t('wb.screening.col.actions'), key: 'actions', width: 170, render: (_: unknown, r) => actions(r) },
            ]}
          />
          </ScrollRegion>
        )}
        {dialog && <DecisionDialog count={dialog.cases.length} reverse={dialog.reverse} busy={decide.isPending || reverse.isPending} error={error} onSubmit={submit} onClose={() => setDialog(null)} />}
      </Card>
    </>
  );
}
