import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Grid, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { CANONICAL_FORMAT } from '../../../../core/case/canonical.ts';
import { useI18n } from '../i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { useRole } from '../session.tsx';
import { casesApi, caseKeys, type ReceiptAttachment } from './cases-api.ts';
import { attachmentKindName, fileSize, LinkButton, useCampaign, zonedTimeWithLabel } from './case-shared.tsx';

/** The receipt of one submission: what was submitted, when by the server's clock, and its hashes. */
export function ReceiptPage({ id, seq }: { id: string; seq: number }) {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const justSubmitted = useRouter().search.get('submitted') === '1';
  const organizer = useRole().role === 'organizer';
  const back = organizer ? '/app/org/cases' : '/app/cases';
  const detail = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => casesApi.getCase(id) });
  const receipts = useQuery({ queryKey: caseKeys.submissions(id), queryFn: () => casesApi.submissions(id) });
  const campaign = useCampaign(detail.data?.campaignSlug).data;

  const failed = detail.error ?? receipts.error;
  if (failed) return <Card className="wb-card"><Result status="warning" title={failed.message} extra={<Link to={back}>{t('wb.cases.backToList')}</Link>} /></Card>;
  if (!detail.data || !receipts.data) return <Card className="wb-card"><Skeleton active /></Card>;
  const receipt = receipts.data.find((r) => r.seq === seq);
  if (!receipt) return <Card className="wb-card"><Result status="404" title={t('wb.cases.receiptMissing')} extra={<Link to={back}>{t('wb.cases.backToList')}</Link>} /></Card>;
  const latest = receipts.data.reduce((max, r) => Math.max(max, r.seq), 0);
  const kind = (k: string) => attachmentKindName(campaign, k, locale);
  // The hash as sent (what sha256sum gives on the unit's file), and the stored copy's apart when it differs.
  const hashes = (a: ReceiptAttachment) => (
    <>
      {a.receivedSha256 && <div className="wb-hash">{a.receivedSha256}</div>}
      {a.receivedSha256 !== a.sha256 && <div className="wb-hash">{t('wb.cases.storedCopy')}: {a.sha256}</div>}
      {a.receivedSha256 && !organizer && <a href={`/api/v1/attachments/${encodeURIComponent(a.id)}/original`} download>{t('wb.cases.downloadOriginal')}</a>}
    </>
  );

  return (
    <Card className="wb-card wb-receipt" title={t('wb.cases.receiptTitle')}
      extra={<Button href={casesApi.receiptPdfUrl(id, seq, locale)} download>{t('wb.cases.downloadPdf')}</Button>}>
      {justSubmitted && !receipt.withdrawnAt && seq === latest && (
        <Alert className="wb-alert" type="success" showIcon role="status" title={t('wb.cases.submittedOk')} description={t('wb.cases.submittedOkText')} />
      )}
      {receipt.withdrawnAt ? (
        <Alert className="wb-alert" type="warning" showIcon title={t('wb.cases.receiptWithdrawnAt', { at: zonedTimeWithLabel(receipt.withdrawnAt, campaign, locale) })} />
      ) : seq < latest ? (
        <Alert className="wb-alert" type="info" showIcon title={t('wb.cases.receiptSuperseded')}
          description={<Link to={`/app/cases/${id}/receipts/${latest}`}>{t('wb.cases.receiptLatest')}</Link>} />
      ) : null}
      <div className="wb-receipt-number">
        <span className="wb-receipt-label">{t('wb.cases.receiptNumber')}</span>
        <Typography.Text copyable strong className="wb-receipt-value">{receipt.receiptNumber}</Typography.Text>
        {receipt.withdrawnAt && <Tag color="orange">{t('wb.cases.receiptWithdrawn')}</Tag>}
      </div>
      <Descriptions className="wb-receipt-facts" column={1} size="small" bordered={!phone} layout={phone ? 'vertical' : 'horizontal'}
        items={[
          { key: 'title', label: t('wb.cases.caseTitle'), children: detail.data.content.title },
          { key: 'campaign', label: t('wb.cases.campaign'), children: campaign?.title[locale] ?? detail.data.campaignSlug },
          { key: 'time', label: t('wb.cases.serverTime'), children: zonedTimeWithLabel(receipt.submittedAt, campaign, locale) },
          { key: 'seq', label: t('wb.cases.submissionSeq'), children: t('wb.cases.submissionSeqValue', { seq }) },
          {
            key: 'hash', label: t('wb.cases.contentHash'),
            children: <Typography.Text copyable className="wb-hash" data-testid="content-sha256">{receipt.contentSha256}</Typography.Text>,
          },
        ]} />
      <Typography.Title level={5} className="wb-receipt-section">{t('wb.cases.attachments', { count: receipt.attachments.length })}</Typography.Title>
      {receipt.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('wb.cases.noAttachments')}</Typography.Text>
      ) : phone ? (
        <ul className="wb-receipt-files">
          {receipt.attachments.map((a) => (
            <li key={a.id}>
              <div className="wb-receipt-file-name">{a.fileName}</div>
              <div className="wb-receipt-file-meta">{kind(a.kind)} · {fileSize(a.receivedSize ?? a.size)}</div>
              {hashes(a)}
            </li>
          ))}
        </ul>
      ) : (
        <Table<ReceiptAttachment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={receipt.attachments}
          columns={[
            { title: t('wb.cases.attachmentKind'), dataIndex: 'kind', width: 140, render: kind },
            { title: t('wb.cases.fileName'), dataIndex: 'fileName', className: 'wb-break' },
            { title: t('wb.cases.fileSize'), dataIndex: 'size', width: 90, align: 'right', render: (_: number, a) => fileSize(a.receivedSize ?? a.size) },
            { title: 'SHA-256', dataIndex: 'sha256', render: (_: string, a) => hashes(a) },
          ]}
        />
      )}
      <Alert className="wb-receipt-verify" type="info" title={t('wb.cases.verifyTitle')}
        description={<>
          <p>{t('wb.cases.verifyContent', { format: CANONICAL_FORMAT })}</p>
          <p>{t('wb.cases.verifyFiles', { verifyUrl: `${window.location.origin}/verify?number=${encodeURIComponent(receipt.receiptNumber)}` })}</p>
        </>} />
      <div className="wb-receipt-actions">
        <LinkButton to={`/app/cases/${id}`}>{t('wb.cases.backToCase')}</LinkButton>
        <LinkButton to={back} type="link">{t('wb.cases.backToList')}</LinkButton>
      </div>
    </Card>
  );
}
