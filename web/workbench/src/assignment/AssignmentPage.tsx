import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { PhasePanel } from '../campaigns/PhasePanel.tsx';
import { useCampaign } from '../cases/case-shared.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { clearable, namedPageLinks } from '../icon-names.tsx';
import { useI18n } from '../i18n.tsx';
import { assignmentApi, assignmentKeys, type PreviewCase, type PreviewFilter, type PreviewReviewer } from './assignment-api.ts';
import { RunPanel, ShortfallList } from './RunPanel.tsx';

/** Organizers: solve the reviewer assignment, look at it, adjust it by hand and release it. */
export function AssignmentPage() {
  const { t } = useI18n();
  const { message, modal } = AntApp.useApp();
  const client = useQueryClient();
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  const campaign = useCampaign(slug).data;
  const [filter, setFilter] = useState<PreviewFilter>({ page: 1, pageSize: 20 });
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = useQuery({
    queryKey: assignmentKeys.run(slug ?? ''), queryFn: () => assignmentApi.latestRun(slug!), enabled: Boolean(slug),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
  const preview = useQuery({
    queryKey: [...assignmentKeys.preview(slug ?? ''), filter], queryFn: () => assignmentApi.preview(slug!, filter), enabled: Boolean(slug), placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: assignmentKeys.preview(slug ?? '') });
  const status = run.data?.status;
  useEffect(() => { if (status && status !== 'running') void refresh(); }, [status, run.data?.id]);

  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const start = useMutation({
    mutationFn: () => assignmentApi.startRun(slug!),
    onSuccess: (started) => { setError(null); client.setQueryData(assignmentKeys.run(slug!), started); },
    onError: fail,
  });
  const add = useMutation({ mutationFn: (v: { caseId: string; reviewerId: string }) => assignmentApi.add(slug!, v.caseId, v.reviewerId), onSuccess: () => { setError(null); void refresh(); }, onError: fail });
  const remove = useMutation({ mutationFn: (id: string) => assignmentApi.remove(slug!, id), onSuccess: () => { setError(null); void refresh(); }, onError: fail });
  const release = useMutation({
    mutationFn: () => assignmentApi.release(slug!, { override, reason: override ? reason : null }),
    onSuccess: (r) => { setError(null); void message.success(t('wb.assign.released', { released: r.released, reviewers: r.reviewers })); void refresh(); },
    onError: fail,
  });

  const data = preview.data?.data;
  const summary = data?.summary;
  const short = summary?.shortfall ?? [];
  const phase = campaign?.phase.current;
  const canAssign = phase === 'screening' || phase === 'review';
  const confirmRelease = () => modal.confirm({
    title: t('wb.assign.releaseConfirmTitle'),
    content: t('wb.assign.releaseConfirmText', { proposed: summary?.proposed ?? 0, due: campaign?.review.dueAt.replace('T', ' ') ?? '' }),
    okText: t('wb.assign.release'),
    cancelText: t('wb.cancel'),
    onOk: () => release.mutateAsync().catch(() => undefined),
  });
  const category = (key: string) => t(`wb.type.${key}` as MessageKey);
  const setPart = (part: Partial<PreviewFilter>) => setFilter((f) => ({ ...f, ...part, page: part.page ?? 1 }));

  const reviewerColumns = [
    { title: t('wb.displayName'), dataIndex: 'name', render: (name: string, r: PreviewReviewer) => <><div>{name}</div><Typography.Text type="secondary">{r.email}</Typography.Text></> },
    { title: t('wb.reviewer.expertise'), dataIndex: 'expertise', render: (e: string[]) => e.map((v) => <Tag key={v}>{category(v)}</Tag>) },
    { title: t('wb.assign.load'), key: 'load', render: (_: unknown, r: PreviewReviewer) => `${r.proposed + r.released} / ${r.capacity}` },
    { title: t('wb.assign.releasedCount'), dataIndex: 'released', responsive: ['md' as const] },
  ];
  const caseColumns = [
    { title: t('wb.assign.case'), dataIndex: 'title', render: (title: string, c: PreviewCase) => <><div>{title}</div><Typography.Text type="secondary">{c.unitName}</Typography.Text></> },
    { title: t('wb.assign.category'), dataIndex: 'category', render: category, responsive: ['md' as const] },
    {
      title: t('wb.assign.reviewers'), key: 'reviewers', render: (_: unknown, c: PreviewCase) => (
        <Space size={[4, 4]} wrap>
          {c.reviewers.map((r) => (
            <Tag key={r.assignmentId} color={r.state === 'released' ? 'green' : undefined} closable={r.state === 'proposed' && canAssign}
              closeIcon={r.state === 'proposed' ? <span aria-label={t('wb.assign.remove', { name: r.name })}>×</span> : undefined}
              onClose={(e) => { e.preventDefault(); remove.mutate(r.assignmentId); }}>
              {r.name}{r.state === 'released' ? ` · ${t('wb.assign.state.released')}` : ''}
            </Tag>
          ))}
          {c.missing > 0 && <Tag color="red">{t('wb.assign.missing', { missing: c.missing })}</Tag>}
        </Space>
      ),
    },
    {
      title: t('wb.assign.add'), key: 'add', render: (_: unknown, c: PreviewCase) => (
        <Select className="wb-assign-add" size="small" placeholder={t('wb.assign.addPlaceholder')} aria-label={t('wb.assign.addFor', { title: c.title })} value={null}
          disabled={!canAssign || c.options.length === 0} onChange={(reviewerId: string) => add.mutate({ caseId: c.id, reviewerId })}
          options={c.options.map((o) => ({ value: o.id, label: `${o.name} (${o.load}/${o.capacity})` }))} />
      ),
    },
  ];

  return (
    <>
      <PhasePanel chosen={chosen} campaign={campaign} onCampaignChange={() => setFilter({ page: 1, pageSize: 20 })} />
      <RunPanel run={run.data} starting={start.isPending} canStart={Boolean(slug) && canAssign} onStart={() => start.mutate()} />
      {error && <Alert className="wb-alert" type="error" showIcon closable title={error} onClose={() => setError(null)} />}
      <Card className="wb-card" title={t('wb.assign.releaseTitle')}>
        {summary && (
          <Typography.Paragraph>
            {t('wb.assign.summary', { cases: summary.cases, covered: summary.covered, k: summary.reviewsPerCase, proposed: summary.proposed, released: summary.released })}
          </Typography.Paragraph>
        )}
        {short.length > 0 && (
          <Alert className="wb-alert" type="warning" showIcon title={t('wb.assign.nowShort')} description={<ShortfallList shortfall={short} />} />
        )}
        {phase !== 'review' && <Typography.Paragraph type="secondary">{t('wb.assign.releaseInReview')}</Typography.Paragraph>}
        {short.length > 0 && (
          <Space direction="vertical" className="wb-full wb-override">
            <Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)}>{t('wb.assign.override')}</Checkbox>
            {override && <Input.TextArea aria-label={t('wb.assign.overrideReason')} placeholder={t('wb.assign.overrideReason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}
          </Space>
        )}
        <Button type="primary" className="wb-release" onClick={confirmRelease} loading={release.isPending} disabled={phase !== 'review' || !summary?.proposed}>
          {t('wb.assign.release')}
        </Button>
      </Card>
      <Card className="wb-card" title={t('wb.assign.casesTitle')}>
        <Row gutter={[12, 12]} className="wb-filters">
          <Col xs={24} md={8}>
            <Select className="wb-full" aria-label={t('wb.assign.category')} placeholder={t('wb.assign.allCategories')} allowClear={clearable(t)} value={filter.category}
              onChange={(v?: string) => setPart({ category: v })} options={(campaign?.categories ?? []).map((c) => ({ value: c.key, label: category(c.key) }))} />
          </Col>
          <Col xs={24} md={8}>
            <Select className="wb-full" aria-label={t('wb.assign.state')} placeholder={t('wb.assign.allStates')} allowClear={clearable(t)} value={filter.state}
              onChange={(v?: PreviewFilter['state']) => setPart({ state: v })}
              options={(['proposed', 'released', 'short'] as const).map((s) => ({ value: s, label: t(`wb.assign.state.${s}`) }))} />
          </Col>
          <Col xs={24} md={8}>
            <Select className="wb-full" showSearch optionFilterProp="label" aria-label={t('wb.assign.reviewer')} placeholder={t('wb.assign.allReviewers')} allowClear={clearable(t)}
              value={filter.reviewer} onChange={(v?: string) => setPart({ reviewer: v })} options={(data?.reviewers ?? []).map((r) => ({ value: r.id, label: r.name }))} />
          </Col>
        </Row>
        <ScrollRegion label={t('wb.assign.casesTitle')}>
          <Table<PreviewCase> rowKey="id" size="small" loading={preview.isLoading} dataSource={data?.cases ?? []} columns={caseColumns}
            locale={{ emptyText: t('wb.assign.noCases') }}
            pagination={{ current: filter.page, pageSize: filter.pageSize, total: preview.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setPart({ page }), ...namedPageLinks(t) }} />
        </ScrollRegion>
      </Card>
      <Card className="wb-card" title={t('wb.assign.reviewersTitle')}>
        <ScrollRegion label={t('wb.assign.reviewersTitle')}>
          <Table<PreviewReviewer> rowKey="id" size="small" loading={preview.isLoading} dataSource={data?.reviewers ?? []} columns={reviewerColumns}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, ...namedPageLinks(t) }} />
        </ScrollRegion>
      </Card>
    </>
  );
}
