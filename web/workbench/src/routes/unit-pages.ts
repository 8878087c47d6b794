// What a unit's operator opens after signing in, in one chunk: the pages link to each other.
export { AccountPage } from '../pages/AccountPage.tsx';
export { MembersPage } from '../pages/MembersPage.tsx';
export { UnitPage } from '../pages/UnitPage.tsx';
export { MyCasesPage } from '../cases/MyCasesPage.tsx';
export { ReceiptPage } from '../cases/ReceiptPage.tsx';
export { SuperiorReviewsPage } from '../cases/SuperiorReviewsPage.tsx';
