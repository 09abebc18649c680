import { Card, Segmented, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../ui/use-api';
import { casesApi, type CaseView } from './api';
import { risksLabel, statusLabel } from './i18n';

/** The user's work queue (cases waiting for their step, overdue first, then by deadline) and all cases in scope. */
export function CaseQueuePage() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<'queue' | 'all'>('queue');
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const result = useApi(`${view}:${page}`, () => (view === 'queue' ? casesApi.queue({ limit: pageSize, offset: (page - 1) * pageSize }) : casesApi.list({ limit: pageSize, offset: (page - 1) * pageSize })));
  const columns: TableProps<CaseView>['columns'] = [
    { title: t('cases.id'), dataIndex: 'id', render: (id: number) => <Link to={`/cases/${id}`}>{id}</Link> },
    { title: t('cases.household'), dataIndex: 'householdNo' },
    { title: t('cases.head'), dataIndex: 'headName' },
    { title: t('cases.status'), dataIndex: 'status', render: (s: string) => statusLabel(s, i18n.language) },
    { title: t('cases.risks'), dataIndex: 'risks', render: (r: string[]) => risksLabel(r, i18n.language) },
    { title: t('cases.due'), dataIndex: 'dueOn', render: (d: string | null, c) => (d ? <span>{d} {c.overdue && <Tag color="orange">{t('cases.overdue')}</Tag>}</span> : '—') },
  ];
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('nav.cases')}</Typography.Title>} extra={<Segmented value={view} onChange={(v) => { setView(v as 'queue' | 'all'); setPage(1); }} options={[{ value: 'queue', label: t('cases.queue') }, { value: 'all', label: t('cases.all') }]} />}>
      <Table<CaseView>
        rowKey="id"
        size="small"
        loading={result.loading}
        columns={columns}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: t('cases.empty') }}
        pagination={{ current: page, pageSize, total: result.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
      />
    </Card>
  );
}
