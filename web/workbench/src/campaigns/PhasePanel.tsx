import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CAMPAIGN_PHASES, type CampaignPhase } from '../../../../core/campaign/campaign-phase.ts';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { zonedTime } from '../cases/case-shared.tsx';
import { casesApi, type CampaignDetail } from '../cases/cases-api.ts';
import { useI18n } from '../i18n.tsx';
import { CampaignPicker, type ChosenCampaign } from './CampaignPicker.tsx';

// Where the campaign stands (征集 → 初审 → 专家评审 → …) and the organizer's move to the next
// phase, said in plain words before it is made, or back to the one before with a reason. The
// server decides whether the move may happen (the window closed, no correction still open) and
// says why not.

const PHASE_COLOR: Record<CampaignPhase, string> = {
  collection: 'blue', screening: 'gold', review: 'purple', selection: 'geekblue', notice: 'orange', final: 'green',
};

/** The campaign picker (when there are several) and the chosen campaign's phase, in one card. */
export function PhasePanel({ chosen, campaign, onCampaignChange }: { chosen: ChosenCampaign; campaign: CampaignDetail | undefined; onCampaignChange?: () => void }) {
  const { t } = useI18n();
  return (
    <Card className="wb-card wb-phase" size="small" title={t('wb.phase.title')}>
      <CampaignPicker chosen={chosen} onChange={onCampaignChange} />
      {campaign ? <PhaseControls campaign={campaign} /> : <Skeleton active paragraph={{ rows: 1 }} />}
    </Card>
  );
}

function PhaseControls({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [backOpen, setBackOpen] = useState(false);
  const [reason, setReason] = useState('');
  const current = campaign.phase.current;
  const at = CAMPAIGN_PHASES.indexOf(current);
  // Final results are confirmed on the notice page, and once confirmed they stay: the server
  // refuses both moves (finalize_required, results_final), so neither is offered here.
  const next = CAMPAIGN_PHASES[at + 1] === 'final' ? undefined : CAMPAIGN_PHASES[at + 1];
  const before = at > 0 && current !== 'final' ? CAMPAIGN_PHASES[at - 1] : undefined;
  const name = (phase: CampaignPhase) => t(`phase.${phase}` as MessageKey);
  const move = useMutation({
    mutationFn: (input: { to: CampaignPhase; reason: string | null }) => casesApi.movePhase(campaign.slug, input),
    onSuccess: async (moved) => {
      setBackOpen(false);
      setReason('');
      void message.success(t('wb.phase.moved', { phase: name(moved.current) }));
      // Every page's open actions follow the phase: read everything again.
      await client.invalidateQueries();
    },
  });
  const forward = (to: CampaignPhase) => modal.confirm({
    title: t('wb.phase.confirmNext', { phase: name(to) }),
    content: t(`wb.phase.effect.${to}` as MessageKey),
    okText: t('wb.phase.next', { phase: name(to) }),
    cancelText: t('wb.cancel'),
    onOk: () => move.mutateAsync({ to, reason: null }).catch(() => undefined),
  });
  return (
    <>
      <Space wrap>
        <span>{t('wb.phase.current')}<Tag color={PHASE_COLOR[current]}>{name(current)}</Tag></span>
        {campaign.phase.changedAt && <Typography.Text type="secondary">{t('wb.phase.since', { at: zonedTime(campaign.phase.changedAt, campaign, false) })}</Typography.Text>}
      </Space>
      {move.isError && !backOpen && <Alert className="wb-alert" type="error" showIcon title={move.error.message} closable onClose={() => move.reset()} />}
      <Space wrap className="wb-phase-actions">
        {next && <Button type="primary" loading={move.isPending && !backOpen} onClick={() => { move.reset(); forward(next); }}>{t('wb.phase.next', { phase: name(next) })}</Button>}
        {before && <Button onClick={() => { move.reset(); setBackOpen(true); }}>{t('wb.phase.back', { phase: name(before) })}</Button>}
      </Space>
      {before && (
        <Modal
          open={backOpen} title={t('wb.phase.confirmBack', { phase: name(before) })} okText={t('wb.phase.back', { phase: name(before) })} cancelText={t('wb.cancel')}
          okButtonProps={{ danger: true, disabled: reason.trim() === '' }} confirmLoading={move.isPending}
          onOk={() => move.mutate({ to: before, reason: reason.trim() })} onCancel={() => { setBackOpen(false); move.reset(); }} destroyOnHidden
        >
          <Typography.Paragraph>{t(`wb.phase.effect.${before}` as MessageKey)}</Typography.Paragraph>
          <label htmlFor="phase-reason">{t('wb.phase.reason')}</label>
          <Input.TextArea id="phase-reason" value={reason} maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => setReason(e.target.value)} />
          <Typography.Paragraph type="secondary">{t('wb.phase.reasonHint')}</Typography.Paragraph>
          {move.isError && <Alert className="wb-alert" type="error" showIcon title={move.error.message} />}
        </Modal>
      )}
    </>
  );
}
