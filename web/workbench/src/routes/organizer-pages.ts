// The organizers' pages, in one chunk that no unit operator ever downloads.
export { AuditPage } from '../pages/AuditPage.tsx';
export { MailPage } from '../pages/MailPage.tsx';
export { OrganizersPage } from '../pages/OrganizersPage.tsx';
export { OrgReviewersPage } from '../pages/OrgReviewersPage.tsx';
export { OrgUnitDetailPage } from '../pages/OrgUnitDetailPage.tsx';
export { OrgUnitsPage } from '../pages/OrgUnitsPage.tsx';
export { OrgCasesPage } from '../cases/OrgCasesPage.tsx';
export { ScreeningPage } from '../screening/ScreeningPage.tsx';
export { ProgressPage } from '../screening/ProgressPage.tsx';
export { ReferenceCasesPage } from '../similarity/ReferenceCasesPage.tsx';
export { AssignmentPage } from '../assignment/AssignmentPage.tsx';
export { RankingPage } from '../ranking/RankingPage.tsx';
export { SelectionPage } from '../selection/SelectionPage.tsx';
export { NoticePage } from '../notice/NoticePage.tsx';
export { ExportsPage } from '../exports/ExportsPage.tsx';
export { LibraryImportPage } from '../library-import/LibraryImportPage.tsx';
