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
import { Link, useRouter } from '../router.tsx';

export function ResetPasswordPage() {
  const { t } = useI18n();
  const token = useRouter().search.get('token');
  const [message, setMessage] = useState<string | null>(null);
  const schema = useMemo(() => z.object({ password: z.string().min(PASSWORD_MIN, t('password.too_short')).max(PASSWORD_MAX, t('password.too_long')) }), [t]);
  const { control, handleSubmit, setError } = useForm({ resolver: zodResolver(schema), defaultValues: { password: '' } });
  const password = useWatch({ control, name: 'password' }) ?? '';
  const reset = useMutation({
    mutationFn: (body: z.infer<typeof schema>) => accountApi.resetPassword({ ...body, token: token ?? '' }),
    onError: (error) => setMessage(applyServerError(error, setError, ['password'])),
  });
  if (!token) return <AuthLayout title={t('wb.resetTitle')}><Result status="warning" title={t('wb.missingToken')} /></AuthLayout>;
  return (
    <AuthLayout title={t('wb.resetTitle')}>
      {reset.isSuccess ? (
        <Result status="success" title={t('wb.resetDone')} extra={<Link to="/app/sign-in">{t('wb.signIn')}</Link>} />
      ) : (
        <>
          <ServerMessage message={message} />
          <Form layout="vertical" component="form" onFinish={() => handleSubmit((v) => { setMessage(null); reset.mutate(v); })()}>
            <FormField control={control} name="password" label={t('wb.newPassword')} required extra={<PasswordRules password={password} />} render={(f) => <Input.Password {...f} autoComplete="new-password" />} />
            <Button type="primary" htmlType="submit" block loading={reset.isPending}>{t('wb.save')}</Button>
          </Form>
        </>
      )}
    </AuthLayout>
  );
}
