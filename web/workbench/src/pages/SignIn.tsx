import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
// zod/mini: the first page anyone opens carries 5 KB of validation instead of zod's 90 KB.
import * as z from 'zod/mini';
import { accountApi } from '../account-api.ts';
import { api, ApiError } from '../api.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { applyServerError, FormField, ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, safeNext, useRouter } from '../router.tsx';
import { homeOf, ME_KEY, workRoles } from '../session.tsx';

export function SignInPage() {
  const { t } = useI18n();
  const { navigate, search } = useRouter();
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [unverified, setUnverified] = useState<string | null>(null);
  const schema = useMemo(() => z.object({ email: z.email(t('wb.invalidEmail')), password: z.string().check(z.minLength(1, t('wb.required'))) }), [t]);
  const { control, handleSubmit, setError } = useForm({ resolver: zodResolver(schema), defaultValues: { email: '', password: '' } });
  const next = safeNext(search.get('next'));

  const signIn = useMutation({
    mutationFn: (body: z.infer<typeof schema>) => accountApi.signIn(body),
    onSuccess: (me) => {
      // The session changed: the CSRF secret cookie pairs with the new session from here on.
      api.resetCsrf();
      client.setQueryData(ME_KEY, me);
      navigate(next ?? homeOf(workRoles(me)[0]!, me), { replace: true });
    },
    onError: (error, body) => {
      setUnverified(error instanceof ApiError && error.code === 'email_not_verified' ? body.email : null);
      setMessage(applyServerError(error, setError, ['email', 'password']));
    },
  });
  // The same answer for every address (the server does not say whether it has an account).
  const resend = useMutation({ mutationFn: (email: string) => accountApi.resendVerification({ email, ...(next ? { next } : {}) }) });

  return (
    <AuthLayout title={t('wb.signInTitle')}>
      <ServerMessage
        message={resend.isSuccess ? null : message}
        extra={unverified && (
          <span>{t('wb.notVerifiedHint')} <Button size="small" onClick={() => resend.mutate(unverified)} loading={resend.isPending}>{t('wb.resendVerification')}</Button></span>
        )}
      />
      {resend.isSuccess && <Alert className="wb-alert" type="success" showIcon title={t('wb.resendSent')} role="status" />}
      <Form layout="vertical" component="form" onFinish={() => handleSubmit((v) => { setMessage(null); signIn.mutate(v); })()}>
        <FormField control={control} name="email" label={t('wb.email')} required render={(f) => <Input {...f} type="email" autoComplete="email" />} />
        <FormField control={control} name="password" label={t('wb.password')} required render={(f) => <Input.Password {...f} autoComplete="current-password" />} />
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>{t('wb.signIn')}</Button>
      </Form>
      <div className="wb-auth-links">
        <Link to="/app/forgot-password">{t('wb.forgotPassword')}</Link>
        <span>{t('wb.noAccount')} <Link to={next ? `/app/sign-up?next=${encodeURIComponent(next)}` : '/app/sign-up'}>{t('wb.signUp')}</Link></span>
      </div>
    </AuthLayout>
  );
}
