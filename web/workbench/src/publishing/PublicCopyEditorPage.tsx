import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { caseCounts } from '../../../../core/case/case-counts.ts';
import type { FieldFlag } from '../../../../core/publishing/public-copy.ts';
import { ApiError } from '../api.ts';
import { useCampaign, zonedTime } from '../cases/case-shared.tsx';
import { casesApi, caseKeys, type CampaignDetail } from '../cases/cases-api.ts';
import { LimitAnnouncement, LimitCount } from '../cases/editor/counts.tsx';
import { useRoomBelow } from '../cases/editor/sticky-room.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { changedFields, draftFlags, draftOf, draftProblems, type CopyDraft, type DraftField } from './copy-draft.ts';
import { CopyFields } from './CopyFields.tsx';
import { CopyPreview } from './CopyPreview.tsx';
import { PersonalDataPanel, selectFlag } from './PersonalDataPanel.tsx';
import { publishingApi, publishingKeys, type Publication, type PublicCopy } from './publishing-api.ts';
import { refusalMessage, StateTags, useCopyActions } from './publishing-shared.tsx';
import '../cases/editor/case-editor.css';
import './publishing.css';

// /app/org/publishing/:caseId — a case's public copy: made from the submitted version, edited
// (text, names, pictures shown) with the numbers that look like personal data pointed out, looked
// at as the public page shows it, saved over the version read, published and taken down.

const QUEUE = '/app/org/publishing';

export function PublicCopyEditorPage({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const publication = useQuery({ queryKey: publishingKeys.copy(caseId), queryFn: () => publishingApi.read(caseId), staleTime: Infinity, refetchOnWindowFocus: false });
  // The campaign's definition (sections, limits, categories), by the case's campaign.
  const detail = useQuery({ queryKey: caseKeys.detail(caseId), queryFn: () => casesApi.getCase(caseId), staleTime: Infinity });
  const campaign = useCampaign(detail.data?.campaignSlug).data;
  const error = publication.error ?? detail.error;
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('wb.editor.notFound') : error.message} extra={<Link to={QUEUE}>{t('wb.publishing.back')}</Link>} />;
  }
  if (!publication.data || !campaign) return <Card className="wb-card"><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  const back = <Link to={`${QUEUE}?campaign=${encodeURIComponent(campaign.slug)}`} className="pp-back">← {t('wb.publishing.back')}</Link>;
  if (!publication.data.copy) return <>{back}<MakeCopy publication={publication.data} /></>;
  return <>{back}<CopyEditor key={caseId} campaign={campaign} initial={publication.data} /></>;
}

function MakeCopy({ publication }: { publication: Publication }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const make = useMutation({ mutationFn: () => publishingApi.create(publication.caseId), onSuccess: (made) => client.setQueryData(publishingKeys.copy(made.caseId), made) });
  return (
    <Card className="wb-card" title={t('wb.publishing.editorTitle')}>
      <Typography.Paragraph>{t('wb.publishing.noCopy')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('wb.publishing.noCopyHint')}</Typography.Paragraph>
      {publication.refusal && <Alert className="wb-alert" type="info" showIcon title={refusalMessage(t, publication.refusal)} />}
      {make.error && <Alert className="wb-alert" type="error" showIcon title={make.error.message} />}
      <Button type="primary" loading={make.isPending} onClick={() => make.mutate()}>{t('wb.publishing.make')}</Button>
    </Card>
  );
}

interface Conflict { mine: CopyDraft; changed: DraftField[]; version: number }

function CopyEditor({ campaign, initial }: { campaign: CampaignDetail; initial: Publication }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [publication, setPublication] = useState(initial);
  const copy = publication.copy as PublicCopy;
  // What the server holds (the version every change is made over) and what the editor holds now.
  const [base, setBase] = useState(() => draftOf(copy, campaign));
  const [draft, setDraft] = useState(base);
  const [rev, setRev] = useState(0);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [tab, setTab] = useState('edit');
  const bar = useRef<HTMLDivElement>(null);
  useRoomBelow(bar);

  /** Takes the server's answer as the copy read; the text boxes start over from it. */
  const take = useCallback((next: Publication) => {
    client.setQueryData(publishingKeys.copy(next.caseId), next);
    void client.invalidateQueries({ queryKey: ['publications', campaign.slug] });
    setPublication(next);
    const read = draftOf(next.copy!, campaign);
    setBase(read);
    setDraft(read);
    setRev((r) => r + 1);
  }, [client, campaign]);

  const update = useCallback((patch: (d: CopyDraft) => CopyDraft) => setDraft(patch), []);
  const dirty = changedFields(base, draft).length > 0;
  const counts = useMemo(() => caseCounts(campaign, { title: draft.title, category: null, keywords: [], summary: draft.summary, sections: draft.sections }), [campaign, draft]);
  const problems = useMemo(() => draftProblems(campaign, draft), [campaign, draft]);
  const flags = useMemo(() => draftFlags(campaign, draft), [campaign, draft]);

  // Leaving the page with changes not saved asks first (a tab closed, a reload).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: () => publishingApi.save(publication.caseId, { version: copy.version, ...draft }),
    onSuccess: (saved) => {
      take(saved);
      setConflict(null);
      void message.success(t('wb.publishing.saved', { version: saved.copy!.version }));
    },
    onError: async (error) => {
      if (!(error instanceof ApiError && error.code === 'publication_version_conflict')) return;
      // Someone saved meanwhile: the page shows their version, and the user's text is kept to apply again.
      const mine = draft;
      const changed = changedFields(base, mine);
      const latest = await publishingApi.read(publication.caseId);
      take(latest);
      setConflict({ mine, changed, version: latest.copy?.version ?? 0 });
    },
  });
  const recreate = useMutation({
    mutationFn: () => publishingApi.recreate(publication.caseId, copy.version),
    onSuccess: (made) => { take(made); void message.success(t('wb.publishing.recreated')); },
  });
  // Publishing and taking down change no text: unsaved changes stay in the editor.
  const actions = useCopyActions(setPublication);

  const fieldName = (field: string) => {
    if (field === 'title' || field === 'unitName') return t(`wb.publishing.field.${field}`);
    if (field === 'summary') return t('wb.editor.field.summary');
    return campaign.caseStyle.elements.find((e) => e.key === field)?.name[locale] ?? field;
  };
  const changedNames = (fields: DraftField[]) => fields.map((f) => {
    if (f === 'sections') return t('wb.editor.body');
    if (f === 'photoIds') return t('wb.publishing.pictures');
    return fieldName(f);
  }).join(t('punct.list'));
  const locate = (flag: FieldFlag) => {
    setTab('edit');
    // After the edit tab is drawn again.
    window.setTimeout(() => selectFlag(draft, flag), 50);
  };
  const reapply = () => {
    if (!conflict) return;
    // Only the fields the user changed: the rest stay as the other organizer saved them.
    const { mine, changed } = conflict;
    setDraft((latest) => ({ ...latest, ...Object.fromEntries(changed.map((f) => [f, mine[f]])) }));
    setRev((r) => r + 1);
    setConflict(null);
    void message.info(t('wb.publishing.conflict.reapplied'));
  };
  const confirmRecreate = () => modal.confirm({
    title: t('wb.publishing.recreateTitle'),
    content: <><p>{t('wb.publishing.stale.body')}</p>{copy.state === 'published' && <p>{t('wb.publishing.stale.published')}</p>}</>,
    okText: t('wb.publishing.confirmRecreate'), cancelText: t('wb.publishing.cancel'),
    onOk: () => recreate.mutateAsync().catch(() => undefined),
  });

  const state = copy.state === 'published' ? 'published' : copy.firstPublishedAt ? 'taken_down' : 'draft';
  const failed = (save.error instanceof ApiError && save.error.code === 'publication_version_conflict' ? null : save.error) ?? recreate.error ?? actions.error;
  const busy = save.isPending || recreate.isPending || actions.pending;
  const publishBlocked = dirty ? t('wb.publishing.saveFirst') : publication.refusal ? refusalMessage(t, publication.refusal) : null;

  return (
    <div className="ce-page pp-editor">
      <Card className="wb-card" title={<span className="pp-editor-title">{t('wb.publishing.editorTitle')}</span>}>
        <div className="pp-status">
          <Space size={[4, 4]} wrap><StateTags item={{ state, tier: publication.tier, copy }} /></Space>
          <span>{t('wb.publishing.versionLine', { version: copy.version, at: zonedTime(copy.updatedAt, campaign, false) })}</span>
          <span>
            {state === 'published' ? t('wb.publishing.publishedLine', { at: zonedTime(copy.publishedAt!, campaign, false) })
              : state === 'taken_down' ? t('wb.publishing.takenDownLine', { at: zonedTime(copy.unpublishedAt!, campaign, false) })
                : t('wb.publishing.draftLine')}
          </span>
        </div>
        {state !== 'draft' && (
          <p className="pp-public-link">
            <a href={copy.path} target="_blank" rel="noopener">{t(state === 'published' ? 'wb.publishing.openPublic' : 'wb.publishing.openTakenDown')}</a>
          </p>
        )}
        {copy.stale && (
          <Alert className="wb-alert" type="warning" showIcon title={t('wb.publishing.stale.title')}
            description={<>
              <p>{t('wb.publishing.stale.body')}</p>
              {copy.state === 'published' && <p>{t('wb.publishing.stale.published')}</p>}
              <Button onClick={confirmRecreate} loading={recreate.isPending} disabled={busy}>{t('wb.publishing.recreate')}</Button>
            </>} />
        )}
        {publication.refusal && <Alert className="wb-alert" type="info" showIcon title={refusalMessage(t, publication.refusal)} />}
        {conflict && (
          <Alert className="wb-alert pp-conflict" type="error" showIcon role="alert" title={t('wb.publishing.conflict.title')}
            description={<>
              <p>{t('wb.publishing.conflict.body', { version: conflict.version })}</p>
              {conflict.changed.length > 0 && <p>{t('wb.publishing.conflict.fields', { fields: changedNames(conflict.changed) })}</p>}
              <Space wrap>
                <Button type="primary" onClick={reapply}>{t('wb.publishing.conflict.reapply')}</Button>
                <Button onClick={() => setConflict(null)}>{t('wb.publishing.conflict.discard')}</Button>
              </Space>
            </>} />
        )}
        {failed && <Alert className="wb-alert" type="error" showIcon title={failed.message} />}
      </Card>

      <div ref={bar} className="ce-sticky pp-bar" role="region" aria-label={t('wb.editor.statusBar')}>
        <span className={dirty ? 'ce-save-status ce-save-pending' : 'ce-save-status ce-save-ok'} role="status">{t(dirty ? 'wb.publishing.unsaved' : 'wb.publishing.allSaved')}</span>
        <span className="ce-sticky-counts">
          <LimitCount label={t('wb.editor.field.summary')} {...counts.summary} />
          <LimitCount label={t('wb.editor.body')} {...counts.body} />
        </span>
        <LimitAnnouncement counts={counts} />
        <Space size={[8, 8]} wrap className="pp-bar-actions">
          <Button type="primary" loading={save.isPending} disabled={!dirty || problems.length > 0 || busy} onClick={() => { actions.reset(); save.mutate(); }}>
            {t('wb.publishing.save')}
          </Button>
          {copy.state === 'published' ? (
            <Button danger disabled={busy} onClick={() => actions.unpublish(publication.caseId, copy.title, copy.version)}>{t('wb.publishing.unpublish')}</Button>
          ) : (
            <Button disabled={busy || publishBlocked !== null} title={publishBlocked ?? undefined} aria-describedby={publishBlocked ? 'pp-publish-blocked' : undefined}
              onClick={() => void actions.publish(publication.caseId, copy.title, copy.version, flags.length)}>{t('wb.publishing.publish')}</Button>
          )}
        </Space>
        {publishBlocked && copy.state !== 'published' && <span id="pp-publish-blocked" className="pp-bar-hint">{publishBlocked}</span>}
      </div>

      <PersonalDataPanel draft={draft} flags={flags} fieldName={fieldName} onLocate={locate} />

      <Tabs activeKey={tab} onChange={setTab} className="pp-tabs" items={[
        { key: 'edit', label: t('wb.publishing.tab.edit'), children: <CopyFields campaign={campaign} copy={copy} draft={draft} counts={counts} problems={problems} rev={rev} update={update} /> },
        {
          key: 'preview', label: t('wb.publishing.tab.preview'), children: (
            <>
              <Typography.Paragraph type="secondary" className="pp-preview-note">{t('wb.publishing.previewNote')}</Typography.Paragraph>
              <CopyPreview campaign={campaign} draft={draft} copy={copy} tier={publication.tier} flags={flags} />
            </>
          ),
        },
      ]} />
    </div>
  );
}
