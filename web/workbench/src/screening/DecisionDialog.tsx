import { DatePicker, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { ServerMessage } from '../forms.tsx';
import { useI18n } from '../i18n.tsx';

export type DialogResult = { decision: 'pass' | 'reject' | 'return'; reason: string | null; dueAt: string | null };

/** The decision for one case or a selection: pass, reject with a reason, or return with a reason and a date. */
export function DecisionDialog({ count, reverse, busy, error, onSubmit, onClose }: {
  count: number; reverse: boolean; busy: boolean; error: string | null; onSubmit: (r: DialogResult) => void; onClose: () => void;
}) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<DialogResult['decision']>('pass');
  const [reason, setReason] = useState('');
  const [dueAt, setDueAt] = useState<string | null>(null);
  return (
    <Modal open title={reverse ? t('wb.screening.dialog.reverseTitle') : t('wb.screening.dialog.title', { count })} okText={t('wb.screening.dialog.submit')}
      confirmLoading={busy} onCancel={onClose} onOk={() => onSubmit({ decision, reason: reason.trim() || null, dueAt: decision === 'return' ? dueAt : null })}>
      <ServerMessage message={error} />
      <Space direction="vertical" className="wb-full">
        {!reverse && (
          <Radio.Group aria-label={t('wb.screening.dialog.decision')} value={decision} onChange={(e) => setDecision(e.target.value)} optionType="button"
            options={(['pass', 'reject', 'return'] as const).map((d) => ({ value: d, label: t(`screening.decision.${d}`) }))} />
        )}
        <Typography.Text>{t('wb.screening.dialog.reason')}</Typography.Text>
        <Input.TextArea aria-label={t('wb.screening.dialog.reason')} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        {!reverse && decision === 'return' && (
          <>
            <Typography.Text>{t('wb.screening.dialog.dueAt')}</Typography.Text>
            <DatePicker showTime aria-label={t('wb.screening.dialog.dueAt')} className="wb-full" onChange={(d) => setDueAt(d ? d.toDate().toISOString() : null)} />
          </>
        )}
      </Space>
    </Modal>
  );
}
