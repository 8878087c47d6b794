import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Grid, Pagination, Radio, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { QUEUE_FILTERS, type QueueFilter } from '../../../../core/publishing/publication-queue.ts';
import { CampaignPicker, useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { useCampaign } from '../cases/case-shared.tsx';
import { clearable, namedPageLinks } from '../icon-names.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { publishingApi, publishingKeys, type Queue, type QueueItem } from './publishing-api.ts';
import { refusalMessage, StateTags, useCopyActions } from './publishing-shared.tsx';
import './publishing.css';

const PAGE_SIZE = 50;

/** Organizers: the campaign's cases that may be shown now or have a public copy, by the state of their copy, with what to do next. */
export function PublishingQueuePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const { navigate } = useRouter();
  const client = useQueryClient();
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  const campaign = useCampaign(slug).data;
  const [state, setState] = useState<QueueFilter | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const query = { state, category, page, pageSize: PAGE_SIZE };
  const queue = useQuery({
    queryKey: publishingKeys.queue(slug ?? '', query),
    queryFn: () => publishingApi.queue(slug!, query),
    enabled: Boolean(slug),
    placeholderData: keepPreviousData,
  });
  const make = useMutation({
    mutationFn: (caseId: string) => publishingApi.create(caseId),
    onSuccess: (made) => {
      void client.invalidateQueries({ queryKey: publishingKeys.all });
      client.setQueryData(publishingKeys.copy(made.caseId), made);
      void message.success(t('wb.publishing.made'));
      navigate(`/app/org/publishing/${made.caseId}`);
    },
  });
  const actions = useCopyActions();
  const data = queue.data;
  const failed = queue.error ?? make.error ?? actions.error;
  const categoryName = (key: string) => campaign?.categories.find((c) => c.key === key)?.name[locale] ?? key;
  const resetPaging = () => setPage(1);

  const buttons = (item: QueueItem) => {
    const named = (action: string) => t('wb.publishing.rowAction', { action, case: item.title });
    const copy = item.copy;
    if (!copy) {
      return (
        <Button size="small" type="primary" loading={make.isPending && make.variables === item.caseId} aria-label={named(t('wb.publishing.make'))}
          onClick={() => make.mutate(item.caseId)}>{t('wb.publishing.make')}</Button>
      );
    }
    const refusal = item.refusal ? refusalMessage(t, item.refusal) : null;
    return (
      <Space size={[4, 4]} wrap>
        <Link to={`/app/org/publishing/${item.caseId}`} className="pp-action-link">
          <span className="wb-sr-only">{named(t('wb.publishing.edit'))}</span><span aria-hidden="true">{t('wb.publishing.edit')}</span>
        </Link>
        {item.state === 'published' ? (
          <>
            <Button size="small" danger autoInsertSpace={false} aria-label={named(t('wb.publishing.unpublish'))} onClick={() => actions.unpublish(item.caseId, item.title, copy.version)}>
              {t('wb.publishing.unpublish')}
            </Button>
            <a href={copy.path} target="_blank" rel="noopener" className="pp-action-link">
              <span className="wb-sr-only">{named(t('wb.publishing.view'))}</span><span aria-hidden="true">{t('wb.publishing.view')}</span>
            </a>
          </>
        ) : refusal ? (
          <Tooltip title={refusal}><Tag className="pp-refusal">{t('wb.publishing.cannotPublish')}</Tag></Tooltip>
        ) : (
          <Button size="small" type="primary" autoInsertSpace={false} aria-label={named(t('wb.publishing.publish'))} onClick={() => actions.publish(item.caseId, item.title, copy.version)}>
            {t('wb.publishing.publish')}
          </Button>
        )}
      </Space>
    );
  };
  const caseCell = (item: QueueItem) => (
    <>
      {item.copy ? <Link to={`/app/org/publishing/${item.caseId}`} className="pp-case-title">{item.title}</Link> : <span className="pp-case-title">{item.title}</span>}
      <div className="wb-case-unit">{item.unitName}</div>
      {item.refusal && item.copy && <div className="pp-refusal-text">{refusalMessage(t, item.refusal)}</div>}
    </>
  );
  const empty = <Empty description={state || category ? t('wb.publishing.empty') : t('wb.publishing.emptyAll')} />;

  return (
    <>
      <Card className="wb-card" title={campaign ? t('wb.publishing.titleOf', { campaign: campaign.shortTitle[locale] }) : t('wb.publishing.title')}>
        <CampaignPicker chosen={chosen} onChange={() => { setCategory(undefined); setState(undefined); resetPaging(); }} />
        <Typography.Paragraph type="secondary">{t('wb.publishing.intro')}</Typography.Paragraph>
        {data && <DisplayRule display={data.display} />}
        {failed && <Alert className="wb-alert" type="error" showIcon title={failed.message} />}
        <div className="pp-filters">
          <Radio.Group
            className="pp-states" optionType="button" size="small" aria-label={t('wb.publishing.filter.state')}
            value={state ?? 'all'} onChange={(e) => { setState(e.target.value === 'all' ? undefined : e.target.value as QueueFilter); resetPaging(); }}
            options={(['all', ...QUEUE_FILTERS] as const).map((s) => ({
              value: s, label: t('wb.publishing.stateCount', { state: t(`wb.publishing.state.${s}`), count: data ? data.counts[s] : '…' }),
            }))}
          />
          <Select className="pp-category" aria-label={t('wb.publishing.filter.category')} placeholder={t('wb.publishing.filter.allCategories')}
            allowClear={clearable(t)} value={category} onChange={(v?: string) => { setCategory(v); resetPaging(); }}
            options={(campaign?.categories ?? []).map((c) => ({ value: c.key, label: c.name[locale] }))} />
        </div>
        <Typography.Paragraph type="secondary" className="wb-total" role="status">{data ? t('wb.publishing.total', { total: data.total }) : ''}</Typography.Paragraph>
        {phone ? (
          <div className="wb-case-cards">
            {!data && <Skeleton active />}
            {data?.items.map((item) => (
              <Card key={item.caseId} size="small" className="wb-case-card pp-card">
                {caseCell(item)}
                <Space size={[4, 4]} wrap><StateTags item={item} /><Tag>{categoryName(item.category)}</Tag></Space>
                <div className="wb-case-card-actions">{buttons(item)}</div>
              </Card>
            ))}
            {data && data.items.length === 0 && empty}
            {data && data.total > PAGE_SIZE && (
              <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} {...namedPageLinks(t)} />
            )}
          </div>
        ) : (
          <Table<QueueItem>
            rowKey="caseId"
            size="small"
            loading={queue.isFetching}
            dataSource={data?.items ?? []}
            tableLayout="fixed"
            locale={{ emptyText: data ? empty : <Skeleton active /> }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true, ...namedPageLinks(t) }}
            columns={[
              { title: t('wb.publishing.col.case'), key: 'case', render: (_: unknown, item) => caseCell(item) },
              { title: t('wb.publishing.col.category'), key: 'category', width: 150, render: (_: unknown, item) => categoryName(item.category) },
              { title: t('wb.publishing.col.state'), key: 'state', width: 200, render: (_: unknown, item) => <Space size={[4, 4]} wrap><StateTags item={item} /></Space> },
              { title: t('wb.publishing.col.actions'), key: 'actions', width: 230, render: (_: unknown, item) => buttons(item) },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function DisplayRule({ display }: { display: Queue['display'] }) {
  const { t } = useI18n();
  const lines = [
    ...(display.final ? [t('wb.publishing.rule.final')] : []),
    ...(display.duringCollection ? [t('wb.publishing.rule.during')] : []),
  ];
  if (lines.length === 0) lines.push(t('wb.publishing.rule.off'));
  return <Alert className="wb-alert" type="info" showIcon title={lines.join(' ')} />;
}
