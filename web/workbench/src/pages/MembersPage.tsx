import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Result, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import type { Me, Member } from '../api.ts';
import { unitsApi } from '../units-api.ts';
import { PeopleTable } from '../components/PeopleTable.tsx';
import { applyServerError, FormField, ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { UnitPicker, useCurrentUnit } from './UnitPage.tsx';

function InviteForm({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const schema = useMemo(() => z.object({ email: z.email(t('wb.invalidEmail')) }), [t]);
  const { control, handleSubmit, setError, reset } = useForm({ resolver: zodResolver(schema), defaultValues: { email: '' } });
  const invite = useMutation({
    mutationFn: (v: { email: string }) => unitsApi.invite(unitId, v),
    onSuccess: () => reset(),
    onError: (error) => setMessage(applyServerError(error, setError, ['email'])),
  });
  return (
    <Card className="wb-card" title={t('wb.members.invite')} size="small">
      <Typography.Paragraph type="secondary">{t('wb.members.inviteHint')}</Typography.Paragraph>
      <ServerMessage message={message} />
      {invite.isSuccess && <Typography.Paragraph type="success" role="status">{t('wb.members.invited', { email: invite.variables.email })}</Typography.Paragraph>}
      <Form layout="vertical" component="form" onFinish={() => handleSubmit((v) => { setMessage(null); invite.mutate(v); })()}>
        <FormField control={control} name="email" label={t('wb.email')} required render={(f) => <Input {...f} type="email" />} />
        <Button type="primary" htmlType="submit" loading={invite.isPending}>{t('wb.members.invite')}</Button>
      </Form>
    </Card>
  );
}

export function MembersPage({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const { id, membership, setChosen } = useCurrentUnit(me);
  const members = useQuery({
    queryKey: ['members', id],
    queryFn: () => unitsApi.members(id ?? ''),
    enabled: Boolean(id),
  });
  if (!id) return <Result title={t('wb.unit.none')} extra={<Link to="/app/unit">{t('wb.unit.register')}</Link>} />;
  return (
    <>
      <Card className="wb-card" title={t('wb.members.title')}>
        <UnitPicker me={me} id={id} onChange={setChosen} />
        {/* On a phone the names and addresses wrap; wider still, the region (not antd's own scroller) is what a keyboard reaches. */}
        <PeopleTable<Member>
          label={t('wb.members.title')}
          rowKey="userId"
          rows={members.data}
          loading={members.isLoading}
          columns={[
            { title: t('wb.members.role'), dataIndex: 'role', className: 'wb-nowrap', render: (r: string) => t(`wb.members.role.${r}` as MessageKey) },
            { title: t('wb.members.since'), dataIndex: 'since', className: 'wb-nowrap', render: (s: string) => new Date(s).toLocaleDateString(locale, { timeZone: 'Asia/Shanghai' }) },
          ]}
        />
        {members.data?.length === 1 && <Typography.Paragraph type="secondary" className="wb-empty-hint">{t('wb.empty.members')}</Typography.Paragraph>}
      </Card>
      {/* GET /api/v1/me says who owns the unit; only its owner may invite. */}
      {membership?.role === 'owner' && <InviteForm unitId={id} />}
    </>
  );
}
