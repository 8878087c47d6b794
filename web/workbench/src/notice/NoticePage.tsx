import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, InputNumber, Modal, Radio, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatBytes } from '../../../../core/text/format-bytes.ts';
import { useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { PhasePanel } from '../campaigns/PhasePanel.tsx';
import { ReasonField, useRequiredReason } from '../components/ReasonField.tsx';
import { useCampaign, zonedTime } from '../cases/case-shared.tsx';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { NoticeList } from './NoticeList.tsx';
import { noticeApi, type Objection, type OrganizerNotice, type Outcome, type Tier } from './notice-api.ts';
import './notice.css';

const STATUS_COLORS = { open: 'orange', upheld: 'red', dismissed: 'green' } as const;
const STAGE_COLORS = { running: 'processing', ended: 'default', finalized: 'green' } as const;
const REASON_MAX = 500;
const BODY_MAX = 5000;

/** Organizers: publish the settled selection for notice, resolve each objection, then confirm the final results. */
export function NoticePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  const key = ['notice', slug];
  const view = useQuery({ queryKey: key, queryFn: () => noticeApi.notice(slug!), enabled: Boolean(slug) });
  const store = (data: OrganizerNotice) => client.setQueryData(key, data);
  // Another organizer got there first (409): what they did shows at once, and the refusal stays
  // on the page even where the refetch replaces the form that showed it (a publish).
  const [overtaken, setOvertaken] = useState<string | null>(null);
  const refreshIfStale = (error: Error) => {
    if (!(error instanceof ApiError && error.status === 409)) return;
    setOvertaken(error.message);
    void view.refetch();
  };
  const [resolving, setResolving] = useState<{ item: Objection; open: boolean; n: number } | null>(null);
  const data = view.data;
  const campaign = useCampaign(slug).data;

  return (
    <>
      <PhasePanel chosen={chosen} campaign={campaign} />
      <Card className="wb-card" title={t('wb.notice.title')}>
        <Typography.Paragraph type="secondary">{t('wb.notice.intro')}</Typography.Paragraph>
        {view.error && <Alert className="wb-alert" type="error" showIcon title={view.error.message} />}
        {overtaken && <Alert className="wb-alert" type="warning" showIcon closable={{ 'aria-label': t('wb.notice.cancel') }} onClose={() => setOvertaken(null)} title={overtaken} />}
        {!data ? <Skeleton active /> : data.notice ? <Published slug={slug!} data={data} /> : <Draft slug={slug!} data={data} onStale={refreshIfStale} onPublished={(d) => { store(d); void message.success(t('wb.notice.published')); }} />}
      </Card>
      {data?.notice && (
        <Card className="wb-card" title={t('wb.notice.objectionsTitle')}>
          {data.objections.length === 0 ? <Empty description={t('wb.notice.noObjections')} /> : (
            <>
              <Typography.Paragraph type="secondary">
                {t('wb.notice.objectionCount', { count: data.objections.length, open: data.objections.filter((o) => o.status === 'open').length })}
              </Typography.Paragraph>
              <ul className="wb-notice-objections">
                {data.objections.map((o) => (
                  <ObjectionItem key={o.id} slug={slug!} item={o} at={zonedTime(o.createdAt, campaign, false)} canResolve={data.phase === 'notice'} onResolve={() => setResolving((r) => ({ item: o, open: true, n: (r?.n ?? 0) + 1 }))} />
                ))}
              </ul>
            </>
          )}
        </Card>
      )}
      {data?.notice && <Finalize slug={slug!} data={data} onStale={refreshIfStale} onDone={(d) => { store(d); void message.success(t('wb.notice.finalized')); }} />}
      {slug && resolving && (
        <ResolveDialog key={resolving.n} slug={slug} item={resolving.item} open={resolving.open} onClose={() => setResolving({ ...resolving, open: false })} onStale={refreshIfStale}
          onSaved={(d) => { store(d); setResolving({ ...resolving, open: false }); void message.success(t('wb.notice.resolved')); }} />
      )}
    </>
  );
}

function Draft({ slug, data, onPublished, onStale }: { slug: string; data: OrganizerNotice; onPublished: (d: OrganizerNotice) => void; onStale: (e: Error) => void }) {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const campaign = useCampaign(slug).data;
  const [body, setBody] = useState(data.draft.body);
  const [days, setDays] = useState(data.draft.days);
  const publish = useMutation({ mutationFn: () => noticeApi.publish(slug, { body: body.trim(), days }), onSuccess: onPublished, onError: onStale });
  const open = data.phase === 'notice' && data.draft.ready;
  const confirm = () => modal.confirm({
    title: t('wb.notice.publishTitle'), content: t('wb.notice.publishText', { count: data.draft.selected, days }),
    okText: t('wb.notice.publish'), cancelText: t('wb.notice.cancel'), onOk: () => publish.mutateAsync().catch(() => undefined),
  });
  return (
    <section aria-labelledby="wb-notice-draft">
      <Typography.Title level={3} id="wb-notice-draft" className="wb-notice-subtitle">{t('wb.notice.draftTitle')}</Typography.Title>
      {data.phase !== 'notice' && <Alert className="wb-alert" type="info" showIcon title={t('wb.notice.notNoticePhase', { phase: t(`phase.${data.phase}` as 'phase.notice') })} />}
      {data.phase === 'notice' && !data.draft.ready && <Alert className="wb-alert" type="warning" showIcon title={t('wb.notice.notReady')} action={<Link to="/app/org/selection">{t('wb.nav.selection')}</Link>} />}
      <Typography.Paragraph>{t('wb.notice.draftCount', { count: data.draft.selected })}</Typography.Paragraph>
      <label htmlFor="wb-notice-body" className="wb-notice-label">{t('wb.notice.body')}</label>
      <Input.TextArea id="wb-notice-body" value={body} rows={8} maxLength={BODY_MAX} showCount onChange={(e) => setBody(e.target.value)} />
      <label htmlFor="wb-notice-days" className="wb-notice-label">{t('wb.notice.days')}</label>
      <InputNumber id="wb-notice-days" min={1} max={30} value={days} onChange={(v) => setDays(v ?? data.draft.days)} aria-describedby="wb-notice-days-hint" />
      <div id="wb-notice-days-hint" className="wb-notice-hint">{t('wb.notice.daysHint', { days, zone: campaign?.window.timeZoneLabel[locale] ?? '' })}</div>
      {publish.error && <Alert className="wb-alert" type="error" showIcon title={publish.error.message} />}
      <Button type="primary" className="wb-notice-action" disabled={!open || !body.trim()} loading={publish.isPending} onClick={confirm}>{t('wb.notice.publish')}</Button>
    </section>
  );
}

function Published({ slug, data }: { slug: string; data: OrganizerNotice }) {
  const { t } = useI18n();
  const notice = data.notice!;
  return (
    <>
      <Space wrap className="wb-notice-period">
        <Tag color={STAGE_COLORS[notice.stage]}>{t(`wb.notice.stage.${notice.stage}`)}</Tag>
        <span>{t('wb.notice.period', { start: notice.startsAtLocal, end: notice.endsAtLocal, zone: notice.zone })}</span>
      </Space>
      <Typography.Paragraph><a href={`/app/notice?campaign=${encodeURIComponent(slug)}`} target="_blank" rel="noreferrer">{t('wb.notice.publicLink')}</a></Typography.Paragraph>
      <div className="wb-notice-body">{notice.body}</div>
      <Typography.Title level={3} className="wb-notice-subtitle">{t('wb.notice.listTitle')}</Typography.Title>
      <NoticeList entries={notice.entries} />
    </>
  );
}

function ObjectionItem({ slug, item, at, canResolve, onResolve }: { slug: string; item: Objection; at: string; canResolve: boolean; onResolve: () => void }) {
  const { t } = useI18n();
  const tierName = (k: Tier) => t(`selection.tier.${k}`);
  const contact = [item.phone, item.email].filter(Boolean).join(' · ');
  return (
    <li className="wb-notice-objection">
      <Space wrap size={8}>
        <strong>{item.reference}</strong>
        <Tag color={STATUS_COLORS[item.status]}>{t(`wb.notice.status.${item.status}`)}</Tag>
      </Space>
      <div>{t('wb.notice.about', { case: item.caseTitle, unit: item.unitName })}</div>
      <div className="wb-notice-meta">
        <span>{t('wb.notice.author', { name: item.authorName, organization: item.authorOrganization })}</span>
        <span>{t('wb.notice.contact', { contact })}</span>
        <span>{t('wb.notice.filedAt', { at })}</span>
      </div>
      <div className="wb-notice-text">{item.body}</div>
      {item.files.length > 0 && (
        <div className="wb-notice-meta">
          <span>{t('wb.notice.files')}</span>
          <ul className="wb-notice-files">
            {item.files.map((f) => (
              <li key={f.id}>
                <a href={noticeApi.fileUrl(slug, item.id, f.id)} download={f.fileName} aria-label={t('wb.notice.fileDownload', { name: f.fileName, size: formatBytes(f.size) })}>
                  {f.fileName}
                </a>（{formatBytes(f.size)}）
              </li>
            ))}
          </ul>
        </div>
      )}
      {item.status === 'open' ? (
        <div className="wb-notice-meta">
          <span>{t('wb.notice.currentTier', { tier: tierName(item.currentTier) })}</span>
          {canResolve && <Button size="small" type="primary" aria-label={t('wb.notice.resolveAria', { reference: item.reference })} onClick={onResolve}>{t('wb.notice.resolve')}</Button>}
        </div>
      ) : (
        <div className="wb-notice-outcome">
          {t('wb.notice.outcomeLine', { outcome: t(`wb.notice.status.${item.status}`) })}
          {item.outcomeTier && t('wb.notice.outcomeTier', { tier: tierName(item.outcomeTier) })}
          <div className="wb-notice-text">{item.outcomeReason}</div>
        </div>
      )}
    </li>
  );
}

/** The outcome and its reason; the server's refusal shows here and what was typed stays. */
function ResolveDialog({ slug, item, open, onClose, onSaved, onStale }: { slug: string; item: Objection; open: boolean; onClose: () => void; onSaved: (d: OrganizerNotice) => void; onStale: (e: Error) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Outcome['status']>('dismissed');
  const [tier, setTier] = useState<Tier>(item.currentTier === 'best' ? 'excellent' : 'none');
  const reason = useRequiredReason();
  const save = useMutation({ mutationFn: (o: Outcome) => noticeApi.resolve(slug, item.id, o), onSuccess: onSaved, onError: onStale });
  const submit = () => {
    const given = reason.take();
    if (given) save.mutate(status === 'upheld' ? { status, tier, reason: given } : { status, reason: given });
  };
  return (
    <Modal open={open} title={t('wb.notice.resolveTitle', { reference: item.reference })} onCancel={onClose}
      okText={t('wb.notice.save')} cancelText={t('wb.notice.cancel')} onOk={submit} okButtonProps={{ loading: save.isPending }}>
      <div className="wb-notice-resolve">
        <Typography.Paragraph>{t('wb.notice.about', { case: item.caseTitle, unit: item.unitName })}</Typography.Paragraph>
        <div id="wb-notice-outcome-label" className="wb-notice-label">{t('wb.notice.outcome')}</div>
        <Radio.Group aria-labelledby="wb-notice-outcome-label" value={status} onChange={(e) => setStatus(e.target.value as Outcome['status'])}
          options={[{ value: 'dismissed', label: t('wb.notice.dismissed') }, { value: 'upheld', label: t('wb.notice.upheld') }]} />
        {status === 'upheld' && (
          <>
            <label htmlFor="wb-notice-tier" className="wb-notice-label">{t('wb.notice.newTier')}</label>
            <Select<Tier> id="wb-notice-tier" className="wb-full" value={tier} onChange={setTier}
              options={(['best', 'excellent', 'none'] as const).filter((k) => k !== item.currentTier).map((k) => ({ value: k, label: t(`selection.tier.${k}`) }))} />
          </>
        )}
        <ReasonField id="wb-notice-reason" label={t('wb.notice.reason')} missingText={t('wb.notice.reasonRequired')} max={REASON_MAX}
          refusal={save.error?.message} field={reason.field} />
      </div>
    </Modal>
  );
}

function Finalize({ slug, data, onDone, onStale }: { slug: string; data: OrganizerNotice; onDone: (d: OrganizerNotice) => void; onStale: (e: Error) => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const finalize = useMutation({ mutationFn: () => noticeApi.finalize(slug), onSuccess: onDone, onError: onStale });
  const entries = data.notice!.entries;
  const refusal = data.finalizeRefusal;
  // What the results will be: the list as published, with each upheld objection's change.
  const changed = new Map(data.objections.filter((o) => o.status === 'upheld').map((o) => [o.caseId, o.outcomeTier]));
  const tierOf = (caseId: string, tier: Tier) => changed.get(caseId) ?? tier;
  const count = (tier: Tier) => entries.filter((e) => tierOf(e.caseId, e.tier) === tier).length;
  const confirm = () => modal.confirm({
    title: t('wb.notice.finalizeTitle'), content: t('wb.notice.finalizeConfirm', { best: count('best'), excellent: count('excellent') }),
    okText: t('wb.notice.finalize'), cancelText: t('wb.notice.cancel'), onOk: () => finalize.mutateAsync().catch(() => undefined),
  });
  return (
    <Card className="wb-card" title={t('wb.notice.finalizeTitle')}>
      <Typography.Paragraph type="secondary">{t('wb.notice.finalizeIntro')}</Typography.Paragraph>
      {refusal && <Alert className="wb-alert" type={refusal === 'already_final' ? 'success' : 'info'} showIcon title={t(`wb.notice.refusal.${refusal}`)} />}
      {finalize.error && <Alert className="wb-alert" type="error" showIcon title={finalize.error.message} />}
      {refusal !== 'already_final' && <Button type="primary" danger disabled={refusal !== null} loading={finalize.isPending} onClick={confirm}>{t('wb.notice.finalize')}</Button>}
    </Card>
  );
}
