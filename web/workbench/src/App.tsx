import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { I18nProvider, useI18n } from './i18n.tsx';
import { SignInPage } from './pages/SignIn.tsx';
import { RouterProvider, useRouter } from './router.tsx';
import { queryClient } from './query-client.ts';
import { loadFullApp, preloadWhenIdle, SIGN_IN } from './routes/pages.tsx';


const FullApp = lazy(() => loadFullApp().then((m) => ({ default: m.FullApp })));

/**
 * The sign-in form comes with the first script and draws without Ant Design; every other page
 * is FullApp's, which the sign-in page fetches while the person types.
 */
function Pages() {
  const { path } = useRouter();
  const { t } = useI18n();
  // Whoever signs in next goes to the signed-in frame and, most often, a unit's pages.
  useEffect(() => {
    if (path === SIGN_IN) preloadWhenIdle('fullApp', 'signedIn', 'unit');
  }, [path]);
  if (path === SIGN_IN) return <div className="wb-public"><SignInPage /></div>;
  const waiting = <div className="wb-center wb-boot" role="status"><span className="pl-spinner" aria-hidden="true" /> {t('wb.loading')}</div>;
  return <Suspense fallback={waiting}><FullApp /></Suspense>;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <RouterProvider>
          <Pages />
        </RouterProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
