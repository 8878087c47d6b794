import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { CSP_NONCE } from './csp-nonce.ts';
import { MyCasesPage } from './cases/MyCasesPage.tsx';
import { OrgCasesPage } from './cases/OrgCasesPage.tsx';
import { ReceiptPage } from './cases/ReceiptPage.tsx';
import { SuperiorReviewPage } from './cases/SuperiorReviewPage.tsx';
import { SuperiorReviewsPage } from './cases/SuperiorReviewsPage.tsx';
import { Shell } from './components/Shell.tsx';
import { I18nProvider, useI18n } from './i18n.tsx';
import { AcceptInvitationPage } from './pages/AcceptInvitation.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { ForgotPasswordPage } from './pages/ForgotPassword.tsx';
import { MailPage } from './pages/MailPage.tsx';
import { OrganizersPage } from './pages/OrganizersPage.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { OrgReviewersPage } from './pages/OrgReviewersPage.tsx';
import { OrgUnitDetailPage } from './pages/OrgUnitDetailPage.tsx';
import { OrgUnitsPage } from './pages/OrgUnitsPage.tsx';
import { ResetPasswordPage } from './pages/ResetPassword.tsx';
import { ReviewerProfilePage } from './pages/ReviewerProfilePage.tsx';
import { SignInPage } from './pages/SignIn.tsx';
import { SignUpPage } from './pages/SignUp.tsx';
import { UnitPage } from './pages/UnitPage.tsx';
import { VerifyEmailPage } from './pages/VerifyEmail.tsx';
import { Link, RouterProvider, useRouter } from './router.tsx';
import { homeOf, RoleProvider, useMe, useRole } from './session.tsx';

// The editor brings the rich-text engine; it loads when a case is opened, not with every page.
const CaseEditorPage = lazy(() => import('./cases/CaseEditorPage.tsx').then((m) => ({ default: m.CaseEditorPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing record will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Pages anyone may open; the rest need a session.
const PUBLIC: Record<string, () => ReactNode> = {
  '/app/sign-in': () => <SignInPage />,
  '/app/sign-up': () => <SignUpPage />,
  '/app/forgot-password': () => <ForgotPasswordPage />,
  '/app/reset-password': () => <ResetPasswordPage />,
  '/app/verify-email': () => <VerifyEmailPage />,
  '/app/join': () => <AcceptInvitationPage kind="unit" />,
  '/app/reviewer-invitation': () => <AcceptInvitationPage kind="reviewer" />,
  // The superior organization reads and recommends by the mailed link, without an account, or
  // signed in (?case=) as a member of a registered superior unit; the page asks to sign in then.
  '/app/superior-review': () => <SuperiorReviewPage />,
};

function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title={t('wb.notFound')} extra={<Link to="/app">{t('wb.goHome')}</Link>} />;
}

function SignedInRoutes() {
  const { path } = useRouter();
  const { role } = useRole();
  const me = useMe().data!;
  const unitId = /^\/app\/org\/units\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const caseId = /^\/app\/cases\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const receipt = /^\/app\/cases\/([0-9a-f-]{36})\/receipts\/(\d+)$/.exec(path);
  let page: ReactNode;
  if (path === '/app') page = <Redirect to={homeOf(role, me)} />;
  else if (path === '/app/unit') page = <UnitPage me={me} />;
  else if (path === '/app/unit/members') page = <MembersPage me={me} />;
  else if (path === '/app/cases') page = <MyCasesPage />;
  else if (path === '/app/superior-reviews') page = <SuperiorReviewsPage />;
  else if (caseId) page = <Suspense fallback={<Spin />}><CaseEditorPage key={caseId} id={caseId} /></Suspense>;
  else if (receipt) page = <ReceiptPage key={path} id={receipt[1]!} seq={Number(receipt[2])} />;
  else if (path === '/app/reviewer') page = <ReviewerProfilePage />;
  else if (path === '/app/org/cases') page = <OrgCasesPage />;
  else if (path === '/app/org/units') page = <OrgUnitsPage />;
  else if (unitId) page = <OrgUnitDetailPage key={unitId} id={unitId} />;
  else if (path === '/app/org/reviewers') page = <OrgReviewersPage />;
  else if (path === '/app/org/audit') page = <AuditPage />;
  else if (path === '/app/org/mail') page = <MailPage />;
  else if (path === '/app/org/organizers') page = <OrganizersPage />;
  else if (path === '/app/account') page = <AccountPage me={me} />;
  else page = <NotFound />;
  return <Shell me={me}>{page}</Shell>;
}

function Routes() {
  const { path } = useRouter();
  const me = useMe();
  const { t } = useI18n();
  const publicPage = PUBLIC[path];
  if (publicPage) return <>{publicPage()}</>;
  if (me.isPending) return <div className="wb-center wb-boot"><Spin /> {t('wb.loading')}</div>;
  if (me.isError) return <Result status="error" title={me.error.message} />;
  if (!me.data) return <Redirect to={`/app/sign-in?next=${encodeURIComponent(path + window.location.search)}`} />;
  return <RoleProvider me={me.data}><SignedInRoutes /></RoleProvider>;
}

const THEME = { token: { colorPrimary: '#b3261e', colorLink: '#b3261e', borderRadius: 6 } };

function Localized() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME} csp={{ nonce: CSP_NONCE }}>
      <AntApp>
        <Routes />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <RouterProvider>
          <Localized />
        </RouterProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
