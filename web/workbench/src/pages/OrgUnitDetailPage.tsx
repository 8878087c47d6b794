import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Popconfirm, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Organization } from '../api.ts';
import { unitsApi } from '../units-api.ts';
import { UnitForm } from '../components/UnitForm.tsx';
import { UnitView } from '../components/UnitView.tsx';
import { ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';
import { useRouter } from '../router.tsx';
import { useUnit } from './UnitPage.tsx';

function MergeCard({ unit }: { unit: Organization }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [search, setSearch] = useState('');
  const [target, setTarget] = useState<Organization | null>(null);
  const candidates = useQuery({
    queryKey: ['organizations', 'merge', search],
    queryFn: () => unitsApi.list({ q: search || undefined, limit: 20 }),
  });
  const merge = useMutation({
    mutationFn: (into: Organization) => unitsApi.merge(unit.id, into.id),
    onSuccess: async (kept) => {
      await client.invalidateQueries({ queryKey: ['organizations'] });
      message.success(t('wb.org.merged', { name: kept.name }));
      navigate(`/app/org/units/${kept.id}`, { replace: true });
    },
  });
  const options = (candidates.data?.data ?? []).filter((o) => o.id !== unit.id);
  return (
    <Card className="wb-card" size="small" title={t('wb.org.merge')}>
      <Typography.Paragraph type="secondary">{t('wb.org.mergeHint')}</Typography.Paragraph>
      <ServerMessage message={merge.isError ? merge.error.message : null} />
      <Space.Compact className="wb-full">
        <Select<string>
          className="wb-full"
          showSearch={{ filterOption: false, onSearch: setSearch }}
          aria-label={t('wb.org.mergeTarget')}
          placeholder={t('wb.org.mergeTarget')}
          value={target?.id}
          onChange={(id) => setTarget(options.find((o) => o.id === id) ?? null)}
          options={options.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Popconfirm title={t('wb.org.mergeConfirm', { from: unit.name, into: target?.name ?? '' })} disabled={!target} onConfirm={() => target && merge.mutate(target)}>
          <Button danger disabled={!target} loading={merge.isPending}>{t('wb.org.merge')}</Button>
        </Popconfirm>
      </Space.Compact>
    </Card>
  );
}

export function OrgUnitDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const unit = useUnit(id);
  const [editing, setEditing] = useState(false);
  if (unit.isError) return <ServerMessage message={unit.error.message} />;
  if (!unit.data) return <Card className="wb-card"><Skeleton active /></Card>;
  return (
    <>
      <Button type="link" className="wb-back" onClick={() => navigate('/app/org/units')}>← {t('wb.back')}</Button>
      <Card className="wb-card" title={t('wb.org.detail')} extra={!editing && <Button onClick={() => setEditing(true)}>{t('wb.edit')}</Button>}>
        {editing ? (
          <UnitForm
            initial={unit.data}
            submitLabel={t('wb.save')}
            save={(input) => unitsApi.update(id, input)}
            onSaved={async (saved) => {
              client.setQueryData(['organization', saved.id], saved);
              await client.invalidateQueries({ queryKey: ['organizations'] });
              setEditing(false);
              message.success(t('wb.saved'));
            }}
            onCancel={() => setEditing(false)}
          />
        ) : <UnitView unit={unit.data} />}
      </Card>
      <MergeCard unit={unit.data} />
    </>
  );
}
