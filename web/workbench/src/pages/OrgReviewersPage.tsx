import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { adminApi } from '../admin-api.ts';
import type { Reviewer } from '../api-types.ts';
import { CampaignPicker, useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { useCampaign } from '../cases/case-shared.tsx';
import { PeopleTable } from '../components/PeopleTable.tsx';
import { DivisionName } from '../components/UnitView.tsx';
import { applyServerError, FormField, ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';

export function OrgReviewersPage() {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const chosen = useChosenCampaign();
  const slug = chosen.slug ?? '';
  const campaign = useCampaign(slug || undefined);
  const reviewers = useQuery({
    queryKey: ['reviewers', slug],
    queryFn: () => adminApi.reviewers(slug),
    enabled: slug !== '',
  });
  const schema = useMemo(() => z.object({ email: z.email(t('wb.invalidEmail')) }), [t]);
  const { control, handleSubmit, setError, reset } = useForm({ resolver: zodResolver(schema), defaultValues: { email: '' } });
  const invite = useMutation({
    mutationFn: (v: { email: string }) => adminApi.inviteReviewer(slug, v),
    onSuccess: async () => {
      reset();
      await client.invalidateQueries({ queryKey: ['reviewers', slug] });
    },
    onError: (error) => setMessage(applyServerError(error, setError, ['email'])),
  });
  const title = campaign.data?.title[locale] ?? slug;
  return (
    <>
      <Card className="wb-card" title={t('wb.org.reviewersTitle', { campaign: title })}>
        <CampaignPicker chosen={chosen} />
        <PeopleTable<Reviewer>
          label={t('wb.org.reviewersTitle', { campaign: title })}
          rowKey="userId"
          rows={reviewers.data}
          loading={reviewers.isLoading}
          emptyText={t('wb.org.noReviewers')}
          columns={[
            { title: t('wb.reviewer.expertise'), dataIndex: 'expertise', render: (e: string[]) => e.map((v) => <Tag key={v}>{t(`wb.type.${v}` as MessageKey)}</Tag>) },
            { title: t('wb.reviewer.organization'), dataIndex: 'organization' },
            { title: t('wb.reviewer.division'), dataIndex: 'divisionCode', render: (c: string | null) => <DivisionName code={c} /> },
            { title: t('wb.reviewer.capacity'), dataIndex: 'capacity' },
          ]}
        />
      </Card>
      <Card className="wb-card" size="small" title={t('wb.org.inviteReviewer')}>
        <ServerMessage message={message} />
        {invite.isSuccess && <Typography.Paragraph type="success" role="status">{t('wb.members.invited', { email: invite.variables.email })}</Typography.Paragraph>}
        <Form layout="vertical" component="form" onFinish={() => handleSubmit((v) => { setMessage(null); invite.mutate(v); })()}>
          <FormField control={control} name="email" label={t('wb.email')} required render={(f) => <Input {...f} type="email" />} />
          <Button type="primary" htmlType="submit" loading={invite.isPending}>{t('wb.org.inviteReviewer')}</Button>
        </Form>
      </Card>
    </>
  );
}
