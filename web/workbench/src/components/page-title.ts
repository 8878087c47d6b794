import type { MessageKey } from '../../../../core/i18n/messages.ts';

// The name of each signed-in page: the frame (Shell.tsx) makes it the page's one <h1>, so a
// screen reader's heading list starts with where the user is. Pages keep their visible card titles.

const UUID = '[0-9a-f-]{36}';

const TITLES: Record<string, MessageKey> = {
  '/app': 'wb.title',
  '/app/unit': 'wb.nav.myUnit',
  '/app/unit/members': 'wb.nav.members',
  '/app/cases': 'wb.nav.cases',
  '/app/superior-reviews': 'wb.nav.superiorReviews',
  '/app/reviewer': 'wb.nav.reviewerProfile',
  '/app/org/cases': 'wb.nav.orgCases',
  '/app/org/units': 'wb.nav.units',
  '/app/org/reviewers': 'wb.nav.reviewers',
  '/app/org/screening': 'wb.nav.screening',
  '/app/org/progress': 'wb.nav.progress',
  '/app/org/reference-cases': 'wb.nav.referenceCases',
  '/app/org/assignment': 'wb.nav.assignment',
  '/app/org/ranking': 'wb.ranking.title',
  '/app/org/selection': 'wb.selection.title',
  '/app/org/notice': 'wb.notice.title',
  '/app/org/publishing': 'wb.publishing.title',
  '/app/notice': 'notice.public.title',
  '/app/org/exports': 'wb.exports.title',
  '/app/org/library-import': 'wb.libraryImport.title',
  '/app/org/dashboard': 'wb.dashboard.title',
  '/app/org/audit': 'wb.nav.audit',
  '/app/org/mail': 'wb.nav.mail',
  '/app/org/organizers': 'wb.nav.organizers',
  '/app/account': 'wb.account.title',
};

const PATTERNS: [RegExp, MessageKey][] = [
  [new RegExp(`^/app/cases/${UUID}$`), 'wb.cases.pageTitle'],
  [new RegExp(`^/app/cases/${UUID}/receipts/\\d+$`), 'wb.cases.receiptTitle'],
  [new RegExp(`^/app/org/units/${UUID}$`), 'wb.org.detail'],
  [new RegExp(`^/app/org/publishing/${UUID}$`), 'wb.publishing.editorTitle'],
];

/** The message naming the signed-in page at `path`; an unknown path is the not-found page. */
export function pageTitleKey(path: string): MessageKey {
  return TITLES[path] ?? PATTERNS.find(([pattern]) => pattern.test(path))?.[1] ?? 'wb.notFound';
}
