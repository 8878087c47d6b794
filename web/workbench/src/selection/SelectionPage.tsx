import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Grid, List, Modal, Radio, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { PhasePanel } from '../campaigns/PhasePanel.tsx';
import { ReasonField, useRequiredReason } from '../components/ReasonField.tsx';
import { useCampaign, zonedTime } from '../cases/case-shared.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { DivisionName } from '../components/UnitView.tsx';
import { namedPageLinks } from '../icon-names.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { score } from '../ranking/ranking-text.ts';
import { selectionApi, type Binding, type DecisionTier, type Selection, type SelectionCase, type SelectionQuota } from './selection-api.ts';
import './selection.css';

const PAGE_SIZE = 50;
const TIERS = ['best', 'excellent', 'none'] as const;
const TIER_COLORS: Record<DecisionTier, string> = { best: 'red', excellent: 'gold', none: 'default' };
const REASON_MAX = 500;

/** Organizers: the suggested selection under the quotas, what each binding quota cost, and a decision per case with its reason. */
export function SelectionPage() {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const client = useQueryClient();
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  const campaign = useCampaign(slug).data;
  const [tier, setTier] = useState<DecisionTier | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  // The case being changed stays after closing, so the dialog closes with its content; each opening starts afresh.
  const [editing, setEditing] = useState<{ item: SelectionCase; open: boolean; n: number } | null>(null);
  const key = ['selection', slug];
  const selection = useQuery({ queryKey: key, queryFn: () => selectionApi.selection(slug!), enabled: Boolean(slug) });
  const store = (data: Selection) => client.setQueryData(key, data);
  const suggest = useMutation({ mutationFn: () => selectionApi.suggest(slug!), onSuccess: (d) => { store(d); void message.success(t('wb.selection.computed')); } });
  const accept = useMutation({ mutationFn: () => selectionApi.accept(slug!), onSuccess: (d) => { store(d); void message.success(t('wb.selection.accepted')); } });
  const data = selection.data;
  const suggestion = data?.suggestion ?? null;
  const categoryName = (k: string) => campaign?.categories.find((c) => c.key === k)?.name[locale] ?? k;
  const tierName = (k: DecisionTier | null) => t(`selection.tier.${k ?? 'none'}`);
  const caseTitle = (caseId: string) => data?.cases.find((c) => c.caseId === caseId)?.title ?? caseId;
  const quotaName = (q: SelectionQuota) => {
    switch (q.kind) {
      case 'tier_places': return t('wb.selection.quota.tier_places', { tier: tierName(q.tier) });
      case 'category_min': return t('wb.selection.quota.category_min', { category: categoryName(q.category) });
      case 'category_max': return t('wb.selection.quota.category_max', { category: categoryName(q.category) });
      case 'province_cap': return <>{t('wb.selection.quota.province_cap', { province: '\u0000' }).split('\u0000').flatMap((part, i) => i === 0 ? [part] : [<DivisionName key={i} code={`${q.province}0000`} />, part])}</>;
    }
  };
  const rankOf = new Map((data?.cases ?? []).map((c, i) => [c.caseId, i + 1]));
  const decided = (c: SelectionCase): DecisionTier => c.decision?.tier ?? 'none';
  const rows = (data?.cases ?? []).filter((c) => (!tier || decided(c) === tier) && (!category || c.category === category));
  const failed = selection.error ?? suggest.error ?? accept.error;
  // Computing, accepting and changing are open in the selection phase only (the server refuses them after).
  const phase = campaign?.phase.current;
  const open = phase === 'selection';

  const confirmAccept = () => {
    modal.confirm({
      title: t('wb.selection.acceptTitle'),
      content: t('wb.selection.acceptText', { count: suggestion?.entries.length ?? 0 }),
      okText: t('wb.selection.ok'), cancelText: t('wb.selection.cancel'),
      onOk: () => accept.mutateAsync().catch(() => undefined),
    });
  };

  const decision = (c: SelectionCase) => c.decision ? (
    <div className="wb-selection-decision">
      <Space size={4} wrap>
        <Tag color={TIER_COLORS[c.decision.tier]}>{tierName(c.decision.tier)}</Tag>
        <Tag className="wb-selection-source" color={c.decision.source === 'changed' ? 'purple' : 'blue'}>{t(`wb.selection.source.${c.decision.source}`)}</Tag>
      </Space>
      {c.decision.reason && <div className="wb-selection-reason">{c.decision.reason}</div>}
    </div>
  ) : <Typography.Text type="secondary">{t('wb.selection.undecided')}</Typography.Text>;
  const title = (c: SelectionCase) => (
    <>
      <Link to={`/app/cases/${c.caseId}`}>{c.title}</Link>
      <div className="wb-case-unit">{c.unitName}</div>
    </>
  );
  const changeButton = (c: SelectionCase) => (
    <Button size="small" autoInsertSpace={false} aria-label={t('wb.selection.changeAria', { case: c.title })} onClick={() => setEditing((e) => ({ item: c, open: true, n: (e?.n ?? 0) + 1 }))}>{t('wb.selection.change')}</Button>
  );
  const empty = { emptyText: data ? <Empty description={t('wb.selection.empty')} /> : <Skeleton active /> };
  const paging = { current: page, pageSize: PAGE_SIZE, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false };

  return (
    <>
      <PhasePanel chosen={chosen} campaign={campaign} onCampaignChange={() => { setCategory(undefined); setTier(undefined); setPage(1); }} />
      <Card className="wb-card" title={t('wb.selection.title')}>
        <Typography.Paragraph type="secondary">{t('wb.selection.intro')}</Typography.Paragraph>
        {failed && <Alert className="wb-alert" type="error" showIcon title={failed.message} />}
        <Typography.Paragraph className="wb-selection-status">
          {suggestion
            ? <>{t('wb.selection.computedLine', { at: zonedTime(suggestion.computedAt, campaign, false) })}
              {suggestion.acceptedAt ? t('wb.selection.acceptedLine', { at: zonedTime(suggestion.acceptedAt, campaign, false) }) : t('wb.selection.notAccepted')}</>
            : t('wb.selection.notComputed')}
        </Typography.Paragraph>
        {phase && !open && <Alert className="wb-alert" type="info" showIcon title={t('wb.selection.closed', { phase: t(`phase.${phase}` as 'phase.selection') })} />}
        {open && <Space wrap className="wb-selection-actions">
          <Button type={suggestion ? 'default' : 'primary'} loading={suggest.isPending} disabled={!slug || !data} onClick={() => { accept.reset(); suggest.mutate(); }}>
            {t(suggestion ? 'wb.selection.recompute' : 'wb.selection.compute')}
          </Button>
          <Button type={suggestion ? 'primary' : 'default'} loading={accept.isPending} disabled={!suggestion || suggest.isPending} onClick={() => { suggest.reset(); confirmAccept(); }}>
            {t('wb.selection.accept')}
          </Button>
        </Space>}
        {suggest.isPending && <Typography.Paragraph type="secondary" role="status">{t('wb.selection.computing')}</Typography.Paragraph>}
      </Card>

      <Card className="wb-card" title={t('wb.selection.quotasTitle')}>
        {data ? (
          <ul className="wb-selection-quotas">
            {data.quotas.map(({ quota, count, broken }, i) => (
              <li key={i} className={broken ? 'wb-selection-quota is-broken' : 'wb-selection-quota'}>
                <span>{quotaName(quota)}</span>
                <strong>{t(quota.kind === 'category_min' ? 'wb.selection.quota.min' : 'wb.selection.quota.count', { count, limit: quota.limit })}</strong>
                {broken && <Tag color="error">{t('wb.selection.broken')}</Tag>}
              </li>
            ))}
          </ul>
        ) : <Skeleton active paragraph={{ rows: 2 }} />}
        {data && data.problems.some((p) => p.code === 'quota_broken') && (
          <Alert className="wb-alert" type="warning" showIcon title={t('wb.selection.problemsTitle')} description={
            <ul>{data.problems.map((p, i) => p.code === 'quota_broken' && <li key={i}>{quotaName(p.quota)}{t('punct.colon')}{t('wb.selection.quota.count', { count: p.count, limit: p.quota.limit })}</li>)}</ul>
          } />
        )}
      </Card>

      {suggestion && (
        <Card className="wb-card" title={t('wb.selection.bindingTitle')}>
          {suggestion.binding.length === 0 ? <Typography.Paragraph>{t('wb.selection.noBinding')}</Typography.Paragraph> : (
            <>
              <Typography.Paragraph type="secondary">{t('wb.selection.bindingIntro')}</Typography.Paragraph>
              <ul className="wb-selection-binding">
                {suggestion.binding.map((b, i) => <BindingItem key={i} binding={b} name={quotaName(b.quota)} caseTitle={caseTitle} tierName={tierName} />)}
              </ul>
            </>
          )}
        </Card>
      )}

      <Card className="wb-card" title={t('wb.selection.casesTitle')}>
        <Row gutter={[12, 12]} className="wb-filters">
          <Col xs={24} md={8}>
            <Select<DecisionTier> className="wb-full" aria-label={t('wb.selection.filter.tier')} placeholder={t('wb.selection.allTiers')} allowClear value={tier}
              onChange={(v) => { setTier(v); setPage(1); }} options={TIERS.map((k) => ({ value: k, label: tierName(k) }))} />
          </Col>
          <Col xs={24} md={8}>
            <Select className="wb-full" aria-label={t('wb.selection.filter.category')} placeholder={t('wb.selection.allCategories')} allowClear value={category}
              onChange={(v?: string) => { setCategory(v); setPage(1); }} options={(campaign?.categories ?? []).map((c) => ({ value: c.key, label: categoryName(c.key) }))} />
          </Col>
        </Row>
        {data && <Typography.Paragraph type="secondary" className="wb-total wb-selection-total">{t('wb.selection.total', { count: rows.length })}</Typography.Paragraph>}
        {phone ? (
          <List
            dataSource={rows} loading={selection.isFetching} locale={empty} pagination={{ ...paging, size: 'small', ...namedPageLinks(t) }}
            renderItem={(c) => (
              <List.Item className="wb-selection-item">
                <Card size="small" className="wb-case-card wb-full">
                  <div>{title(c)}</div>
                  <div className="wb-case-meta">
                    <span>{t('wb.selection.scoreLine', { rank: rankOf.get(c.caseId) ?? '—', score: score(c.score, locale) })}</span>
                    <span>{categoryName(c.category)}</span>
                    {c.province && <span><DivisionName code={`${c.province}0000`} /></span>}
                  </div>
                  <div className="wb-case-meta"><span>{t('wb.selection.suggestedLine', { tier: tierName(c.suggested) })}</span></div>
                  {decision(c)}
                  {open && <div className="wb-selection-item-action">{changeButton(c)}</div>}
                </Card>
              </List.Item>
            )}
          />
        ) : (
          <ScrollRegion label={t('wb.selection.casesTitle')}>
            <Table<SelectionCase>
              rowKey="caseId" size="small" loading={selection.isFetching} dataSource={rows} tableLayout="fixed" style={{ minWidth: 1000 }} locale={empty} pagination={{ ...paging, ...namedPageLinks(t) }}
              columns={[
                { title: t('wb.selection.col.rank'), key: 'rank', width: 64, align: 'right', render: (_: unknown, c) => rankOf.get(c.caseId) },
                { title: t('wb.selection.col.case'), key: 'case', render: (_: unknown, c) => title(c) },
                { title: t('wb.selection.col.category'), dataIndex: 'category', width: 110, render: categoryName },
                { title: t('wb.selection.col.province'), dataIndex: 'province', width: 90, render: (p: string | null) => p && <DivisionName code={`${p}0000`} /> },
                { title: t('wb.selection.col.score'), dataIndex: 'score', width: 90, align: 'right', render: (n: number) => <strong>{score(n, locale)}</strong> },
                { title: t('wb.selection.col.suggested'), dataIndex: 'suggested', width: 80, render: (k: DecisionTier) => tierName(k) },
                { title: t('wb.selection.col.decision'), key: 'decision', width: 220, render: (_: unknown, c) => decision(c) },
                ...(open ? [{ title: t('wb.selection.col.action'), key: 'action', width: 80, render: (_: unknown, c: SelectionCase) => changeButton(c) }] : []),
              ]}
            />
          </ScrollRegion>
        )}
      </Card>
      {slug && editing && (
        <ChangeDialog key={editing.n} slug={slug} item={editing.item} open={editing.open} onClose={() => setEditing({ ...editing, open: false })}
          onSaved={(d) => { store(d); setEditing({ ...editing, open: false }); void message.success(t('wb.selection.saved')); }} />
      )}
    </>
  );
}

function BindingItem({ binding, name, caseTitle, tierName }: { binding: Binding; name: ReactNode; caseTitle: (id: string) => string; tierName: (k: DecisionTier | null) => string }) {
  const { t, locale } = useI18n();
  const { givenUp, changes } = binding;
  return (
    <li className="wb-selection-binding-item">
      <strong>{name}</strong>
      <div>
        {t('wb.selection.binding.score', { sum: score(givenUp.total, locale), best: score(givenUp.best, locale), excellent: score(givenUp.excellent, locale) })}
        {t('punct.list')}
        {givenUp.places > 0 ? t('wb.selection.binding.places', { places: givenUp.places }) : t('wb.selection.binding.noPlaces')}
        {t('punct.list')}
        {changes.length > 0 ? t('wb.selection.binding.moves', { count: changes.length }) : t('wb.selection.binding.noMoves')}
      </div>
      {changes.length > 0 && (
        <ul className="wb-selection-moves">
          {changes.map((c) => <li key={c.caseId}>{t('wb.selection.binding.move', { case: caseTitle(c.caseId), from: tierName(c.from), to: tierName(c.to) })}</li>)}
        </ul>
      )}
    </li>
  );
}

/** The tier and the reason for one case; the server's refusal shows here and the reason stays. */
function ChangeDialog({ slug, item, open, onClose, onSaved }: { slug: string; item: SelectionCase; open: boolean; onClose: () => void; onSaved: (d: Selection) => void }) {
  const { t } = useI18n();
  const [tier, setTier] = useState<DecisionTier>(item.decision?.tier ?? item.suggested);
  const reason = useRequiredReason();
  const save = useMutation({ mutationFn: (body: { tier: DecisionTier; reason: string }) => selectionApi.change(slug, item.caseId, body), onSuccess: onSaved });
  const submit = () => {
    const given = reason.take();
    if (given) save.mutate({ tier, reason: given });
  };
  return (
    <Modal
      open={open} title={t('wb.selection.changeTitle')} onCancel={onClose}
      okText={t('wb.selection.save')} cancelText={t('wb.selection.cancel')} onOk={submit} okButtonProps={{ loading: save.isPending }}
    >
      <div className="wb-selection-change">
        <Typography.Paragraph strong>{item.title}</Typography.Paragraph>
        <div id="wb-selection-tier-label" className="wb-selection-label">{t('wb.selection.tier')}</div>
        <Radio.Group aria-labelledby="wb-selection-tier-label" value={tier} onChange={(e) => setTier(e.target.value as DecisionTier)}
          options={TIERS.map((k) => ({ value: k, label: t(`selection.tier.${k}`) }))} />
        <ReasonField id="wb-selection-reason" label={t('wb.selection.reason')} missingText={t('wb.selection.reasonRequired')} max={REASON_MAX}
          refusal={save.error?.message} field={reason.field} />
      </div>
    </Modal>
  );
}
