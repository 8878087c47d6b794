import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Descriptions, Input, Modal, Radio, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { weightedTotal } from '../../../../core/review/scoring.ts';
import { ApiError } from '../api.ts';
import { useCampaign, zonedTimeWithLabel } from '../cases/case-shared.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { forgetLocalDraft, readLocalDraft, writeLocalDraft } from './local-draft.ts';
import { reviewsApi, type AssignedCase, type Review, type ReviewDraft } from './reviews-api.ts';

// /app/reviews/:assignmentId: the case on the left (on top on a phone) and the score form beside
// it, each criterion with its rubric. What the reviewer typed stays in the form when a save is
// refused (another tab saved first): only the version moves on once they look again.

const TIERS = ['best', 'excellent', 'neither'] as const;

function CaseText({ view }: { view: AssignedCase }) {
  const { t } = useI18n();
  const c = view.case;
  return (
    <Card className="wb-card wb-review-case" title={<h1 className="wb-card-title">{c.title}</h1>}>
      {view.blind && <Alert type="info" showIcon title={t('wb.review.blindNote')} style={{ marginBottom: 16 }} />}
      {c.unit && <Typography.Paragraph>{t('wb.review.unit')}：{c.unit.name}</Typography.Paragraph>}
      <h2>{t('wb.review.summary')}</h2>
      <div className="wb-case-html" dangerouslySetInnerHTML={{ __html: c.summary }} />
      {c.keywords.length > 0 && <Typography.Paragraph>{t('wb.review.keywords')}：{c.keywords.join('、')}</Typography.Paragraph>}
      {c.sections.map((s) => (
        <section key={s.key}>
          <h2>{s.name}</h2>
          <div className="wb-case-html" dangerouslySetInnerHTML={{ __html: s.html }} />
        </section>
      ))}
      <h2>{t('wb.review.declaration')}</h2>
      <Descriptions column={1} size="small" bordered items={view.declaration.map((f) => ({
        key: f.key, label: f.label, children: f.hidden ? <span className="wb-muted">{t('wb.review.hidden')}</span> : f.value,
      }))} />
      <h2>{t('wb.review.attachments')}</h2>
      {view.attachments.length === 0 ? <Typography.Paragraph>{t('wb.review.noAttachments')}</Typography.Paragraph> : (
        <ul>{view.attachments.map((a) => <li key={a.id}>{a.kindName}：<a href={a.fileUrl}>{a.fileName}</a></li>)}</ul>
      )}
    </Card>
  );
}

function ScoreForm({ view }: { view: AssignedCase }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const { message: toast, modal } = AntApp.useApp();
  const saved = view.review;
  const campaign = useCampaign(view.campaign.slug).data;
  const [restored] = useState(() => {
    const fromServer: ReviewDraft = { version: saved?.version ?? 0, scores: saved?.scores ?? {}, comment: saved?.comment ?? '', tier: saved?.tier ?? null };
    const local = view.canScore ? readLocalDraft(view.id, fromServer.version, fromServer) : null;
    return { draft: local ?? fromServer, local: local !== null };
  });
  const [draft, setDraft] = useState<ReviewDraft>(restored.draft);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (changed && view.canScore) writeLocalDraft(view.id, draft);
  }, [changed, draft, view.id, view.canScore]);
  const edit = (change: (d: ReviewDraft) => ReviewDraft) => {
    setChanged(true);
    setDraft(change);
  };
  const [error, setError] = useState<string | null>(null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { navigate } = useRouter();
  const done = (review: Review) => {
    setError(null);
    setChanged(false);
    forgetLocalDraft(view.id);
    setDraft((d) => ({ ...d, version: review.version }));
    client.setQueryData(['assigned-case', view.id], { ...view, review, canScore: view.canScore && review.status !== 'submitted' });
    void client.invalidateQueries({ queryKey: ['my-reviews'] });
  };
  const failed = (e: unknown) => {
    setError(e instanceof Error ? e.message : String(e));
    // Another tab saved first: take its version, keep what is typed here.
    const other = e instanceof ApiError ? (e.details as { review?: Review | null } | undefined)?.review : undefined;
    if (other) setDraft((d) => ({ ...d, version: other.version }));
    // Submitted meanwhile (another tab) or closed: show the case as it now stands.
    if (e instanceof ApiError && e.status === 409 && !other) void client.invalidateQueries({ queryKey: ['assigned-case', view.id] });
  };
  const save = useMutation({ mutationFn: () => reviewsApi.save(view.id, draft), onSuccess: (r) => { done(r); toast.success(t('wb.review.saved')); }, onError: failed });
  const submit = useMutation({ mutationFn: () => reviewsApi.submit(view.id, draft), onSuccess: done, onError: failed });
  const conflict = useMutation({
    mutationFn: () => reviewsApi.declareConflict(view.id, reason),
    onSuccess: () => { toast.success(t('wb.review.conflictDone')); void client.invalidateQueries({ queryKey: ['my-reviews'] }); navigate('/app/reviews'); },
    onError: failed,
  });
  const locked = !view.canScore;
  const total = weightedTotal(view.criteria.map((c) => ({ criterion: c.key, weight: c.weight, levels: c.levels })), draft.scores);
  return (
    <Card className="wb-card wb-review-form" title={<h2 className="wb-card-title">{t('wb.review.scoreForm')}</h2>}>
      {saved?.status === 'submitted' && <Alert type="success" showIcon title={t('wb.review.submitted', { at: saved.submittedAt ? zonedTimeWithLabel(saved.submittedAt, campaign, locale, false) : '' })} style={{ marginBottom: 16 }} />}
      {saved?.status !== 'submitted' && locked && <Alert type="warning" showIcon title={t('wb.review.closed')} style={{ marginBottom: 16 }} />}
      {restored.local && !locked && <Alert type="info" showIcon title={t('wb.review.restored')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      {view.criteria.map((c) => (
        <fieldset key={c.key} className="wb-review-criterion">
          <legend><strong>{c.name}</strong> <span className="wb-muted">{t('wb.review.weight', { weight: c.weight })}</span></legend>
          <Radio.Group
            disabled={locked} value={draft.scores[c.key]} aria-label={c.name}
            onChange={(e) => edit((d) => ({ ...d, scores: { ...d.scores, [c.key]: Number(e.target.value) } }))}
          >
            <Space orientation="vertical">
              {c.levels.map((l) => <Radio key={l.score} value={l.score}><strong>{l.score}</strong> — {l.rubric}</Radio>)}
            </Space>
          </Radio.Group>
        </fieldset>
      ))}
      <p aria-live="polite">{total !== null ? t('wb.review.total', { total }) : t('wb.review.totalPending')}</p>
      <label htmlFor="review-tier"><strong>{t('wb.review.tier')}</strong></label>
      <Radio.Group id="review-tier" disabled={locked} value={draft.tier} onChange={(e) => edit((d) => ({ ...d, tier: e.target.value as string }))} style={{ display: 'block', margin: '8px 0 16px' }}>
        {TIERS.map((tier) => <Radio key={tier} value={tier}>{t(`review.tier.${tier}`)}</Radio>)}
      </Radio.Group>
      <label htmlFor="review-comment"><strong>{t('wb.review.comment')}</strong></label>
      <Input.TextArea id="review-comment" disabled={locked} rows={5} maxLength={2000} showCount value={draft.comment}
        onChange={(e) => edit((d) => ({ ...d, comment: e.target.value }))} style={{ margin: '8px 0 24px' }} />
      {!locked && (
        <Space wrap>
          <Button onClick={() => save.mutate()} loading={save.isPending}>{t('wb.review.save')}</Button>
          <Button type="primary" loading={submit.isPending} onClick={() => modal.confirm({ title: t('wb.review.submit'), content: t('wb.review.submitConfirm'), onOk: () => submit.mutateAsync() })}>
            {t('wb.review.submit')}
          </Button>
          <Button danger onClick={() => setConflictOpen(true)}>{t('wb.review.conflict')}</Button>
        </Space>
      )}
      <Modal open={conflictOpen} title={t('wb.review.conflictTitle')} okText={t('wb.review.conflictConfirm')} cancelText={t('wb.review.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: conflict.isPending }}
        onOk={() => conflict.mutate()} onCancel={() => setConflictOpen(false)}>
        <label htmlFor="conflict-reason">{t('wb.review.conflictReason')}</label>
        <Input.TextArea id="conflict-reason" rows={4} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}

/** One assigned case: its text beside the score form. */
export function ReviewCasePage({ id }: { id: string }) {
  const { t } = useI18n();
  const view = useQuery({ queryKey: ['assigned-case', id], queryFn: () => reviewsApi.assigned(id) });
  if (view.isError) return <Alert type="error" showIcon title={(view.error as Error).message} />;
  if (!view.data) return <Skeleton active />;
  return (
    <div>
      <p><Link to="/app/reviews">← {t('wb.review.back')}</Link></p>
      <div className="wb-review-layout">
        <CaseText view={view.data} />
        <ScoreForm view={view.data} />
      </div>
    </div>
  );
}
