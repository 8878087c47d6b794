import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

// The sign-in form is the page most visits start on: it is in the first script, drawn without
// Ant Design (App.tsx). Every other page loads with its own chunk, after FullApp's, so the
// sign-in form does not wait for the editor, the organizers' pages or the Ant Design components
// only they use. Pages that are opened one after the other share a chunk (unit-pages.ts, organizer-pages.ts). `load` starts a chunk early:
// the current route's at boot, and the next step's when the browser is idle.

type Load<M> = () => Promise<M>;

/** The page most visits start on, drawn by App.tsx itself. */
export const SIGN_IN = '/app/sign-in';

const load = {
  fullApp: () => import('../FullApp.tsx'),
  signUp: () => import('../pages/SignUp.tsx'),
  forgotPassword: () => import('../pages/ForgotPassword.tsx'),
  resetPassword: () => import('../pages/ResetPassword.tsx'),
  verifyEmail: () => import('../pages/VerifyEmail.tsx'),
  invitation: () => import('../pages/AcceptInvitation.tsx'),
  superiorReview: () => import('../cases/SuperiorReviewPage.tsx'),
  publicNotice: () => import('../notice/PublicNoticePage.tsx'),
  signedIn: () => import('./SignedInRoutes.tsx'),
  unit: () => import('./unit-pages.ts'),
  organizer: () => import('./organizer-pages.ts'),
  publishing: () => import('./publishing-pages.ts'),
  reviewer: () => import('../pages/ReviewerProfilePage.tsx'),
  reviews: () => import('./reviewer-pages.ts'),
  editor: () => import('../cases/CaseEditorPage.tsx'),
  // ECharts is only in the dashboard's chunk.
  dashboard: () => import('../dashboard/DashboardPage.tsx'),
} satisfies Record<string, Load<unknown>>;

type Page<C> = C & ComponentType<any>;

function named<M, K extends keyof M>(from: Load<M>, name: K): LazyExoticComponent<Page<M[K]>> {
  return lazy(() => from().then((m) => ({ default: m[name] as Page<M[K]> })));
}

const SignUpPage = named(load.signUp, 'SignUpPage');
const ForgotPasswordPage = named(load.forgotPassword, 'ForgotPasswordPage');
const ResetPasswordPage = named(load.resetPassword, 'ResetPasswordPage');
const VerifyEmailPage = named(load.verifyEmail, 'VerifyEmailPage');
const AcceptInvitationPage = named(load.invitation, 'AcceptInvitationPage');
const SuperiorReviewPage = named(load.superiorReview, 'SuperiorReviewPage');
const PublicNoticePage = named(load.publicNotice, 'PublicNoticePage');

export const SignedInRoutes = named(load.signedIn, 'SignedInRoutes');
export const UnitPage = named(load.unit, 'UnitPage');
export const MembersPage = named(load.unit, 'MembersPage');
export const MyCasesPage = named(load.unit, 'MyCasesPage');
export const ReceiptPage = named(load.unit, 'ReceiptPage');
export const SuperiorReviewsPage = named(load.unit, 'SuperiorReviewsPage');
export const AccountPage = named(load.unit, 'AccountPage');
export const OrgCasesPage = named(load.organizer, 'OrgCasesPage');
export const OrgUnitsPage = named(load.organizer, 'OrgUnitsPage');
export const OrgUnitDetailPage = named(load.organizer, 'OrgUnitDetailPage');
export const OrgReviewersPage = named(load.organizer, 'OrgReviewersPage');
export const ScreeningPage = named(load.organizer, 'ScreeningPage');
export const ProgressPage = named(load.organizer, 'ProgressPage');
export const AssignmentPage = named(load.organizer, 'AssignmentPage');
export const RankingPage = named(load.organizer, 'RankingPage');
export const SelectionPage = named(load.organizer, 'SelectionPage');
export const NoticePage = named(load.organizer, 'NoticePage');
export const ExportsPage = named(load.organizer, 'ExportsPage');
export const LibraryImportPage = named(load.organizer, 'LibraryImportPage');
export const AuditPage = named(load.organizer, 'AuditPage');
export const MailPage = named(load.organizer, 'MailPage');
export const OrganizersPage = named(load.organizer, 'OrganizersPage');
export const PublishingQueuePage = named(load.publishing, 'PublishingQueuePage');
export const PublicCopyEditorPage = named(load.publishing, 'PublicCopyEditorPage');
export const ReferenceCasesPage = named(load.organizer, 'ReferenceCasesPage');
export const ReviewerProfilePage = named(load.reviewer, 'ReviewerProfilePage');
export const ReviewerWorkbenchPage = named(load.reviews, 'ReviewerWorkbenchPage');
export const ReviewCasePage = named(load.reviews, 'ReviewCasePage');
export const CaseEditorPage = named(load.editor, 'CaseEditorPage');
export const DashboardPage = named(load.dashboard, 'DashboardPage');

/** Pages anyone may open; the rest need a session. */
export const PUBLIC: Record<string, { load: Load<unknown>; render: () => ReactNode }> = {
  '/app/sign-up': { load: load.signUp, render: () => <SignUpPage /> },
  '/app/forgot-password': { load: load.forgotPassword, render: () => <ForgotPasswordPage /> },
  '/app/reset-password': { load: load.resetPassword, render: () => <ResetPasswordPage /> },
  '/app/verify-email': { load: load.verifyEmail, render: () => <VerifyEmailPage /> },
  '/app/join': { load: load.invitation, render: () => <AcceptInvitationPage kind="unit" /> },
  '/app/reviewer-invitation': { load: load.invitation, render: () => <AcceptInvitationPage kind="reviewer" /> },
  // The superior organization reads and recommends by the mailed link, without an account, or
  // signed in (?case=) as a member of a registered superior unit; the page asks to sign in then.
  '/app/superior-review': { load: load.superiorReview, render: () => <SuperiorReviewPage /> },
  // The public notice (公示) and its objection form: anyone, signed in or not.
  '/app/notice': { load: load.publicNotice, render: () => <PublicNoticePage /> },
};

/** The chunk of a signed-in path's page; a guess is harmless, it only starts a download. */
function signedInPageChunk(path: string): Load<unknown> {
  if (path.startsWith('/app/org/publishing')) return load.publishing;
  if (path.startsWith('/app/org/')) return load.organizer;
  if (/^\/app\/cases\/[0-9a-f-]{36}$/.test(path)) return load.editor;
  if (path === '/app/reviewer') return load.reviewer;
  if (path.startsWith('/app/reviews')) return load.reviews;
  return load.unit;
}

const ignore = () => undefined;

export const loadFullApp = load.fullApp;

/** Starts downloading what `path` will render, while the session is still being asked for. */
export function preloadRoute(path: string): void {
  if (path === SIGN_IN) return;
  load.fullApp().catch(ignore);
  const open = PUBLIC[path];
  if (open) {
    open.load().catch(ignore);
    return;
  }
  load.signedIn().catch(ignore);
  signedInPageChunk(path)().catch(ignore);
}

/** Loads `chunks` once the browser has nothing else to do: what the next step will need. */
export function preloadWhenIdle(...chunks: (keyof typeof load)[]): void {
  const start = () => chunks.forEach((chunk) => load[chunk]().catch(ignore));
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 500);
}
