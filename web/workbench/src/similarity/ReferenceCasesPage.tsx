import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CampaignPicker, useChosenCampaign } from '../campaigns/CampaignPicker.tsx';
import { namedPageLinks } from '../icon-names.tsx';
import { useI18n } from '../i18n.tsx';
import { similarityApi, type ReferenceImportReport } from './similarity-api.ts';

// Importing earlier campaigns' cases from an Excel sheet: choose the file, preview what each row
// would do (nothing saved), then import; refused and skipped rows are listed with their reasons.

type Row = ReferenceImportReport['rows'][number];
const STATUS_COLOR = { imported: 'green', skipped: 'default', refused: 'red' } as const;

export function ReferenceCasesPage() {
  const { t } = useI18n();
  const chosen = useChosenCampaign();
  const slug = chosen.slug ?? '';
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (f: File) => similarityApi.previewReferences(slug, f) });
  const commit = useMutation({ mutationFn: (f: File) => similarityApi.importReferences(slug, f) });
  const report = commit.data ?? preview.data;
  const error = commit.error ?? preview.error;
  return (
    <Card className="wb-card" title={t('wb.references.title')}>
      <CampaignPicker chosen={chosen} onChange={() => { preview.reset(); commit.reset(); }} />
      <Typography.Paragraph>{t('wb.references.intro')}</Typography.Paragraph>
      <Space wrap className="wb-similarity-upload">
        <label>
          {t('wb.references.file')}{' '}
          <input
            type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); preview.reset(); commit.reset(); }}
          />
        </label>
        <Button disabled={!file} loading={preview.isPending} onClick={() => file && preview.mutate(file)}>{t('wb.references.preview')}</Button>
        <Button type="primary" disabled={!file || !preview.data || commit.isSuccess} loading={commit.isPending} onClick={() => file && commit.mutate(file)}>
          {t('wb.references.commit')}
        </Button>
      </Space>
      {error && <Alert className="wb-alert" type="error" showIcon title={error.message} />}
      {report && (
        <>
          <Alert
            className="wb-alert" role="status" showIcon type={report.committed ? 'success' : 'info'}
            title={t(report.committed ? 'wb.references.committedCounts' : 'wb.references.previewCounts', report.counts)}
            description={t('wb.references.total', { count: report.total })}
          />
          <Table<Row>
            size="small" rowKey="row" dataSource={report.rows} pagination={{ pageSize: 50, hideOnSinglePage: true, ...namedPageLinks(t) }} scroll={{ x: true }}
            columns={[
              { title: t('wb.references.row'), dataIndex: 'row', width: 64 },
              { title: t('wb.references.source'), dataIndex: 'source' },
              { title: t('wb.references.caseTitle'), dataIndex: 'title' },
              { title: t('wb.references.status'), dataIndex: 'status', render: (s: Row['status']) => <Tag color={STATUS_COLOR[s]}>{t(`wb.references.status.${s}`)}</Tag> },
              { title: t('wb.references.reasons'), dataIndex: 'problems', render: (p: Row['problems']) => p.map((m) => m.message).join(t('punct.list')) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
