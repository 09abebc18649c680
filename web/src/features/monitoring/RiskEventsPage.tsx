import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { RiskEvent } from '../../../../src/modules/monitoring/contract';
import { useApi } from '../../ui/use-api';
import { useMe } from '../access/session';
import { divisionsApi } from '../divisions/api';
import { RiskEventForm } from './RiskEventForm';
import { monitoringPagesApi, type EventHousehold } from './monitoring-pages-api';
import { subtypeLabel } from './risk-event-labels';

export const LEVEL_COLOR: Record<string, string> = { RED: 'red', YELLOW: 'gold', BLUE: 'blue' };
const RECORDERS = new Set(['county_admin', 'township_officer']);
const VISITORS = new Set(['county_admin', 'township_officer', 'village_cadre', 'task_force']);
const PERSONAL = new Set(['county_admin', 'county_reviewer', 'township_officer', 'village_cadre', 'task_force', 'expert', 'auditor']);

/** Today in China (the server's local date), as YYYY-MM-DD. */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Names of villages by code, fetched once per code. */
function useVillageNames(codes: string[]): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const key = [...new Set(codes)].sort().join(',');
  useEffect(() => {
    let cancelled = false;
    const missing = key ? key.split(',').filter((c) => !names.has(c)).slice(0, 60) : [];
    if (!missing.length) return;
    Promise.all(missing.map((c) => divisionsApi.get(c).then((d) => [c, d.ancestors.length ? `${d.ancestors[d.ancestors.length - 1].name} ${d.name}` : d.name] as const, () => [c, c] as const))).then((pairs) => {
      if (!cancelled) setNames((m) => new Map([...m, ...pairs]));
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return names;
}

/**
 * 风险事件: the events of the user's scope; county and township staff record a new one (the
 * affected villages are screened at once), and the selected event's households form the visit list
 * with their clue level and last visit.
 */
export function RiskEventsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const selectedId = Number(params.get('event')) || null;
  const events = useApi('events', () => monitoringPagesApi.events());
  const [recording, setRecording] = useState(false);
  const [justRecorded, setJustRecorded] = useState<RiskEvent | null>(null);
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const canSeeHouseholds = PERSONAL.has(me.role);
  const households = useApi(selectedId && canSeeHouseholds ? `eh|${selectedId}|${page}` : null, () => monitoringPagesApi.eventHouseholds(selectedId!, page, pageSize));
  const selected = events.data?.items.find((e) => e.id === selectedId) ?? (justRecorded?.id === selectedId ? justRecorded : null);
  const villageNames = useVillageNames(useMemo(() => [...(selected?.villageCodes ?? []), ...(households.data?.items.map((h) => h.villageCode) ?? [])], [selected, households.data]));
  const today = chinaToday();

  const select = (id: number) => {
    setPage(1);
    setParams({ event: String(id) });
  };

  const columns: TableProps<RiskEvent>['columns'] = [
    { title: t('monitoringPages.events.occurredOn'), dataIndex: 'occurredOn', width: 110 },
    { title: t('monitoringPages.events.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`monitoringPages.kinds.${k}`) },
    { title: t('monitoringPages.events.subtype'), dataIndex: 'subtype', width: 140, render: (s: string | null, e) => subtypeLabel(e.kind, s, lang) },
    { title: t('monitoringPages.events.title'), dataIndex: 'title', render: (v: string, e) => <a data-testid={`event-${e.id}`} onClick={() => select(e.id)}>{v}</a> },
    { title: t('monitoringPages.events.severity'), dataIndex: 'severity', width: 90, render: (l: string) => <Tag color={LEVEL_COLOR[l]}>{t(`monitoring.level${l}`)}</Tag> },
    { title: t('monitoringPages.events.villageCount'), dataIndex: 'villageCodes', width: 100, align: 'right', render: (v: string[]) => v.length },
    { title: t('monitoringPages.events.recordedBy'), dataIndex: 'createdByName', width: 120 },
  ];

  const hhColumns: TableProps<EventHousehold>['columns'] = [
    { title: t('monitoring.household'), dataIndex: 'householdNo', render: (no: string, h) => <Link to={`/households/${h.householdId}`}>{no}</Link> },
    { title: t('monitoring.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
    { title: t('monitoringPages.events.village'), dataIndex: 'villageCode', render: (c: string) => villageNames.get(c) ?? c },
    { title: t('monitoringPages.events.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    ...(selected?.kind === 'MARKET_SHOCK'
      ? [{ title: t('monitoringPages.events.operatingShare'), dataIndex: 'operatingShare', align: 'right' as const, render: (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`) }]
      : []),
    {
      title: t('monitoringPages.events.clueLevel'),
      dataIndex: 'level',
      render: (l: string | null, h) => (l ? <Tag color={LEVEL_COLOR[l]} data-testid={`hh-level-${h.householdId}`}>{t(`monitoring.level${l}`)}{h.clueId ? ` #${h.clueId}` : ''}</Tag> : <Typography.Text type="secondary">{t('monitoringPages.events.noClue')}</Typography.Text>),
    },
    { title: t('monitoringPages.events.lastVisit'), dataIndex: 'lastVisitOn', render: (d: string | null) => d ?? <Typography.Text type="warning">{t('monitoringPages.events.notVisited')}</Typography.Text> },
    {
      title: '',
      key: 'act',
      render: (_: unknown, h) =>
        VISITORS.has(me.role) ? (
          <Link to={`/monitoring/visit?householdId=${h.householdId}&event=${selectedId}`} data-testid={`visit-${h.householdId}`}>
            {t('monitoringPages.visit.record')}
          </Link>
        ) : null,
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('monitoringPages.events.heading')}</Typography.Title>}
        extra={
          RECORDERS.has(me.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="event-record">
              {t('monitoringPages.events.record')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('monitoringPages.events.intro')}</Typography.Paragraph>
        <Table<RiskEvent>
          rowKey="id"
          size="small"
          loading={events.loading}
          columns={columns}
          dataSource={events.data?.items ?? []}
          locale={{ emptyText: t('monitoringPages.events.empty') }}
          onRow={(e) => ({ onClick: () => select(e.id), style: { cursor: 'pointer', background: e.id === selectedId ? '#e6f4ea' : undefined } })}
          pagination={(events.data?.items.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          data-testid="event-list"
        />
      </Card>
      {selected && (
        <Card title={t('monitoringPages.events.householdsTitle', { title: selected.title })} data-testid="event-households">
          {justRecorded?.id === selected.id && justRecorded.screening && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="event-screening"
              message={t('monitoringPages.events.screened', { households: justRecorded.screening.households, created: justRecorded.screening.cluesCreated, updated: justRecorded.screening.cluesUpdated })}
            />
          )}
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('monitoringPages.events.kind')}>{t(`monitoringPages.kinds.${selected.kind}`)} · {subtypeLabel(selected.kind, selected.subtype, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('monitoringPages.events.occurredOn')}>{selected.occurredOn}</Descriptions.Item>
            <Descriptions.Item label={t('monitoringPages.events.severity')}><Tag color={LEVEL_COLOR[selected.severity]}>{t(`monitoring.level${selected.severity}`)}</Tag></Descriptions.Item>
            {selected.industry && <Descriptions.Item label={t('monitoringPages.events.industry')}>{selected.industry}</Descriptions.Item>}
            <Descriptions.Item label={t('monitoringPages.events.villages')} span={3}>{selected.villageCodes.map((c) => villageNames.get(c) ?? c).join('、')}</Descriptions.Item>
            {selected.description && <Descriptions.Item label={t('monitoringPages.events.description')} span={3}>{selected.description}</Descriptions.Item>}
          </Descriptions>
          {canSeeHouseholds ? (
            <Table<EventHousehold>
              rowKey="householdId"
              size="small"
              loading={households.loading}
              columns={hhColumns}
              dataSource={households.data?.items ?? []}
              locale={{ emptyText: t('monitoringPages.events.noHouseholds') }}
              pagination={{ current: page, pageSize, total: households.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('monitoringPages.events.householdTotal', { count: n }) }}
              data-testid="event-household-list"
            />
          ) : (
            <Typography.Text type="secondary">{t('monitoringPages.aggregatesOnly')}</Typography.Text>
          )}
        </Card>
      )}
      <RiskEventForm
        open={recording}
        today={today}
        onClose={() => setRecording(false)}
        onRecorded={(e) => {
          setRecording(false);
          setJustRecorded(e);
          events.reload();
          select(e.id);
        }}
      />
    </Space>
  );
}
