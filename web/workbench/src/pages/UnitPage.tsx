import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../api.ts';
import { unitsApi } from '../units-api.ts';
import { UnitForm } from '../components/UnitForm.tsx';
import { UnitView } from '../components/UnitView.tsx';
import { useI18n } from '../i18n.tsx';
import { OpenCampaigns } from '../cases/OpenCampaigns.tsx';
import { ME_KEY } from '../session.tsx';

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: ['organization', id],
    queryFn: () => unitsApi.get(id ?? ''),
    enabled: Boolean(id),
  });
}

/** Which of the person's units the unit pages show (most people have one). */
export function useCurrentUnit(me: Me) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const id = me.units.find((u) => u.organizationId === chosen)?.organizationId ?? me.units[0]?.organizationId;
  return { id, membership: me.units.find((u) => u.organizationId === id), setChosen };
}

export function UnitPicker({ me, id, onChange }: { me: Me; id: string | undefined; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const names = useQuery({
    queryKey: ['organizations', 'mine'],
    queryFn: () => unitsApi.list({ limit: 100 }),
    enabled: me.units.length > 1,
  });
  if (me.units.length < 2) return null;
  return (
    <Select className="wb-unit-picker" aria-label={t('wb.unit.pick')} value={id} onChange={onChange}
      options={me.units.map((u) => ({ value: u.organizationId, label: names.data?.data.find((o) => o.id === u.organizationId)?.name ?? u.organizationId }))} />
  );
}

export function UnitPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const { id, membership, setChosen } = useCurrentUnit(me);
  const unit = useUnit(id);
  const [editing, setEditing] = useState(false);
  // Set once the unit is registered here, so the page then says what comes next.
  const [registered, setRegistered] = useState(false);

  if (!id) {
    return (
      <Card title={t('wb.unit.registerTitle')} className="wb-card">
        <Typography.Paragraph type="secondary">{t('wb.unit.registerHint')}</Typography.Paragraph>
        <UnitForm
          submitLabel={t('wb.unit.register')}
          save={unitsApi.register}
          onSaved={async (saved) => {
            client.setQueryData(['organization', saved.id], saved);
            await client.invalidateQueries({ queryKey: ME_KEY });
            setRegistered(true);
          }}
        />
      </Card>
    );
  }
  if (!unit.data) return <Card className="wb-card"><Skeleton active /></Card>;
  return (
    <>
    {registered && <Alert className="wb-alert" type="success" showIcon role="status" title={t('wb.unitRegistered')} />}
    <OpenCampaigns />
    <Card
      className="wb-card"
      title={t('wb.unit.profile')}
      extra={!editing && membership && <Button onClick={() => setEditing(true)}>{t('wb.edit')}</Button>}
    >
      <UnitPicker me={me} id={id} onChange={(next) => { setEditing(false); setChosen(next); }} />
      {editing ? (
        <UnitForm
          initial={unit.data}
          submitLabel={t('wb.save')}
          save={(input) => unitsApi.update(id, input)}
          onSaved={(saved) => {
            client.setQueryData(['organization', saved.id], saved);
            setEditing(false);
            message.success(t('wb.saved'));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <UnitView unit={unit.data} />
      )}
    </Card>
    </>
  );
}
