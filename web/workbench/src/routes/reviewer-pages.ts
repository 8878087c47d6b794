// The reviewer's workbench, in one chunk that units and organizers never download.
export { ReviewCasePage } from '../review/ReviewCasePage.tsx';
export { ReviewerWorkbenchPage } from '../review/ReviewerWorkbenchPage.tsx';
