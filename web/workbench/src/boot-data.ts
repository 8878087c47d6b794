import type { QueryClient } from '@tanstack/react-query';
import { accountApi } from './account-api.ts';
import { setApiLocale } from './api.ts';
import { caseKeys, casesApi } from './cases/cases-api.ts';
import { initialLocale } from './i18n.tsx';
import { PUBLIC, SIGN_IN } from './routes/pages.tsx';
import { ME_KEY } from './session.tsx';

// The answers a signed-in page waits for, asked at boot beside its scripts rather than after
// them: the session, and for a case's address the case and its campaign. The pages read the same
// query keys with the same functions, so they take these answers (or their errors) as their own.

const CASE_PATH = /^\/app\/cases\/([0-9a-f-]{36})$/;

export function preloadRouteData(client: QueryClient, path: string): void {
  if (path === SIGN_IN || PUBLIC[path]) return;
  // Errors come back in the reader's language, as they would once I18nProvider has started.
  setApiLocale(initialLocale());
  void client.prefetchQuery({ queryKey: ME_KEY, queryFn: accountApi.me });
  const caseId = CASE_PATH.exec(path)?.[1];
  if (!caseId) return;
  void client
    .fetchQuery({ queryKey: caseKeys.detail(caseId), queryFn: () => casesApi.getCase(caseId), staleTime: Infinity })
    .then((detail) => client.prefetchQuery({ queryKey: caseKeys.campaign(detail.campaignSlug), queryFn: () => casesApi.getCampaign(detail.campaignSlug) }))
    .catch(() => undefined);
}
