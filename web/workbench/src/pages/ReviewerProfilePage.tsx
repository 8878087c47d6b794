import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ORG_TYPES } from '../../../../core/org/org-name.ts';
import { accountApi } from '../account-api.ts';
import type { ReviewerProfile } from '../api.ts';
import { DivisionCascader } from '../components/DivisionCascader.tsx';
import { applyServerError, FormField, ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';

function ProfileForm({ initial }: { initial: ReviewerProfile }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { message: toast } = AntApp.useApp();
  const [message, setMessage] = useState<string | null>(null);
  const schema = useMemo(() => z.object({
    expertise: z.array(z.enum(ORG_TYPES)).max(6),
    organization: z.string().trim().max(100),
    divisionCode: z.string().regex(/^\d{6}$/).nullable(),
    capacity: z.number({ error: t('wb.required') }).int().min(0).max(500),
  }), [t]);
  const { control, handleSubmit, setError } = useForm<z.input<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { ...initial, expertise: initial.expertise.filter((e): e is (typeof ORG_TYPES)[number] => (ORG_TYPES as readonly string[]).includes(e)) },
  });
  const save = useMutation({
    mutationFn: accountApi.saveReviewerProfile,
    onSuccess: (saved) => {
      client.setQueryData(['reviewer-profile'], saved);
      toast.success(t('wb.saved'));
    },
    onError: (error) => setMessage(applyServerError(error, setError, ['expertise', 'organization', 'divisionCode', 'capacity'])),
  });
  return (
    <Form layout="vertical" component="form" onFinish={() => handleSubmit((v) => { setMessage(null); save.mutate(v); })()}>
      <ServerMessage message={message} />
      <FormField control={control} name="expertise" label={t('wb.reviewer.expertise')} render={(f) => (
        <Select {...f} mode="multiple" options={ORG_TYPES.map((v) => ({ value: v, label: t(`wb.type.${v}`) }))} />
      )} />
      <FormField control={control} name="organization" label={t('wb.reviewer.organization')} render={(f) => <Input {...f} maxLength={100} />} />
      <FormField control={control} name="divisionCode" label={t('wb.reviewer.division')} render={(f) => (
        <DivisionCascader id={f.id} value={f.value} onChange={f.onChange} anyLevel />
      )} />
      {/* No stepper buttons: the library names them only in English ("Increase Value"); arrow keys still step. */}
      <FormField control={control} name="capacity" label={t('wb.reviewer.capacity')} render={(f) => (
        <InputNumber {...f} min={0} max={500} precision={0} controls={false} onChange={(v) => f.onChange(v ?? 0)} />
      )} />
      <Button type="primary" htmlType="submit" loading={save.isPending}>{t('wb.save')}</Button>
    </Form>
  );
}

export function ReviewerProfilePage() {
  const { t } = useI18n();
  const profile = useQuery({ queryKey: ['reviewer-profile'], queryFn: accountApi.reviewerProfile });
  return (
    <Card className="wb-card" title={t('wb.reviewer.title')}>
      {profile.data ? <ProfileForm initial={profile.data} /> : <Skeleton active />}
    </Card>
  );
}
