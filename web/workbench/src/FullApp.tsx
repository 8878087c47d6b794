import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Alert, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useEffect } from 'react';
import { ApiError } from './api.ts';
import { CSP_NONCE } from './csp-nonce.ts';
import { I18nProvider, useI18n } from './i18n.tsx';
import { iconOnlyControls } from './icon-names.tsx';
import { RouterProvider, useRouter } from './router.tsx';
import { PUBLIC, preloadWhenIdle, SignedInRoutes } from './routes/pages.tsx';
import { Redirect } from './routes/Redirect.tsx';
import { RoleProvider, useMe } from './session.tsx';
import { THEME } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing record will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function Routes() {
  const { path } = useRouter();
  const me = useMe();
  const { t } = useI18n();
  const publicPage = PUBLIC[path];
  // Whoever signs in next goes to the signed-in frame and, most often, a unit's pages.
  useEffect(() => {
    if (path === '/app/sign-in') preloadWhenIdle('signedIn', 'unit');
  }, [path]);
  const waiting = <div className="wb-center wb-boot"><Spin /> {t('wb.loading')}</div>;
  if (publicPage) return <div className="wb-public"><Suspense fallback={waiting}>{publicPage.render()}</Suspense></div>;
  if (me.isPending) return waiting;
  if (me.isError) return <Alert className="wb-alert" type="error" showIcon title={me.error.message} />;
  if (!me.data) return <Redirect to={`/app/sign-in?next=${encodeURIComponent(path + window.location.search)}`} />;
  return <RoleProvider me={me.data}><Suspense fallback={waiting}><SignedInRoutes /></Suspense></RoleProvider>;
}

function Localized() {
  const { locale, t } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME} csp={{ nonce: CSP_NONCE }} {...iconOnlyControls(t)}>
      <Routes />
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
