import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { casesApi, caseKeys, type CaseDetail, type PreflightFailedDetails, type Problem } from './cases-api.ts';
import { newRequestKey, StatusTag, useCampaign, zonedTimeWithLabel } from './case-shared.tsx';
import { PreflightChecklist } from './PreflightChecklist.tsx';

interface Props {
  caseId: string;
  detail: CaseDetail;
  /** Saves whatever the editor holds that is not saved yet; resolves with the saved case. */
  flushSave: () => Promise<CaseDetail>;
  onSubmitted: () => void;
}

/**
 * The foot of the editor: the checklist of what still stands in the way, the submit button
 * (one submission however often it is clicked or retried) and withdrawal until the deadline.
 */
export function SubmitPanel({ caseId, detail, flushSave, onSubmitted }: Props) {
  const { t, locale } = useI18n();
  const { navigate } = useRouter();
  const client = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const campaign = useCampaign(detail.campaignSlug).data;
  const preflight = useQuery({
    // The version in the key re-checks after every save; invalidating caseKeys.preflight still reaches it.
    queryKey: [...caseKeys.preflight(caseId), detail.version],
    queryFn: () => casesApi.preflight(caseId),
    enabled: detail.editable,
  });
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [checking, setChecking] = useState(false);
  // Made when the dialog opens and kept until the server answered for sure, so a double click,
  // a retry or a reopened dialog after a lost answer all name the same submission.
  const requestKey = useRef<string | null>(null);

  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
    client.invalidateQueries({ queryKey: caseKeys.mine }),
    client.invalidateQueries({ queryKey: caseKeys.history(caseId) }),
    client.invalidateQueries({ queryKey: caseKeys.submissions(caseId) }),
  ]);

  const submit = useMutation({
    mutationFn: async () => {
      await flushSave();
      requestKey.current ??= newRequestKey();
      return casesApi.submit(caseId, requestKey.current);
    },
    onSuccess: async (receipt) => {
      requestKey.current = null;
      setConfirming(false);
      await refresh();
      onSubmitted();
      navigate(`/app/cases/${caseId}/receipts/${receipt.seq}?submitted=1`);
    },
    onError: (e) => {
      // A refusal is final: the next attempt is a new submission. A lost answer keeps the key.
      if (e instanceof ApiError && e.status < 500) requestKey.current = null;
      if (e instanceof ApiError && e.code === 'preflight_failed') {
        setRefused((e.details as PreflightFailedDetails | undefined)?.problems ?? []);
        setConfirming(false);
        return;
      }
      setError(e instanceof Error ? e.message : String(e));
    },
  });

  const withdraw = useMutation({
    mutationFn: () => casesApi.withdraw(caseId),
    onSuccess: async (saved) => {
      client.setQueryData(caseKeys.detail(caseId), saved);
      await refresh();
      // The editor holds its own copy of the case; this is its cue to read it again.
      onSubmitted();
      message.success(t('wb.cases.withdrawn'));
    },
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });

  /** Saves, checks again, and asks for confirmation only when nothing stands in the way. */
  const start = async () => {
    setError(null);
    setChecking(true);
    try {
      await flushSave();
      const { problems } = await client.fetchQuery({ queryKey: [...caseKeys.preflight(caseId), 'now'], queryFn: () => casesApi.preflight(caseId), staleTime: 0 });
      setRefused(problems);
      if (problems.length === 0) {
        requestKey.current ??= newRequestKey();
        setConfirming(true);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setChecking(false);
    }
  };

  const confirmWithdraw = () => modal.confirm({
    title: t('wb.cases.withdrawConfirmTitle'),
    content: t('wb.cases.withdrawConfirmText'),
    okText: t('wb.cases.withdraw'),
    okButtonProps: { danger: true },
    cancelText: t('wb.cancel'),
    onOk: () => withdraw.mutateAsync().catch(() => undefined),
  });

  const problems = refused ?? preflight.data?.problems;
  const deadline = zonedTimeWithLabel(detail.deadline, campaign, locale);
  const returnedUntil = detail.status === 'returned' && detail.returnDueAt ? zonedTimeWithLabel(detail.returnDueAt, campaign, locale) : null;
  const busy = submit.isPending || checking;

  return (
    <Card className="wb-card wb-submit-panel" id="submit-panel" title={t('wb.cases.submitTitle')}
      extra={<StatusTag status={detail.status} />}>
      {detail.editable ? (
        <>
          <Typography.Paragraph className="wb-submit-rule">
            {returnedUntil ? t('wb.cases.returnedRule', { due: returnedUntil }) : t('wb.cases.submitRule', { deadline })}
          </Typography.Paragraph>
          {problems ? <PreflightChecklist problems={problems} campaign={campaign} /> : null}
          {error && !confirming && <Alert className="wb-alert" type="error" showIcon title={error} role="alert" />}
          <Space wrap className="wb-submit-actions">
            <Button type="primary" size="large" loading={busy} disabled={busy || withdraw.isPending} onClick={start}>
              {detail.submissionCount > 0 ? t('wb.cases.resubmit') : t('wb.cases.submit')}
            </Button>
            {detail.status === 'submitted' && (
              <Button danger size="large" loading={withdraw.isPending} disabled={busy} onClick={confirmWithdraw}>{t('wb.cases.withdraw')}</Button>
            )}
          </Space>
        </>
      ) : (
        <Alert className="wb-alert" type="info" showIcon title={t('wb.cases.readOnly')} />
      )}
      {detail.submissionCount > 0 && (
        <Typography.Paragraph className="wb-submit-last">
          <Link to={`/app/cases/${caseId}/receipts/${detail.submissionCount}`}>{t('wb.cases.lastReceipt', { count: detail.submissionCount })}</Link>
        </Typography.Paragraph>
      )}
      <Modal
        open={confirming}
        title={detail.submissionCount > 0 ? t('wb.cases.resubmitConfirmTitle') : t('wb.cases.submitConfirmTitle')}
        okText={t('wb.cases.submitConfirmOk')}
        cancelText={t('wb.cancel')}
        confirmLoading={submit.isPending}
        okButtonProps={{ disabled: submit.isPending }}
        cancelButtonProps={{ disabled: submit.isPending }}
        closable={!submit.isPending}
        mask={{ closable: !submit.isPending }}
        onOk={() => { setError(null); submit.mutate(); }}
        onCancel={() => { setConfirming(false); setError(null); }}
      >
        <Typography.Paragraph>{t('wb.cases.submitConfirmText', { title: detail.content.title })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('wb.cases.submitRule', { deadline })}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Modal>
    </Card>
  );
}
