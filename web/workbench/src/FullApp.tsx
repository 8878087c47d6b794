import './icon-names.tsx';
import { Alert, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { CSP_NONCE } from './csp-nonce.ts';
import { useI18n } from './i18n.tsx';
import { iconOnlyControls } from './icon-names.tsx';
import { useRouter } from './router.tsx';
import { PUBLIC, SignedInRoutes } from './routes/pages.tsx';
import { Redirect } from './routes/Redirect.tsx';
import { RoleProvider, useMe } from './session.tsx';
import { THEME } from './theme.ts';

/** Every page but sign-in: Ant Design in the workbench's theme and language, and the routes. */
export function FullApp() {
  const { locale, t } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME} csp={{ nonce: CSP_NONCE }} {...iconOnlyControls(t)}>
      <Routes />
    </ConfigProvider>
  );
}

function Routes() {
  const { path } = useRouter();
  const me = useMe();
  const { t } = useI18n();
  const publicPage = PUBLIC[path];
  const waiting = <div className="wb-center wb-boot"><Spin /> {t('wb.loading')}</div>;
  if (publicPage) return <div className="wb-public"><Suspense fallback={waiting}>{publicPage.render()}</Suspense></div>;
  if (me.isPending) return waiting;
  if (me.isError) return <Alert className="wb-alert" type="error" showIcon title={me.error.message} />;
  if (!me.data) return <Redirect to={`/app/sign-in?next=${encodeURIComponent(path + window.location.search)}`} />;
  return <RoleProvider me={me.data}><Suspense fallback={waiting}><SignedInRoutes /></Suspense></RoleProvider>;
}
