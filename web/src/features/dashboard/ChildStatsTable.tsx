import { Table } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatShare, formatYuan } from '../../ui/format';
import type { RegistryOverview } from '../registry/api';

type Child = RegistryOverview['children'][number];

/** The child divisions' figures, drawn after the KPI cards and the histogram. */
export function ChildStatsTable({ items, onSelect }: { items: Child[]; onSelect: (c: Child) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: TableProps<Child>['columns'] = [
    { title: t('dashboard.children.name'), dataIndex: 'name', render: (v: string, c) => <a onClick={() => onSelect(c)}>{v}</a> },
    { title: t('dashboard.kpi.households'), dataIndex: 'households', align: 'right', sorter: (a, b) => a.households - b.households, render: (v: number) => formatCount(v, lang) },
    { title: t('dashboard.kpi.people'), dataIndex: 'people', align: 'right', sorter: (a, b) => a.people - b.people, render: (v: number) => formatCount(v, lang) },
    { title: t('dashboard.kpi.formerlyPoor'), dataIndex: 'formerlyPoor', align: 'right', sorter: (a, b) => a.formerlyPoor - b.formerlyPoor, render: (v: number) => formatCount(v, lang) },
    { title: t('dashboard.kpi.relocated'), dataIndex: 'relocated', align: 'right', sorter: (a, b) => a.relocated - b.relocated, render: (v: number) => formatCount(v, lang) },
    {
      title: t('dashboard.children.median'),
      dataIndex: 'medianPerCapitaNetFen',
      align: 'right',
      sorter: (a, b) => (a.medianPerCapitaNetFen ?? 0) - (b.medianPerCapitaNetFen ?? 0),
      render: (v: number | null) => formatYuan(v, lang),
    },
    {
      title: t('dashboard.children.belowShare'),
      dataIndex: 'shareBelowThreshold',
      align: 'right',
      sorter: (a, b) => (a.shareBelowThreshold ?? 0) - (b.shareBelowThreshold ?? 0),
      render: (v: number | null) => formatShare(v, lang),
    },
  ];
  return <Table<Child> rowKey="code" size="small" columns={columns} dataSource={items} pagination={items.length > 50 ? { pageSize: 50 } : false} data-testid="child-stats" />;
}
