import { Card, Col, Row, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { namedPageLinks } from '../icon-names.tsx';
import { useI18n } from '../i18n.tsx';
import { EChart, type ChartOption } from './EChart.tsx';

// One chart of the dashboard with the table of its figures beside it (below it on a phone). The
// table scrolls in its own keyboard-reachable region and carries the chart's name.

interface Props<Row> {
  id: string;
  title: string;
  note?: ReactNode;
  option: ChartOption;
  height: number;
  rows: Row[];
  rowKey: keyof Row & string;
  columns: TableColumnsType<Row>;
  summary?: () => ReactNode;
  pageSize?: number;
  /** A table of five or more columns: it shares the width equally with its chart. */
  wide?: boolean;
}

export function ChartSection<Row extends object>({ id, title, note, option, height, rows, rowKey, columns, summary, pageSize, wide }: Props<Row>) {
  const { t, locale } = useI18n();
  const figures = t('wb.dashboard.figures', { chart: title });
  return (
    <Card className="wb-card wb-dashboard-section" title={<h2 className="wb-dashboard-heading" id={`wb-dashboard-${id}`}>{title}</h2>}>
      {note && <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={wide ? 12 : 14}><EChart option={option} label={title} height={height} locale={locale} /></Col>
        <Col xs={24} lg={wide ? 12 : 10}>
          <ScrollRegion label={figures}>
            <Table<Row>
              className="wb-dashboard-table" size="small" rowKey={rowKey} dataSource={rows} columns={columns} summary={summary}
              locale={{ emptyText: t('wb.dashboard.empty') }}
              pagination={pageSize && rows.length > pageSize ? { pageSize, size: 'small', showSizeChanger: false, ...namedPageLinks(t) } : false}
            />
          </ScrollRegion>
        </Col>
      </Row>
    </Card>
  );
}

/** A figures table's total row. */
export function TotalRow({ label, values }: { label: string; values: (number | string)[] }) {
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0}><strong>{label}</strong></Table.Summary.Cell>
      {values.map((v, i) => <Table.Summary.Cell key={i} index={i + 1} align="right"><strong>{v}</strong></Table.Summary.Cell>)}
    </Table.Summary.Row>
  );
}
