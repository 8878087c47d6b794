import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { casesApi, caseKeys } from './cases-api.ts';
import { useCampaign, zonedTime, zoneLabel } from './case-shared.tsx';

const ACTION_COLORS: Record<string, string> = {
  submit: 'green', withdraw: 'orange', return: 'red', recommend: 'green', decline: 'red', create: 'gray', request_review: 'blue',
};

/** A case's history (every change of state, when and by whom) and the receipts of its submissions. */
export function CaseTrail({ id, campaignSlug }: { id: string; campaignSlug: string }) {
  const { t, locale } = useI18n();
  const campaign = useCampaign(campaignSlug).data;
  const history = useQuery({ queryKey: caseKeys.history(id), queryFn: () => casesApi.history(id) });
  const receipts = useQuery({ queryKey: caseKeys.submissions(id), queryFn: () => casesApi.submissions(id) });
  const zone = zoneLabel(campaign, locale);

  return (
    <div className="wb-case-trail">
      <section>
        <Typography.Title level={5} className="wb-trail-title">{t('wb.cases.receipts')}</Typography.Title>
        {receipts.isPending ? <Skeleton active paragraph={{ rows: 1 }} /> : receipts.isError ? (
          <Alert type="error" showIcon title={receipts.error.message} />
        ) : receipts.data.length === 0 ? (
          <Typography.Text type="secondary">{t('wb.cases.noReceipts')}</Typography.Text>
        ) : (
          <ul className="wb-receipt-list">
            {[...receipts.data].reverse().map((r) => (
              <li key={r.seq}>
                <Link to={`/app/cases/${id}/receipts/${r.seq}`}>{r.receiptNumber}</Link>
                <span className="wb-receipt-when">{zonedTime(r.submittedAt, campaign)}</span>
                {r.withdrawnAt && <Tag color="orange">{t('wb.cases.receiptWithdrawn')}</Tag>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <Typography.Title level={5} className="wb-trail-title">
          {t('wb.cases.history')} {zone && <span className="wb-trail-zone">{locale === 'en' ? `(${zone})` : `（${zone}）`}</span>}
        </Typography.Title>
        {history.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : history.isError ? (
          <Alert type="error" showIcon title={history.error.message} />
        ) : (
          <Timeline
            className="wb-history"
            items={history.data.map((e, i) => ({
              key: `${e.at}-${i}`,
              color: ACTION_COLORS[e.action] ?? 'blue',
              content: (
                <div className="wb-event">
                  <div className="wb-event-head">
                    <strong>{t(`case.action.${e.action}` as MessageKey)}</strong>
                    <span className="wb-event-when">{zonedTime(e.at, campaign)}</span>
                  </div>
                  <div className="wb-event-actor">{e.actor}</div>
                  {e.message && <div className="wb-event-message">{e.message}</div>}
                  {e.dueAt && <div className="wb-event-due">{t('wb.cases.dueAt', { due: zonedTime(e.dueAt, campaign, false) })}</div>}
                </div>
              ),
            }))}
          />
        )}
      </section>
    </div>
  );
}
