import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useApiErrorHandler } from '../../ui/errors';
import { formatCount, formatYuan } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { useMe } from '../access/session';
import { can } from '../access/api';
import { prefixOf } from '../divisions/api';
import { useCurrentDivision } from '../divisions/current-division';
import { HOUSEHOLD_TYPE_CODES, registryApi, type SearchQuery, type HouseholdSummary } from './api';
import { codeLabel, yesNo } from './labels';
import { YEARS } from './years';

type SortKey = NonNullable<SearchQuery['sort']>;
interface Filters {
  q?: string;
  householdNo?: string;
  idNumber?: string;
  type?: string;
  relocated?: string;
  incomeMinYuan?: number | null;
  incomeMaxYuan?: number | null;
  year?: number;
}

const FILTER_KEYS = ['q', 'householdNo', 'idNumber', 'type', 'relocated', 'incomeMin', 'incomeMax', 'year', 'page', 'pageSize', 'sort', 'order'] as const;

/** Household list: filters live in the URL, the server pages and sorts (usable with 150k households). */
export function HouseholdListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const onError = useApiErrorHandler();
  const { current } = useCurrentDivision();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const [exporting, setExporting] = useState(false);

  const query: SearchQuery | null = useMemo(() => {
    if (!current) return null;
    const get = (k: string) => params.get(k) ?? undefined;
    const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
    return {
      division: prefixOf(current),
      q: get('q'),
      householdNo: get('householdNo'),
      idNumber: get('idNumber'),
      type: get('type') as SearchQuery['type'],
      relocated: get('relocated') as SearchQuery['relocated'],
      incomeMin: num('incomeMin'),
      incomeMax: num('incomeMax'),
      year: num('year'),
      page: num('page') ?? 1,
      pageSize: num('pageSize') ?? 20,
      sort: get('sort') as SortKey | undefined,
      order: (get('order') as 'asc' | 'desc' | undefined) ?? 'asc',
    };
  }, [current, params]);

  const result = useApi(query ? JSON.stringify(query) : null, () => registryApi.search(query!));

  const update = (patch: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  const applyFilters = (f: Filters) => {
    update({
      q: f.q?.trim(),
      householdNo: f.householdNo?.trim(),
      idNumber: f.idNumber?.trim(),
      type: f.type,
      relocated: f.relocated,
      incomeMin: f.incomeMinYuan != null ? Math.round(f.incomeMinYuan * 100) : undefined,
      incomeMax: f.incomeMaxYuan != null ? Math.round(f.incomeMaxYuan * 100) : undefined,
      year: f.year,
      page: undefined,
    });
  };

  const resetFilters = () => {
    form.resetFields();
    const next = new URLSearchParams(params);
    for (const k of FILTER_KEYS) next.delete(k);
    setParams(next);
  };

  const initial: Filters = {
    q: params.get('q') ?? undefined,
    householdNo: params.get('householdNo') ?? undefined,
    idNumber: params.get('idNumber') ?? undefined,
    type: params.get('type') ?? undefined,
    relocated: params.get('relocated') ?? undefined,
    incomeMinYuan: params.get('incomeMin') ? Number(params.get('incomeMin')) / 100 : undefined,
    incomeMaxYuan: params.get('incomeMax') ? Number(params.get('incomeMax')) / 100 : undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
  };

  const doExport = async () => {
    if (!query) return;
    setExporting(true);
    try {
      // The export covers the whole current division (as the import template lays it out), not the filtered page.
      await registryApi.exportHouseholds({ division: query.division, format: 'xlsx', lang: i18n.language === 'en' ? 'en' : 'zh-CN' });
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };

  const sortOrder = (key: SortKey) => (query?.sort === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null);
  const data = result.data;
  const year = data?.year ?? query?.year;

  const columns: TableProps<HouseholdSummary>['columns'] = [
    { title: t('households.householdNo'), dataIndex: 'householdNo', key: 'householdNo', sorter: true, sortOrder: sortOrder('householdNo'), render: (v: string, r) => <Link to={`/households/${r.id}`}>{v}</Link> },
    { title: t('households.head'), dataIndex: 'headName', key: 'headName', sorter: true, sortOrder: sortOrder('headName') },
    { title: t('households.idNumber'), dataIndex: 'headIdNumber', key: 'headIdNumber', render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span> },
    { title: t('households.village'), key: 'village', render: (_, r) => <span data-testid="village-cell">{`${r.townshipName} · ${r.villageName}`}</span> },
    { title: t('households.size'), dataIndex: 'size', key: 'size', sorter: true, sortOrder: sortOrder('size'), align: 'right' },
    { title: t('households.type'), dataIndex: 'householdType', key: 'householdType', render: (v: string) => <Tag color={v === 'POVERTY_EXITED' ? 'orange' : 'default'}>{codeLabel(t, 'householdType', v)}</Tag> },
    { title: t('households.relocated'), dataIndex: 'isRelocated', key: 'isRelocated', render: (v: boolean) => yesNo(t, v) },
    {
      title: t('households.perCapitaNet', { year: year ?? '' }),
      dataIndex: 'perCapitaNetFen',
      key: 'perCapitaNet',
      sorter: true,
      sortOrder: sortOrder('perCapitaNet'),
      align: 'right',
      render: (v: number | null) => formatYuan(v, i18n.language),
    },
    { title: t('common.actions'), key: 'actions', render: (_, r) => <Link to={`/households/${r.id}`}>{t('common.view')}</Link> },
  ];

  const onTableChange: TableProps<HouseholdSummary>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? (s.columnKey as SortKey) : undefined;
    update({
      page: pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize,
      sort: key,
      order: key && s.order === 'descend' ? 'desc' : undefined,
    });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('households.title')} {current && <Typography.Text type="secondary">· {current.name}</Typography.Text>}
      </Typography.Title>
      <Card size="small">
        <Form<Filters> form={form} layout="inline" initialValues={initial} onFinish={applyFilters} style={{ rowGap: 8 }}>
          <Form.Item name="q" label={t('households.filters.name')}>
            <Input allowClear placeholder={t('households.filters.namePlaceholder')} style={{ width: 140 }} data-testid="filter-name" />
          </Form.Item>
          <Form.Item name="householdNo" label={t('households.householdNo')}>
            <Input allowClear style={{ width: 170 }} data-testid="filter-household-no" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('households.idNumber')}>
            <Input allowClear style={{ width: 190 }} data-testid="filter-id-number" />
          </Form.Item>
          <Form.Item name="type" label={t('households.type')}>
            <Select allowClear style={{ width: 130 }} options={HOUSEHOLD_TYPE_CODES.map((c) => ({ value: c, label: codeLabel(t, 'householdType', c) }))} />
          </Form.Item>
          <Form.Item name="relocated" label={t('households.relocated')}>
            <Select
              allowClear
              style={{ width: 90 }}
              options={[
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('households.filters.incomeBand')}>
            <Space.Compact>
              <Form.Item name="incomeMinYuan" noStyle>
                <InputNumber min={0} placeholder={t('households.filters.min')} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="incomeMaxYuan" noStyle>
                <InputNumber min={0} placeholder={t('households.filters.max')} style={{ width: 100 }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="year" label={t('common.year')}>
            <Select allowClear style={{ width: 100 }} options={YEARS.map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="filter-submit">
                {t('common.search')}
              </Button>
              <Button onClick={resetFilters}>{t('common.reset')}</Button>
              {can.seePersonalData(me.role) && (
                <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="export-households">
                  {t('households.export')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {result.error && <Typography.Text type="danger" data-testid="list-error">{result.error.message}</Typography.Text>}
      <Table<HouseholdSummary>
        data-testid="household-table"
        rowKey="id"
        size="middle"
        loading={result.loading}
        columns={columns}
        dataSource={data?.items ?? []}
        onChange={onTableChange}
        scroll={{ x: 1000 }}
        pagination={{
          current: data?.page ?? query?.page,
          pageSize: data?.pageSize ?? query?.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: () =>
            data ? (data.totalIsCapped ? t('households.totalCapped', { count: data.total, formatted: formatCount(data.total, i18n.language) }) : t('common.total', { count: data.total })) : '',
        }}
      />
    </Space>
  );
}
