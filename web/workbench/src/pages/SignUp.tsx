import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Result } from 'antd';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../../core/auth/password-policy.ts';
import { accountApi } from '../account-api.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { PasswordRules } from '../components/PasswordRules.tsx';
import { applyServerError, FormField, ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';
import { Link, safeNext, useRouter } from '../router.tsx';

export function SignUpPage() {
  const { t, locale } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  // Where the visitor was going rides in the verification mail's link (the server checks it too).
  const next = safeNext(useRouter().search.get('next'));
  const signInPath = next ? `/app/sign-in?next=${encodeURIComponent(next)}` : '/app/sign-in';
  const schema = useMemo(() => z.object({
    displayName: z.string().trim().min(1, t('wb.required')).max(50),
    email: z.email(t('wb.invalidEmail')),
    password: z.string().min(PASSWORD_MIN, t('password.too_short')).max(PASSWORD_MAX, t('password.too_long')),
  }), [t]);
  const { control, handleSubmit, setError } = useForm({ resolver: zodResolver(schema), defaultValues: { displayName: '', email: '', password: '' } });
  const [password = '', email = '', displayName = ''] = useWatch({ control, name: ['password', 'email', 'displayName'] });

  const signUp = useMutation({
    mutationFn: (body: z.infer<typeof schema>) => accountApi.signUp({ ...body, locale, ...(next ? { next } : {}) }),
    onError: (error) => setMessage(applyServerError(error, setError, ['displayName', 'email', 'password'])),
  });

  if (signUp.isSuccess) {
    return (
      <AuthLayout title={t('wb.signUpTitle')}>
        <Result status="success" title={t('wb.checkEmail')} subTitle={t('wb.signUpSent', { email: signUp.variables.email })} extra={<Link to={signInPath}>{t('wb.signIn')}</Link>} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('wb.signUpTitle')}>
      <ServerMessage message={message} />
      <Form layout="vertical" component="form" onFinish={() => handleSubmit((v) => { setMessage(null); signUp.mutate(v); })()}>
        <FormField control={control} name="displayName" label={t('wb.displayName')} required render={(f) => <Input {...f} autoComplete="name" />} />
        <FormField control={control} name="email" label={t('wb.email')} required render={(f) => <Input {...f} type="email" autoComplete="email" />} />
        <FormField
          control={control}
          name="password"
          label={t('wb.password')}
          required
          extra={<PasswordRules password={password} email={email} name={displayName} />}
          render={(f) => <Input.Password {...f} autoComplete="new-password" />}
        />
        <Button type="primary" htmlType="submit" block loading={signUp.isPending}>{t('wb.signUp')}</Button>
      </Form>
      <div className="wb-auth-links">
        <span>{t('wb.haveAccount')} <Link to={signInPath}>{t('wb.signIn')}</Link></span>
      </div>
    </AuthLayout>
  );
}
