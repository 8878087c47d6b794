import { Table, type TableColumnsType } from 'antd';
import type { Key } from 'react';
import { useI18n } from '../i18n.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

interface Person {
  displayName: string;
  email: string;
}

interface PeopleTableProps<T extends Person> {
  /** The region's accessible name: the card's title. */
  label: string;
  rowKey: keyof T | ((row: T) => Key);
  rows: T[] | undefined;
  loading: boolean;
  /** The columns after name and e-mail. */
  columns: TableColumnsType<T>;
  emptyText?: string;
}

/**
 * People listed whole (members, organizers, reviewers): name and e-mail first, in a region a
 * keyboard reaches when the table is wider than a phone (ScrollRegion), never paged.
 */
export function PeopleTable<T extends Person>({ label, rowKey, rows, loading, columns, emptyText }: PeopleTableProps<T>) {
  const { t } = useI18n();
  return (
    <ScrollRegion label={label}>
      <Table<T>
        rowKey={rowKey as string}
        size="small"
        loading={loading}
        dataSource={rows ?? []}
        pagination={false}
        locale={emptyText === undefined ? undefined : { emptyText }}
        columns={[{ title: t('wb.displayName'), dataIndex: 'displayName' }, { title: t('wb.email'), dataIndex: 'email' }, ...columns]}
      />
    </ScrollRegion>
  );
}
