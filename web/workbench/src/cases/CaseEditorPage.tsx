import { useQuery } from '@tanstack/react-query';
import { Button, Card, Result, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { useRole } from '../session.tsx';
import { CaseResultCard } from './CaseResultCard.tsx';
import { caseKeys, casesApi } from './cases-api.ts';
import { CaseEditor } from './editor/CaseEditor.tsx';
import './editor/case-editor.css';

// A case read rather than edited brings its own chunk: the editor, which a unit opens most, waits
// for neither.
const ReadOnlyCase = lazy(() => import('./editor/ReadOnlyCase.tsx').then((m) => ({ default: m.ReadOnlyCase })));
const OrganizerCaseView = lazy(() => import('./OrganizerCaseView.tsx').then((m) => ({ default: m.OrganizerCaseView })));

// /app/cases/:id — the case editor. An editable case opens in the editor (autosaved, versioned,
// backed up in this browser); a case that may not change (submitted after the deadline, or
// read by an organizer) opens as text, with why.

export function CaseEditorPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { role } = useRole();
  const detail = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => casesApi.getCase(id), staleTime: Infinity });
  const slug = detail.data?.campaignSlug;
  const campaign = useQuery({
    queryKey: caseKeys.campaign(slug ?? ''),
    queryFn: () => casesApi.getCampaign(slug!),
    enabled: Boolean(slug),
    staleTime: 10 * 60_000,
  });

  const error = detail.error ?? campaign.error;
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('wb.editor.notFound') : error.message}
        extra={missing ? <Link to="/app/cases">{t('wb.editor.backToList')}</Link> : <Button onClick={() => void detail.refetch()}>{t('wb.editor.reload')}</Button>}
      />
    );
  }
  const waiting = <Card className="wb-card"><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (!detail.data || !campaign.data) return waiting;
  // The editor reads the case once and owns its fields from then on; it is keyed so a case that
  // becomes read-only (or editable again) starts over rather than mixing the two.
  // A final best or excellent case shows its result and certificate first.
  const result = <CaseResultCard id={id} campaign={campaign.data} />;
  if (detail.data.editable) return <>{result}<CaseEditor key="edit" initial={detail.data} campaign={campaign.data} /></>;
  return (
    <>
      {result}
      <Suspense fallback={waiting}>
        {role === 'organizer'
          ? <OrganizerCaseView key="organizer" detail={detail.data} campaign={campaign.data} />
          : <ReadOnlyCase key="read" detail={detail.data} campaign={campaign.data} />}
      </Suspense>
    </>
  );
}
