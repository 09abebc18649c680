import { App as AntApp, Button, Card, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { CHANNELS, CLUE_STATUSES, LEVELS, RISK_TYPES } from '../../../../src/modules/monitoring/contract';
import { RISK_TYPES as CASE_RISKS, MONITORING_CATEGORIES } from '../../../../src/modules/cases/domain/enums';
import { useMe } from '../access/session';
import { useApiErrorHandler } from '../../ui/errors';
import { useApi } from '../../ui/use-api';
import { monitoringApi, type ClueFilter, type RiskClue } from './api';
import { categoryLabel, channelLabel, findingValuesLabel, riskLabel, ruleLabel, sourceLabel } from './labels';

const LEVEL_COLOR: Record<string, string> = { RED: 'red', YELLOW: 'gold', BLUE: 'blue' };
const OPENERS = new Set(['village_cadre', 'task_force', 'township_officer', 'county_admin', 'county_reviewer']);
const VISITORS = new Set(['county_admin', 'township_officer', 'village_cadre', 'task_force']);

/** Short cells kept on one line (names, dates, statuses), so the source column takes the wrapping. */
const nowrap = (v: ReactNode) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>;

/** Risk clues in the user's scope, filtered by status, risk, channel and level; a clue can be opened as a case. */
export function ClueListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const { message } = AntApp.useApp();
  const me = useMe();
  const [search] = useSearchParams();
  // A link may narrow the list to one household or channel (from the visit and feedback pages).
  const [filter, setFilter] = useState<ClueFilter>(() => ({ status: 'OPEN', householdId: Number(search.get('householdId')) || undefined, channel: search.get('channel') || undefined, page: 1, pageSize: 50 }));
  const result = useApi(JSON.stringify(filter), () => monitoringApi.clues(filter));
  const [opening, setOpening] = useState<RiskClue | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ category: string; risks: string[] }>();
  const canOpen = OPENERS.has(me.role);

  const set = (k: keyof ClueFilter) => (v: string | undefined) => setFilter((f) => ({ ...f, [k]: v || undefined, page: 1 }));
  const any = { value: '', label: t('monitoring.any') };
  const startOpen = (c: RiskClue) => {
    setOpening(c);
    form.setFieldsValue({ category: undefined, risks: c.riskType in CASE_RISKS ? [c.riskType] : [] });
  };
  const submitOpen = async () => {
    if (!opening || opening.householdId === null) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      const created = await monitoringApi.openCase({ householdId: opening.householdId, clueId: opening.id, category: v.category, risks: v.risks, channel: opening.channel, source: opening.source });
      message.success(t('monitoring.opened', { id: created.id }));
      setOpening(null);
      navigate(`/cases/${created.id}`);
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const columns: TableProps<RiskClue>['columns'] = [
    { title: t('monitoring.level'), dataIndex: 'level', width: 90, render: (l: string) => <Tag color={LEVEL_COLOR[l]}>{t(`monitoring.level${l}`)}</Tag> },
    { title: t('monitoring.household'), dataIndex: 'householdNo', render: (no: string | null, c) => (c.householdId ? <Link to={`/households/${c.householdId}`}>{no}</Link> : '—') },
    { title: t('monitoring.head'), dataIndex: 'headName', render: nowrap },
    { title: t('monitoring.risk'), dataIndex: 'riskType', width: 150, render: (r: string) => riskLabel(r, lang) },
    { title: t('monitoring.channel'), dataIndex: 'channel', width: 150, render: (c: string) => channelLabel(c, lang) },
    { title: t('monitoring.source'), dataIndex: 'source', width: 280, render: (_: string, c) => <span data-testid={`clue-source-${c.id}`}>{sourceLabel(t, lang, c)}</span> },
    { title: t('monitoring.lastSeen'), dataIndex: 'lastSeenAt', render: (d: string) => nowrap(d.slice(0, 10)) },
    { title: t('monitoring.status'), dataIndex: 'status', render: (s: string) => nowrap(t(`monitoring.status${s}`)) },
    {
      title: '',
      key: 'act',
      render: (_: unknown, c) =>
        c.caseId ? (
          <Link to={`/cases/${c.caseId}`}>{t('monitoring.viewCase')}</Link>
        ) : (
          <Space size={4} style={{ whiteSpace: 'nowrap' }}>
            {c.status === 'OPEN' && canOpen && c.householdId ? <Button size="small" type="primary" data-testid={`open-case-${c.id}`} onClick={() => startOpen(c)}>{t('monitoring.openCase')}</Button> : null}
            {c.status === 'OPEN' && VISITORS.has(me.role) && c.householdId ? <Link to={`/monitoring/visit?householdId=${c.householdId}&from=clues`} data-testid={`clue-visit-${c.id}`}>{t('monitoringPages.visit.record')}</Link> : null}
          </Space>
        ),
    },
  ];

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('monitoring.clues')}</Typography.Title>}>
      <Space wrap style={{ marginBottom: 16 }}>
        {filter.householdId ? <Tag closable onClose={() => setFilter((f) => ({ ...f, householdId: undefined, page: 1 }))} data-testid="clue-filter-household">{t('monitoringPages.oneHousehold', { id: result.data?.items[0]?.householdNo ?? filter.householdId })}</Tag> : null}
        <Select data-testid="clue-filter-status" style={{ width: 140 }} value={filter.status ?? ''} onChange={set('status')} options={[any, ...CLUE_STATUSES.map((s) => ({ value: s, label: t(`monitoring.status${s}`) }))]} />
        <Select data-testid="clue-filter-risk" style={{ width: 200 }} value={filter.riskType ?? ''} onChange={set('riskType')} options={[any, ...RISK_TYPES.map((r) => ({ value: r, label: riskLabel(r, lang) }))]} />
        <Select data-testid="clue-filter-channel" style={{ width: 220 }} value={filter.channel ?? ''} onChange={set('channel')} options={[any, ...CHANNELS.map((c) => ({ value: c, label: channelLabel(c, lang) }))]} />
        <Select data-testid="clue-filter-level" style={{ width: 120 }} value={filter.level ?? ''} onChange={set('level')} options={[any, ...LEVELS.map((l) => ({ value: l, label: t(`monitoring.level${l}`) }))]} />
      </Space>
      <Table<RiskClue>
        rowKey="id"
        size="small"
        loading={result.loading}
        columns={columns}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: t('monitoring.empty') }}
        expandable={{ expandedRowRender: (c) => <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>{c.explanation.map((f) => `${ruleLabel(f.ruleId, lang)} (${t(`monitoring.level${f.level}`)}): ${findingValuesLabel(t, lang, f.values)}`).join('\n')}</pre> }}
        pagination={{ current: filter.page, pageSize: filter.pageSize, total: result.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setFilter((f) => ({ ...f, page })) }}
      />
      <Modal open={opening !== null} title={t('monitoring.openCaseTitle')} onCancel={() => setOpening(null)} onOk={() => void submitOpen()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'open-case-submit' } as never} destroyOnHidden>
        {opening && (
          <Form form={form} layout="vertical">
            <Typography.Paragraph>{opening.householdNo} · {opening.headName} · {riskLabel(opening.riskType, lang)} · {channelLabel(opening.channel, lang)}</Typography.Paragraph>
            <Form.Item name="category" label={t('monitoring.category')} rules={[{ required: true }]}>
              <Select data-testid="open-case-category" options={Object.keys(MONITORING_CATEGORIES).map((c) => ({ value: c, label: categoryLabel(c, lang) }))} />
            </Form.Item>
            <Form.Item name="risks" label={t('monitoring.risks')} rules={[{ required: true }]}>
              <Select mode="multiple" maxCount={5} options={Object.keys(CASE_RISKS).map((r) => ({ value: r, label: riskLabel(r, lang) }))} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Card>
  );
}
