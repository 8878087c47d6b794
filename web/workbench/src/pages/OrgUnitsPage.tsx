import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Input, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../../../core/i18n/messages.ts';
import { ORG_LEVELS, ORG_TYPES } from '../../../../core/org/org-name.ts';
import type { Organization } from '../api.ts';
import { unitsApi } from '../units-api.ts';
import { DivisionCascader } from '../components/DivisionCascader.tsx';
import { DivisionName } from '../components/UnitView.tsx';
import { useI18n } from '../i18n.tsx';
import { clearable, namedPageLinks } from '../icon-names.tsx';
import { Link } from '../router.tsx';

const PAGE_SIZE = 20;

/** Every unit for organizers: search by name or contact, filter by category, level and region. */
export function OrgUnitsPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const [division, setDivision] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const filters = { q, type, level, division, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const units = useQuery({
    queryKey: ['organizations', filters],
    queryFn: () => unitsApi.list(filters),
    placeholderData: keepPreviousData,
  });
  const label = (key: string) => t(key as MessageKey);
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  return (
    <Card className="wb-card" title={t('wb.org.unitsTitle')}>
      <Row gutter={[12, 12]} className="wb-filters">
        <Col xs={24} md={8}>
          <Input.Search aria-label={t('wb.search')} placeholder={t('wb.org.searchPlaceholder')} allowClear enterButton={t('wb.search')} onSearch={reset(setQ)} />
        </Col>
        <Col xs={12} md={5}>
          <label htmlFor="filter-type" className="wb-sr-only">{t('wb.unit.type')}</label>
          <Select id="filter-type" className="wb-full" aria-label={t('wb.unit.type')} placeholder={t('wb.unit.type')} allowClear={clearable(t)} value={type} onChange={reset(setType)}
            options={ORG_TYPES.map((v) => ({ value: v, label: t(`wb.type.${v}`) }))} popupMatchSelectWidth={false} />
        </Col>
        <Col xs={12} md={4}>
          <label htmlFor="filter-level" className="wb-sr-only">{t('wb.unit.level')}</label>
          <Select id="filter-level" className="wb-full" aria-label={t('wb.unit.level')} placeholder={t('wb.unit.level')} allowClear={clearable(t)} value={level} onChange={reset(setLevel)}
            options={ORG_LEVELS.map((v) => ({ value: v, label: t(`wb.level.${v}`) }))} popupMatchSelectWidth={false} />
        </Col>
        <Col xs={24} md={7}>
          <label htmlFor="filter-division" className="wb-sr-only">{t('wb.unit.division')}</label>
          <DivisionCascader id="filter-division" value={division} onChange={reset(setDivision)} anyLevel />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" className="wb-total">{t('wb.org.total', { total: units.data?.total ?? 0 })}</Typography.Paragraph>
      <Table<Organization>
        className="wb-units-table"
        rowKey="id"
        size="small"
        loading={units.isFetching}
        dataSource={units.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        // With no filter, an empty list means no unit has registered yet: say where they come from.
        locale={{ emptyText: <Empty description={q || type || level || division ? t('wb.empty.orgUnitsNoMatch') : t('wb.empty.orgUnits')} /> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: units.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small', ...namedPageLinks(t) }}
        columns={[
          { title: t('wb.unit.name'), dataIndex: 'name', render: (name: string, u) => <Link to={`/app/org/units/${u.id}`}>{name}</Link> },
          { title: t('wb.unit.type'), dataIndex: 'type', render: (v: string) => label(`wb.type.${v}`), responsive: ['md'] },
          { title: t('wb.unit.level'), dataIndex: 'level', render: (v: string) => label(`wb.level.${v}`), responsive: ['md'] },
          { title: t('wb.unit.division'), dataIndex: 'divisionCode', render: (v: string) => <DivisionName code={v} /> },
          { title: t('wb.unit.contactName'), dataIndex: 'contactName', responsive: ['lg'] },
        ]}
      />
    </Card>
  );
}
