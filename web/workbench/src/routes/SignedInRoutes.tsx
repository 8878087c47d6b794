import { App as AntApp, Result, Spin } from 'antd';
import { Suspense, useEffect, type ReactNode } from 'react';
import { Shell } from '../components/Shell.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { homeOf, useMe, useRole } from '../session.tsx';
import {
  AccountPage, AssignmentPage, AuditPage, CaseEditorPage, ExportsPage, DashboardPage, MailPage, MembersPage, MyCasesPage, NoticePage, OrganizersPage, OrgCasesPage, OrgReviewersPage,
  OrgUnitDetailPage, OrgUnitsPage, preloadWhenIdle, ProgressPage, RankingPage, ReceiptPage, SelectionPage, ReferenceCasesPage, ReviewCasePage, ReviewerProfilePage,
  ReviewerWorkbenchPage, ScreeningPage, SuperiorReviewsPage, UnitPage, LibraryImportPage,
} from './pages.tsx';
import { PublicCopyEditorPage, PublishingQueuePage } from './pages.tsx';
import { Redirect } from './Redirect.tsx';

// The signed-in workbench: the frame (Shell) and the page for the path. Loaded as its own chunk
// once a session is known, or early when the address is a signed-in one (pages.tsx).

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title={t('wb.notFound')} extra={<Link to="/app">{t('wb.goHome')}</Link>} />;
}

export function SignedInRoutes() {
  const { path } = useRouter();
  const { role } = useRole();
  const me = useMe().data!;
  // A unit's operator opens a case next; an organizer moves between the organizers' pages.
  useEffect(() => preloadWhenIdle(role === 'organizer' ? 'organizer' : 'editor'), [role]);
  const unitId = /^\/app\/org\/units\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const caseId = /^\/app\/cases\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const assignmentId = /^\/app\/reviews\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const publicCopyId = /^\/app\/org\/publishing\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const receipt = /^\/app\/cases\/([0-9a-f-]{36})\/receipts\/(\d+)$/.exec(path);
  let page: ReactNode;
  if (path === '/app') page = <Redirect to={homeOf(role, me)} />;
  else if (path === '/app/unit') page = <UnitPage me={me} />;
  else if (path === '/app/unit/members') page = <MembersPage me={me} />;
  else if (path === '/app/cases') page = <MyCasesPage />;
  else if (path === '/app/superior-reviews') page = <SuperiorReviewsPage />;
  else if (caseId) page = <CaseEditorPage key={caseId} id={caseId} />;
  else if (receipt) page = <ReceiptPage key={path} id={receipt[1]!} seq={Number(receipt[2])} />;
  else if (path === '/app/reviewer') page = <ReviewerProfilePage />;
  else if (path === '/app/reviews') page = <ReviewerWorkbenchPage />;
  else if (assignmentId) page = <ReviewCasePage key={assignmentId} id={assignmentId} />;
  else if (path === '/app/org/cases') page = <OrgCasesPage />;
  else if (path === '/app/org/units') page = <OrgUnitsPage />;
  else if (unitId) page = <OrgUnitDetailPage key={unitId} id={unitId} />;
  else if (path === '/app/org/reviewers') page = <OrgReviewersPage />;
  else if (path === '/app/org/screening') page = <ScreeningPage />;
  else if (path === '/app/org/progress') page = <ProgressPage />;
  else if (path === '/app/org/reference-cases') page = <ReferenceCasesPage />;
  else if (path === '/app/org/assignment') page = <AssignmentPage />;
  else if (path === '/app/org/ranking') page = <RankingPage />;
  else if (path === '/app/org/selection') page = <SelectionPage />;
  else if (path === '/app/org/notice') page = <NoticePage />;
  else if (path === '/app/org/publishing') page = <PublishingQueuePage />;
  else if (publicCopyId) page = <PublicCopyEditorPage key={publicCopyId} caseId={publicCopyId} />;
  else if (path === '/app/org/exports') page = <ExportsPage />;
  else if (path === '/app/org/library-import') page = <LibraryImportPage />;
  else if (path === '/app/org/dashboard') page = <DashboardPage />;
  else if (path === '/app/org/audit') page = <AuditPage />;
  else if (path === '/app/org/mail') page = <MailPage />;
  else if (path === '/app/org/organizers') page = <OrganizersPage />;
  else if (path === '/app/account') page = <AccountPage me={me} />;
  else page = <NotFound />;
  // The frame stays while a page's chunk arrives; only the page area waits. The signed-in pages
  // confirm and report through antd's App context (message, modal), which the sign-in form
  // does without.
  return (
    <AntApp>
      <Shell me={me}><Suspense fallback={<Spin />}>{page}</Suspense></Shell>
    </AntApp>
  );
}
