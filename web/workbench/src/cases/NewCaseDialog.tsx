import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { TITLE_MAX } from '../../../../core/case/case-content.ts';
import type { Me } from '../api.ts';
import { unitsApi } from '../units-api.ts';
import { useI18n } from '../i18n.tsx';
import { useRouter } from '../router.tsx';
import { casesApi, caseKeys } from './cases-api.ts';

/** Starts a draft: which of my units (when I have several) and a working title; then the editor. */
export function NewCaseDialog({ me, campaignSlug, onClose }: { me: Me; campaignSlug: string; onClose: () => void }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const client = useQueryClient();
  const [unit, setUnit] = useState<string | undefined>(me.units[0]?.organizationId);
  const [title, setTitle] = useState('');
  const [touched, setTouched] = useState(false);
  const names = useQuery({
    queryKey: ['organizations', 'mine'],
    queryFn: () => unitsApi.list({ limit: 100 }),
    enabled: me.units.length > 1,
  });
  const create = useMutation({
    mutationFn: () => casesApi.createCase(campaignSlug, { organizationId: unit!, title: title.trim() }),
    onSuccess: async (created) => {
      client.setQueryData(caseKeys.detail(created.id), created);
      await client.invalidateQueries({ queryKey: caseKeys.mine });
      onClose();
      navigate(`/app/cases/${created.id}`);
    },
  });
  const titleMissing = title.trim() === '';
  const ok = () => {
    setTouched(true);
    if (!titleMissing && unit && !create.isPending) create.mutate();
  };

  return (
    <Modal open title={t('wb.cases.new')} okText={t('wb.cases.create')} cancelText={t('wb.cancel')} onOk={ok} onCancel={onClose}
      confirmLoading={create.isPending} okButtonProps={{ disabled: create.isPending }} destroyOnHidden>
      {create.isError && <Alert className="wb-alert" type="error" showIcon title={create.error.message} role="alert" />}
      <Form layout="vertical" component="form" onFinish={ok}>
        {me.units.length > 1 && (
          <Form.Item label={t('wb.cases.unit')} htmlFor="new-case-unit" required>
            <Select id="new-case-unit" value={unit} onChange={setUnit}
              options={me.units.map((u) => ({ value: u.organizationId, label: names.data?.data.find((o) => o.id === u.organizationId)?.name ?? u.organizationId }))} />
          </Form.Item>
        )}
        <Form.Item label={t('wb.cases.caseTitle')} htmlFor="new-case-title" required
          validateStatus={touched && titleMissing ? 'error' : undefined} help={touched && titleMissing ? t('wb.cases.titleRequired') : t('wb.cases.titleHint')}>
          <Input id="new-case-title" value={title} maxLength={TITLE_MAX} showCount autoFocus onChange={(e) => setTitle(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
