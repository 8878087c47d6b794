import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { LOCALES } from '../../../../core/i18n/locale.ts';
import { accountApi } from '../account-api.ts';
import type { Me } from '../api.ts';
import { applyServerError, FormField, ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';
import { ME_KEY } from '../session.tsx';

const LOCALE_NAMES = { 'zh-CN': '中文', en: 'English' } as const;

function SettingsForm({ me }: { me: Me }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { message: toast } = AntApp.useApp();
  const [message, setMessage] = useState<string | null>(null);
  const schema = useMemo(() => z.object({ displayName: z.string().trim().min(1, t('wb.required')).max(50), locale: z.enum(LOCALES) }), [t]);
  const { control, handleSubmit, setError } = useForm({ resolver: zodResolver(schema), defaultValues: { displayName: me.displayName, locale: me.locale } });
  const save = useMutation({
    mutationFn: accountApi.saveSettings,
    onSuccess: async () => {
      toast.success(t('wb.saved'));
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (error) => setMessage(applyServerError(error, setError, ['displayName', 'locale'])),
  });
  return (
    <Form layout="vertical" component="form" onFinish={() => handleSubmit((v) => { setMessage(null); save.mutate(v); })()}>
      <ServerMessage message={message} />
      <FormField control={control} name="displayName" label={t('wb.displayName')} required render={(f) => <Input {...f} maxLength={50} />} />
      <FormField control={control} name="locale" label={t('wb.account.locale')} render={(f) => (
        <Select {...f} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
      )} />
      <Button type="primary" htmlType="submit" loading={save.isPending}>{t('wb.save')}</Button>
    </Form>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const { message: toast } = AntApp.useApp();
  const [message, setMessage] = useState<string | null>(null);
  const schema = useMemo(() => z.object({
    currentPassword: z.string().min(1, t('wb.required')),
    newPassword: z.string().min(1, t('wb.required')),
  }), [t]);
  const { control, handleSubmit, setError, reset } = useForm({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '' } });
  const change = useMutation({
    mutationFn: accountApi.changePassword,
    onSuccess: () => {
      reset();
      toast.success(t('wb.account.passwordChanged'));
    },
    onError: (error) => setMessage(applyServerError(error, setError, ['currentPassword', 'newPassword'])),
  });
  return (
    <Form layout="vertical" component="form" onFinish={() => handleSubmit((v) => { setMessage(null); change.mutate(v); })()}>
      <ServerMessage message={message} />
      <FormField control={control} name="currentPassword" label={t('wb.account.currentPassword')} required render={(f) => <Input.Password {...f} autoComplete="current-password" />} />
      <FormField control={control} name="newPassword" label={t('wb.account.newPassword')} required render={(f) => <Input.Password {...f} autoComplete="new-password" />} />
      <Button type="primary" htmlType="submit" loading={change.isPending}>{t('wb.account.password')}</Button>
    </Form>
  );
}

/** The person's own account: name, the language mail is written in, and the password. */
export function AccountPage({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <>
      <Card className="wb-card" title={t('wb.account.title')}><SettingsForm me={me} /></Card>
      <Card className="wb-card" title={t('wb.account.password')}><PasswordForm /></Card>
    </>
  );
}
