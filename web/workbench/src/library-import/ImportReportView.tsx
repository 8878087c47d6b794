import { Grid, List, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { namedPageLinks } from '../icon-names.tsx';
import type { ImportReport, ImportRow } from './library-import-api.ts';

const STATUS_COLORS = { ok: 'green', duplicate: 'default', error: 'red' } as const;

function Notes({ row }: { row: ImportRow }) {
  if (row.problems.length === 0 && row.warnings.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul className="wb-import-notes">
      {row.problems.map((p, i) => <li key={`p${i}`} className={row.status === 'error' ? 'wb-import-problem' : undefined}>{p.message}</li>)}
      {row.warnings.map((w, i) => <li key={`w${i}`} className="wb-import-warning">{w}</li>)}
    </ul>
  );
}

/** Every row of a checked file: a table on a desktop, a list of cards on a phone. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [onlyProblems, setOnlyProblems] = useState(report.counts.error > 0);
  const rows = onlyProblems ? report.rows.filter((r) => r.status === 'error' || r.warnings.length > 0) : report.rows;
  // After a real run an ok row is one that was written.
  const status = (row: ImportRow) => (
    <Tag color={STATUS_COLORS[row.status]}>{t(row.status === 'ok' && !report.dryRun ? 'wb.libraryImport.status.written' : `wb.libraryImport.status.${row.status}`)}</Tag>
  );
  const caseText = (row: ImportRow) => (row.title
    ? <><Typography.Text strong>{row.title}</Typography.Text><br /><Typography.Text type="secondary">{row.unitName}</Typography.Text></>
    : <Typography.Text type="secondary">—</Typography.Text>);
  return (
    <section className="wb-import-report" aria-label={t('wb.libraryImport.title')}>
      <label className="wb-import-filter">
        <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} /> {t('wb.libraryImport.onlyProblems')}
      </label>
      {phone ? (
        <List
          dataSource={rows} rowKey={(r) => String(r.line)}
          renderItem={(row) => (
            <List.Item className="wb-import-item" data-line={row.line} data-status={row.status}>
              <div>
                <div className="wb-import-item-head">{t('wb.libraryImport.col.line')} {row.line} {status(row)} {row.edition !== null && t('wb.libraryImport.editionN', { edition: row.edition })}</div>
                {caseText(row)}
                <Notes row={row} />
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<ImportRow>
          size="small" rowKey={(r) => String(r.line)} dataSource={rows} pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, ...namedPageLinks(t) } : false}
          onRow={(row) => ({ 'data-line': row.line, 'data-status': row.status }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'line', title: t('wb.libraryImport.col.line'), dataIndex: 'line', width: 64 },
            { key: 'status', title: t('wb.libraryImport.col.status'), width: 96, render: (_, row) => status(row) },
            { key: 'edition', title: t('wb.libraryImport.col.edition'), width: 96, render: (_, row) => (row.edition === null ? '—' : t('wb.libraryImport.editionN', { edition: row.edition })) },
            { key: 'case', title: t('wb.libraryImport.col.case'), render: (_, row) => caseText(row) },
            { key: 'notes', title: t('wb.libraryImport.col.problems'), render: (_, row) => <Notes row={row} /> },
          ]}
        />
      )}
    </section>
  );
}
