import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Result, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { accountApi } from '../account-api.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { applyServerError, FormField, ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const schema = useMemo(() => z.object({ email: z.email(t('wb.invalidEmail')) }), [t]);
  const { control, handleSubmit, setError } = useForm({ resolver: zodResolver(schema), defaultValues: { email: '' } });
  const request = useMutation({
    mutationFn: accountApi.requestPasswordReset,
    onError: (error) => setMessage(applyServerError(error, setError, ['email'])),
  });
  return (
    <AuthLayout title={t('wb.forgotTitle')}>
      {request.isSuccess ? (
        <Result status="success" title={t('wb.checkEmail')} subTitle={t('wb.resetSent', { email: request.variables.email })} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('wb.forgotHint')}</Typography.Paragraph>
          <ServerMessage message={message} />
          <Form layout="vertical" component="form" onFinish={() => handleSubmit((v) => { setMessage(null); request.mutate(v); })()}>
            <FormField control={control} name="email" label={t('wb.email')} required render={(f) => <Input {...f} type="email" autoComplete="email" />} />
            <Button type="primary" htmlType="submit" block loading={request.isPending}>{t('wb.sendLink')}</Button>
          </Form>
        </>
      )}
      <div className="wb-auth-links"><Link to="/app/sign-in">{t('wb.signIn')}</Link></div>
    </AuthLayout>
  );
}
