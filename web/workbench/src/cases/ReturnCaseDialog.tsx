import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { casesApi, caseKeys, type CampaignDetail, type CaseSummary } from './cases-api.ts';
import { zoneLabel } from './case-shared.tsx';
import { isoToZonedInput, ZonedDateTimeInput, zonedInputToIso } from './zoned-input.tsx';

const MESSAGE_MAX = 2000;

/** Organizers send a submitted case back with what to correct and the date to resubmit by. */
export function ReturnCaseDialog({ summary, campaign, onClose }: {
  summary: Pick<CaseSummary, 'id' | 'campaignSlug' | 'title'> & { organizationName?: string }; campaign: CampaignDetail; onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const zone = campaign.window.timeZone;
  const [message, setMessage] = useState('');
  const [due, setDue] = useState('');
  const [touched, setTouched] = useState(false);
  const dueIso = zonedInputToIso(due, zone);
  const dueProblem = !dueIso ? t('wb.cases.dueRequired') : new Date(dueIso) <= new Date() ? t('wb.cases.dueFuture') : null;
  const messageMissing = message.trim() === '';
  const send = useMutation({
    mutationFn: () => casesApi.returnCase(summary.id, { message: message.trim(), dueAt: dueIso! }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['campaign', summary.campaignSlug, 'cases'] }),
        client.invalidateQueries({ queryKey: caseKeys.detail(summary.id) }),
        client.invalidateQueries({ queryKey: caseKeys.history(summary.id) }),
      ]);
      onClose();
    },
  });
  const ok = () => {
    setTouched(true);
    if (!messageMissing && !dueProblem && !send.isPending) send.mutate();
  };

  return (
    <Modal open title={t('wb.cases.returnTitle')} okText={t('wb.cases.returnOk')} okButtonProps={{ danger: true, disabled: send.isPending }}
      cancelText={t('wb.cancel')} confirmLoading={send.isPending} onOk={ok} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>
        <strong>{summary.title}</strong>{summary.organizationName && ` · ${summary.organizationName}`}
      </Typography.Paragraph>
      {send.isError && <Alert className="wb-alert" type="error" showIcon role="alert" title={send.error.message} />}
      <Form layout="vertical" component="form" onFinish={ok}>
        <Form.Item label={t('wb.cases.returnMessage')} htmlFor="return-message" required
          validateStatus={touched && messageMissing ? 'error' : undefined} help={touched && messageMissing ? t('wb.cases.returnMessageRequired') : undefined}>
          <Input.TextArea id="return-message" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={MESSAGE_MAX} showCount
            rows={5} placeholder={t('wb.cases.returnMessagePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('wb.cases.returnDue')} htmlFor="return-due" required
          validateStatus={touched && dueProblem ? 'error' : undefined} help={touched && dueProblem ? dueProblem : t('wb.cases.returnDueHint')}>
          <ZonedDateTimeInput id="return-due" value={due} onChange={setDue} min={isoToZonedInput(new Date().toISOString(), zone)}
            zone={zoneLabel(campaign, locale)} status={touched && dueProblem ? 'error' : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
