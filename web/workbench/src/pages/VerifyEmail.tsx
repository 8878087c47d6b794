import { useMutation } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { api } from '../api.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, useRouter } from '../router.tsx';

/** Verifies on arrival: the link in the mail is the whole action. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const token = useRouter().search.get('token');
  const verify = useMutation({ mutationFn: (value: string) => api.post('/api/v1/auth/verify-email', { token: value }) });
  const started = useRef(false);
  useEffect(() => {
    // Once, even under StrictMode's double effects: the token is single-use.
    if (token && !started.current) {
      started.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);
  return (
    <AuthLayout title={t('wb.verifyTitle')}>
      {!token ? <Result status="warning" title={t('wb.missingToken')} />
        : verify.isSuccess ? <Result status="success" title={t('wb.verified')} extra={<Link to="/app/sign-in">{t('wb.signIn')}</Link>} />
          : verify.isError ? <Result status="error" title={verify.error.message} extra={<Link to="/app/sign-in">{t('wb.signIn')}</Link>} />
            : <div className="wb-center"><Spin /> {t('wb.verifying')}</div>}
    </AuthLayout>
  );
}
