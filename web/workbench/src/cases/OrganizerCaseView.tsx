import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Space, Tabs } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useUnit } from '../pages/UnitPage.tsx';
import { CaseTrail } from './CaseTrail.tsx';
import { caseKeys, casesApi, type CampaignDetail, type CaseDetail } from './cases-api.ts';
import { DeadlineExtensions } from './DeadlineExtensions.tsx';
import { ReadOnlyCase } from './editor/ReadOnlyCase.tsx';
import { ReturnCaseDialog } from './ReturnCaseDialog.tsx';
import { SimilarityReport } from '../similarity/SimilarityReport.tsx';
import { keepFocus } from '../components/keep-focus.ts';

/**
 * The organizer's case view: what the unit submitted (the version to judge and return), its
 * working copy as a second tab, and the organizer's actions where the case is read.
 */
export function OrganizerCaseView({ detail, campaign }: { detail: CaseDetail; campaign: CampaignDetail }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<'return' | 'extend' | 'history' | null>(null);
  const unitName = useUnit(detail.organizationId).data?.name ?? '';
  const submitted = useQuery({
    queryKey: caseKeys.submitted(detail.id, detail.submissionCount),
    queryFn: () => casesApi.submittedVersion(detail.id),
    enabled: detail.submissionCount > 0,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const working = <ReadOnlyCase key="working" detail={detail} campaign={campaign} />;
  const close = () => setDialog(null);
  // Back to the button that opened the dialog, or, once a return has removed it, to the next action.
  const returnButton = useRef<HTMLButtonElement>(null);
  const extendButton = useRef<HTMLButtonElement>(null);
  const historyButton = useRef<HTMLButtonElement>(null);
  // A drawer gives the focus back itself, but a refetch while it was open or just after may
  // redraw the button it remembers: the refs always hold the buttons on the page now.
  const letGo = useRef<() => void>(undefined);
  useEffect(() => () => letGo.current?.(), []);
  const hold = (target: () => HTMLElement | null) => {
    letGo.current?.();
    letGo.current = keepFocus(target);
  };
  const backTo = (button: typeof extendButton) => (open: boolean) => {
    if (!open) hold(() => button.current);
  };
  const closeReturn = () => {
    close();
    hold(() => returnButton.current ?? extendButton.current);
  };
  return (
    <>
      <Card className="wb-card wb-org-case-actions" size="small" title={t('wb.orgCase.actions')}>
        <Space wrap>
          {detail.status === 'submitted' && <Button ref={returnButton} danger onClick={() => setDialog('return')}>{t('wb.cases.returnAction')}</Button>}
          <Button ref={extendButton} onClick={() => setDialog('extend')}>{t('wb.orgCase.extend')}</Button>
          <Button ref={historyButton} onClick={() => setDialog('history')}>{t('wb.orgCase.openHistory')}</Button>
        </Space>
      </Card>
      {submitted.isError && <Alert className="wb-alert" type="error" showIcon title={submitted.error.message} />}
      {detail.submissionCount === 0 ? working : (
        <Tabs
          defaultActiveKey="submitted"
          items={[
            {
              key: 'submitted',
              label: t('wb.orgCase.submittedTab', { seq: detail.submissionCount }),
              children: submitted.data
                ? <ReadOnlyCase key="submitted" detail={{ ...detail, content: submitted.data.content, declaration: submitted.data.declaration }} campaign={campaign} />
                : <Card className="wb-card" loading />,
            },
            {
              key: 'working',
              label: t('wb.orgCase.workingTab'),
              children: <><Alert className="wb-alert" type="info" showIcon title={t('wb.orgCase.workingHint')} />{working}</>,
            },
          ]}
        />
      )}
      {detail.submissionCount > 0 && <SimilarityReport caseId={detail.id} campaign={campaign} />}
      {dialog === 'return' && <ReturnCaseDialog summary={{ id: detail.id, campaignSlug: detail.campaignSlug, title: detail.content.title, organizationName: unitName }} campaign={campaign} onClose={closeReturn} />}
      <Drawer open={dialog === 'extend'} onClose={close} title={t('wb.orgCase.extend')} size="large" destroyOnHidden afterOpenChange={backTo(extendButton)}>
        <DeadlineExtensions campaign={campaign} units={[{ id: detail.organizationId, name: unitName }]} unit={detail.organizationId} onUnit={() => undefined} />
      </Drawer>
      <Drawer open={dialog === 'history'} onClose={close} title={t('wb.cases.history')} size="large" destroyOnHidden afterOpenChange={backTo(historyButton)}>
        <CaseTrail id={detail.id} campaignSlug={detail.campaignSlug} />
      </Drawer>
    </>
  );
}
