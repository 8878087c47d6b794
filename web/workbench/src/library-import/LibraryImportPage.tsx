import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatBytes } from '../../../../core/text/format-bytes.ts';
import { CampaignPicker, useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { useI18n } from '../i18n.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { reportOfRefusal, sendImport, type ImportReport } from './library-import-api.ts';
import './library-import.css';

/**
 * Organizers: import earlier editions' published cases from a file into the case library
 * (POST /api/v1/campaigns/:slug/earlier-editions/import). The file is checked first (a dry run
 * that reports every row and writes nothing); only a file without problems can be imported.
 */
export function LibraryImportPage() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const chosen = useChosenCampaign();
  const { slug } = chosen;
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const check = useMutation({
    mutationFn: (f: File) => sendImport(slug!, f, true),
    onSuccess: (r) => { setReport(r); setDone(null); },
  });
  const run = useMutation({
    mutationFn: (f: File) => sendImport(slug!, f, false),
    onSuccess: (r) => {
      setDone(r);
      setReport(null);
      void message.success(t('wb.libraryImport.done', { written: r.written, duplicate: r.counts.duplicate }));
    },
    onError: (error) => setReport(reportOfRefusal(error) ?? report),
  });
  const failure = check.error ?? run.error;
  const choose = (f: File) => {
    setFile(f);
    setReport(null);
    setDone(null);
    check.reset();
    run.reset();
    return false;
  };
  const confirm = () => {
    if (!file || !report) return;
    modal.confirm({
      title: t('wb.libraryImport.confirmTitle'),
      content: t('wb.libraryImport.confirmBody', { count: report.counts.ok }),
      okText: t('wb.libraryImport.confirm', { count: report.counts.ok }),
      onOk: () => run.mutateAsync(file).catch(() => undefined),
    });
  };
  const shown = done ?? report;
  return (
    <Card className="wb-card wb-import" title={t('wb.libraryImport.title')}>
      <CampaignPicker chosen={chosen} />
      <Typography.Paragraph type="secondary">{t('wb.libraryImport.intro')}</Typography.Paragraph>
      <Space wrap className="wb-import-actions">
        <Upload accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} showUploadList={false} beforeUpload={choose}>
          <Button icon={<UploadOutlined />}>{t('wb.libraryImport.choose')}</Button>
        </Upload>
        <Button type="primary" disabled={!file || !slug} loading={check.isPending} onClick={() => file && check.mutate(file)}>{t('wb.libraryImport.dryRun')}</Button>
        {report && report.counts.ok > 0 && report.counts.error === 0 && (
          <Button type="primary" danger loading={run.isPending} onClick={confirm}>{t('wb.libraryImport.confirm', { count: report.counts.ok })}</Button>
        )}
      </Space>
      {file && <Typography.Paragraph className="wb-import-file">{t('wb.libraryImport.chosen', { name: file.name, size: formatBytes(file.size) })}</Typography.Paragraph>}
      {failure && <Alert type="error" showIcon role="alert" className="wb-import-alert" message={failure.message} />}
      {done && <Alert type="success" showIcon role="status" className="wb-import-alert" message={t('wb.libraryImport.done', { written: done.written, duplicate: done.counts.duplicate })} />}
      {shown && (
        <>
          <Alert
            type={shown.counts.error > 0 ? 'warning' : 'info'} showIcon role="status" className="wb-import-alert"
            message={t('wb.libraryImport.summary', { total: shown.rows.length, ok: shown.counts.ok, duplicate: shown.counts.duplicate, error: shown.counts.error })}
            description={shown.counts.error > 0 ? t('wb.libraryImport.fixFirst') : undefined}
          />
          {shown.editions.length > 0 && (
            <List
              size="small" header={t('wb.libraryImport.editions')} dataSource={shown.editions} rowKey="slug" className="wb-import-editions"
              renderItem={(e) => (
                <List.Item>
                  <span>{e.title} <Typography.Text type="secondary">（{e.slug}）</Typography.Text></span>
                  <Tag color={e.exists ? 'default' : 'blue'}>{t(e.exists || !shown.dryRun ? 'wb.libraryImport.editionExists' : 'wb.libraryImport.editionNew')}</Tag>
                </List.Item>
              )}
            />
          )}
          <ImportReportView key={`${shown.dryRun}-${shown.rows.length}-${shown.counts.error}`} report={shown} />
        </>
      )}
    </Card>
  );
}
