import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApiErrorHandler } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { auditApi, type AuditEvent, type AuditParams, type AuditVerify } from './api';
import { auditActionLabel, auditActorLabel } from './labels';

interface Filters {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const KEYS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

/** The filter form as the URL has it (a reloaded or shared link shows which filter is on). */
function filtersFrom(params: URLSearchParams): Filters {
  const day = (k: string) => (params.get(k) ? dayjs(params.get(k)) : null);
  return {
    actor: params.get('actor') ?? undefined,
    action: params.get('action') ?? undefined,
    entityType: params.get('entityType') ?? undefined,
    entityId: params.get('entityId') ?? undefined,
    range: params.get('from') || params.get('to') ? [day('from'), day('to')] : null,
  };
}

/** The audit log (auditors and county administrators): filters, server paging, chain verification. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const onError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerify | null>(null);

  const query = useMemo<AuditParams>(() => {
    const q: AuditParams = { page: Number(params.get('page') ?? 1), pageSize: Number(params.get('pageSize') ?? 50) };
    for (const k of KEYS) if (params.get(k)) q[k] = params.get(k)!;
    return q;
  }, [params]);
  const result = useApi(JSON.stringify(query), () => auditApi.list(query));

  const apply = (f: Filters) => {
    const next = new URLSearchParams();
    const set = (k: string, v: string | undefined) => v && next.set(k, v);
    set('actor', f.actor?.trim());
    set('action', f.action?.trim());
    set('entityType', f.entityType?.trim());
    set('entityId', f.entityId?.trim());
    set('from', f.range?.[0]?.format('YYYY-MM-DD'));
    set('to', f.range?.[1]?.format('YYYY-MM-DD'));
    setParams(next);
  };

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await auditApi.verify());
    } catch (e) {
      onError(e);
    } finally {
      setVerifying(false);
    }
  };

  const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));
  const columns: TableProps<AuditEvent>['columns'] = [
    { title: t('auditPage.seq'), dataIndex: 'seq', width: 80 },
    { title: t('auditPage.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v, i18n.language) },
    { title: t('auditPage.actor'), dataIndex: 'actorName', render: (v: string) => auditActorLabel(t, v) },
    { title: t('auditPage.action'), dataIndex: 'action', render: (v: string) => <span title={v}>{auditActionLabel(t, v)}</span> },
    { title: t('auditPage.entity'), key: 'entity', render: (_, e) => `${t(`auditPage.entityTypes.${e.entityType}`, { defaultValue: e.entityType })}${e.entityId ? ` #${e.entityId}` : ''}` },
    { title: t('auditPage.scope'), dataIndex: 'scopeCode', render: (v: string | null) => v ?? '—' },
    { title: t('auditPage.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="audit-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('auditPage.title')}
        </Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()} data-testid="audit-verify">
          {t('auditPage.verify')}
        </Button>
      </Space>
      {verify && (
        <Alert
          data-testid="audit-verify-result"
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => setVerify(null)}
          message={verify.ok ? t('auditPage.verifyOk', { count: verify.events }) : t('auditPage.verifyBroken', { seq: verify.firstBreak?.seq, problem: t(`auditPage.problems.${verify.firstBreak?.problem ?? 'edited'}`) })}
          description={verify.firstBreak ? verify.firstBreak.message : verify.head ? t('auditPage.head', { seq: verify.head.seq, hash: verify.head.hash.slice(0, 16) }) : undefined}
        />
      )}
      <Card size="small">
        <Form<Filters> form={form} layout="inline" onFinish={apply} initialValues={filtersFrom(params)} style={{ rowGap: 8 }}>
          <Form.Item name="actor" label={t('auditPage.actor')}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="action" label={t('auditPage.action')}>
            <Input allowClear style={{ width: 200 }} placeholder="registry.household.update" />
          </Form.Item>
          <Form.Item name="entityType" label={t('auditPage.entityType')}>
            <Input allowClear style={{ width: 130 }} placeholder="household" />
          </Form.Item>
          <Form.Item name="entityId" label={t('auditPage.entityId')}>
            <Input allowClear style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="range" label={t('auditPage.range')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.setFieldsValue({ actor: '', action: '', entityType: '', entityId: '', range: null });
                  setParams(new URLSearchParams());
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {result.error && <Typography.Text type="danger">{result.error.message}</Typography.Text>}
      <Table<AuditEvent>
        rowKey="seq"
        size="small"
        loading={result.loading}
        columns={columns}
        dataSource={result.data?.items ?? []}
        data-testid="audit-table"
        expandable={{
          expandedRowRender: (e) => (
            <Space align="start" size="large" style={{ width: '100%' }}>
              <div>
                <Typography.Text strong>{t('auditPage.before')}</Typography.Text>
                <pre style={{ fontSize: 12, maxWidth: 520, overflow: 'auto' }}>{json(e.before)}</pre>
              </div>
              <div>
                <Typography.Text strong>{t('auditPage.after')}</Typography.Text>
                <pre style={{ fontSize: 12, maxWidth: 520, overflow: 'auto' }}>{json(e.after)}</pre>
              </div>
            </Space>
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (page, pageSize) => {
            const next = new URLSearchParams(params);
            next.set('page', String(page));
            next.set('pageSize', String(pageSize));
            setParams(next);
          },
        }}
      />
    </Space>
  );
}
