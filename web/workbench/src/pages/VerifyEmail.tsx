import { useMutation } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { accountApi } from '../account-api.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, safeNext, useRouter } from '../router.tsx';

/** Verifies on arrival: the link in the mail is the whole action. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const { search, navigate } = useRouter();
  const token = search.get('token');
  const next = safeNext(search.get('next'));
  const signIn = next ? `/app/sign-in?next=${encodeURIComponent(next)}` : '/app/sign-in';
  const verify = useMutation({ mutationFn: accountApi.verifyEmail });
  const started = useRef(false);
  useEffect(() => {
    // Once, even under StrictMode's double effects: the token is single-use.
    if (token && !started.current) {
      started.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);
  // A real link (role, copyable) that navigates in place.
  const signInButton = <Button type="primary" autoInsertSpace={false} href={signIn} onClick={(e) => { e.preventDefault(); navigate(signIn); }}>{t('wb.signIn')}</Button>;
  return (
    <AuthLayout title={t('wb.verifyTitle')}>
      {!token ? <Result status="warning" title={t('wb.missingToken')} />
        : verify.data?.status === 'already_verified' ? <Result status="success" title={t('wb.verifiedAlready')} subTitle={t('wb.verifiedAlreadyDetail')} extra={signInButton} />
          : verify.isSuccess ? <Result status="success" title={t('wb.verified')} extra={signInButton} />
            : verify.isError ? <Result status="error" title={verify.error.message} extra={<Link to={signIn}>{t('wb.signIn')}</Link>} />
              : <div className="wb-center"><Spin /> {t('wb.verifying')}</div>}
    </AuthLayout>
  );
}
