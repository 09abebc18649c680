import { ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CASE_STATUSES, MONITORING_CATEGORIES, RISK_TYPES } from '../../../../src/modules/cases/domain/enums';
import { CHANNELS, LEVELS } from '../../../../src/modules/monitoring/contract';
import { EChart, type EChartOption } from '../../ui/EChart';
import { codeFromPrefix, formatCount } from '../../ui/format';
import { PageSpin } from '../../ui/PageSpin';
import { useApiErrorHandler } from '../../ui/errors';
import { mayOpen } from '../../ui/may-open';
import { useApi } from '../../ui/use-api';
import { useMe } from '../access/session';
import { divisionsApi, prefixOf } from '../divisions/api';
import { useCurrentDivision } from '../divisions/current-division';
import { channelLabel } from './labels';
import { MonitoringMap, type MapArea } from './MonitoringMap';
import { monitoringPagesApi, type Dashboard } from './monitoring-pages-api';

type Row = Dashboard['byDivision'][number] & { name: string; level: number; code12: string };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A code's label; English labels start with a capital in charts. */
const label = (table: Record<string, { zh: string; en: string }>, code: string, lang: string) => (table[code] ? (lang === 'en' ? capital(table[code].en) : table[code].zh) : code);
const LEVEL_COLOUR: Record<string, string> = { RED: '#cf1322', YELLOW: '#faad14', BLUE: '#1677ff' };

/** The last `n` months ending with the month of `asOf` (YYYY-MM). */
function lastMonths(asOf: string, n: number): string[] {
  const [y, m] = asOf.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** A horizontal bar chart of counts by code. */
function bars(entries: [string, number][], colour: string | string[], name: string): EChartOption {
  const rows = [...entries].reverse();
  const colours = typeof colour === 'string' ? null : [...colour].reverse();
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
    yAxis: { type: 'category', data: rows.map(([k]) => k), axisLabel: { width: 170, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name,
        data: rows.map(([, v], i) => ({ value: v, itemStyle: { color: colours ? colours[i] : colour } })),
        label: { show: true, position: 'right' },
        barMaxWidth: 22,
      },
    ],
  };
}

/**
 * 监测帮扶看板: for the current division (county, township or village) the monitored households by
 * category and risk, cases by status, overdue and eliminated, identifications and eliminations by
 * month, clues by channel and level, and a breakdown by the next division level (table and
 * schematic map) whose rows drill down.
 */
export function MonitoringDashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const onError = useApiErrorHandler();
  const { root, current, setCurrent } = useCurrentDivision();
  const prefix = current ? prefixOf(current) : null;
  const dash = useApi(prefix ? `dash|${prefix}` : null, () => monitoringPagesApi.dashboard(prefix || undefined));
  const children = useApi(current && current.level < 5 ? `children|${current.code}` : null, () => divisionsApi.children(current!.code));
  const asOf = dash.data?.asOf;
  const from = asOf ? lastMonths(asOf, 12)[0] : undefined;
  const channels = useApi(prefix && from ? `channel|${prefix}|${from}` : null, () => monitoringPagesApi.clueStats({ division: prefix || undefined, groupBy: 'channel', from }));
  const levels = useApi(prefix && from ? `level|${prefix}|${from}` : null, () => monitoringPagesApi.clueStats({ division: prefix || undefined, groupBy: 'level', from }));

  const d = dash.data;
  const rows = useMemo<Row[]>(() => {
    if (!d || !current) return [];
    const names = new Map((children.data ?? []).map((c) => [c.prefix, c]));
    return d.byDivision
      .filter((r) => r.code !== prefix)
      .map((r) => {
        const c = names.get(r.code);
        return { ...r, name: c?.name ?? r.name ?? r.code, level: c?.level ?? current.level + 1, code12: c?.code ?? codeFromPrefix(r.code) };
      });
  }, [d, children.data, current, prefix]);
  const areas = useMemo<MapArea[]>(() => {
    const byPrefix = new Map(rows.map((r) => [r.code, r]));
    return (children.data ?? []).map((c) => {
      const r = byPrefix.get(c.prefix);
      return { code: c.code, prefix: c.prefix, name: c.name, level: c.level, monitored: r?.monitored ?? 0, inProcedure: r?.inProcedure ?? 0, overdue: r?.overdue ?? 0, eliminated: r?.eliminated ?? 0 };
    });
  }, [rows, children.data]);

  const options = useMemo(() => {
    if (!d) return null;
    const months = lastMonths(d.asOf, 12);
    const trend = new Map(d.trend.map((r) => [r.month, r]));
    const sumBy = (stats: typeof channels.data) => {
      const m = new Map<string, number>();
      for (const r of stats?.rows ?? []) m.set(r.key, (m.get(r.key) ?? 0) + r.count);
      return m;
    };
    const ch = sumBy(channels.data);
    const lv = sumBy(levels.data);
    const statusOrder = Object.keys(CASE_STATUSES).filter((s) => (d.byStatus[s] ?? 0) > 0);
    return {
      category: bars(Object.keys(MONITORING_CATEGORIES).map((c) => [label(MONITORING_CATEGORIES, c, lang), d.byCategory[c] ?? 0]), '#1a7f5a', t('monitoringPages.dashboard.monitored')),
      risk: bars(
        Object.keys(RISK_TYPES)
          .map((r) => [label(RISK_TYPES, r, lang), d.byRisk[r] ?? 0] as [string, number])
          .filter(([, n]) => n > 0),
        '#d46b08',
        t('monitoringPages.dashboard.monitored'),
      ),
      status: bars(statusOrder.map((s) => [label(CASE_STATUSES, s, lang), d.byStatus[s] ?? 0]), '#1d39c4', t('monitoringPages.dashboard.cases')),
      trend: {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'line', name: t('monitoringPages.dashboard.identified'), data: months.map((m) => trend.get(m)?.identified ?? 0), itemStyle: { color: '#d46b08' } },
          { type: 'line', name: t('monitoringPages.dashboard.eliminatedSeries'), data: months.map((m) => trend.get(m)?.eliminated ?? 0), itemStyle: { color: '#1a7f5a' } },
        ],
      } satisfies EChartOption,
      channel: bars(CHANNELS.map((c) => [capital(channelLabel(c, lang)), ch.get(c) ?? 0]), '#531dab', t('monitoringPages.dashboard.clues')),
      level: bars(
        LEVELS.map((l) => [t(`monitoring.level${l}`), lv.get(l) ?? 0]),
        LEVELS.map((l) => LEVEL_COLOUR[l]),
        t('monitoringPages.dashboard.clues'),
      ),
    };
  }, [d, channels.data, levels.data, lang, t]);

  const drill = (r: { prefix: string; code12: string; name: string; level: number }) => {
    if (!current) return;
    setCurrent({ code: r.code12, prefix: r.prefix, name: r.name, level: r.level, parentCode: current.code });
  };
  const up = () => {
    if (!current?.parentCode) return;
    divisionsApi.get(current.parentCode).then(setCurrent, onError);
  };

  if (!current || (!d && dash.loading)) return <PageSpin />;
  if (dash.error && !d) return <Typography.Text type="danger">{dash.error.message}</Typography.Text>;
  if (!d || !options) return <PageSpin />;
  const n = (v: number) => formatCount(v, lang);

  const columns: TableProps<Row>['columns'] = [
    { title: t('monitoringPages.dashboard.area'), dataIndex: 'name', render: (v: string, r) => (r.level <= 5 && current.level < 5 ? <a data-testid={`drill-${r.code}`}>{v}</a> : v) },
    { title: t('monitoringPages.dashboard.monitored'), dataIndex: 'monitored', align: 'right', sorter: (a, b) => a.monitored - b.monitored, defaultSortOrder: 'descend', render: n },
    { title: t('monitoringPages.dashboard.inProcedure'), dataIndex: 'inProcedure', align: 'right', sorter: (a, b) => a.inProcedure - b.inProcedure, render: n },
    { title: t('monitoringPages.dashboard.overdue'), dataIndex: 'overdue', align: 'right', sorter: (a, b) => a.overdue - b.overdue, render: (v: number) => (v > 0 ? <Typography.Text type="danger">{n(v)}</Typography.Text> : n(v)) },
    { title: t('monitoringPages.dashboard.eliminated'), dataIndex: 'eliminated', align: 'right', sorter: (a, b) => a.eliminated - b.eliminated, render: n },
  ];
  const kpis: [string, number, string?][] = [
    ['monitored', d.monitored],
    ['inProcedure', d.inProcedure],
    ['overdue', d.overdue, d.overdue > 0 ? '#cf1322' : undefined],
    ['eliminated', d.eliminated],
    ['rejected', d.rejected],
  ];
  const chart = (title: string, option: EChartOption, testId: string, empty: boolean, height = 240, emptyText = t('monitoringPages.dashboard.none')) => (
    <Card size="small" title={title}>
      {empty ? (
        <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        </div>
      ) : (
        <EChart option={option} height={height} testId={testId} />
      )}
    </Card>
  );
  const none = (rec: Record<string, number>) => !Object.values(rec).some((v) => v > 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="monitoring-dashboard">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="monitoring-dashboard-title">
          {t('monitoringPages.dashboard.title', { name: current.name })}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">{t('monitoringPages.dashboard.asOf', { date: d.asOf })}</Typography.Text>
          {root && current.code !== root.code && current.parentCode && (
            <Button size="small" icon={<ArrowUpOutlined />} onClick={up} data-testid="dashboard-up">
              {t('monitoringPages.dashboard.up')}
            </Button>
          )}
          {mayOpen('/clues', me.role) && <Link to="/clues">{t('monitoringPages.dashboard.toClues')}</Link>}
          {mayOpen('/cases', me.role) && <Link to="/cases">{t('monitoringPages.dashboard.toCases')}</Link>}
        </Space>
      </Space>
      <Row gutter={[12, 12]} data-testid="monitoring-kpis">
        {kpis.map(([key, value, colour]) => (
          <Col key={key} flex="1 1 180px">
            <Card size="small">
              <Statistic title={t(`monitoringPages.dashboard.${key}`)} value={n(value)} valueStyle={colour ? { color: colour } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={8}>{chart(t('monitoringPages.dashboard.byCategory'), options.category, 'chart-category', none(d.byCategory), 240, t('monitoringPages.dashboard.noneMonitored'))}</Col>
        <Col xs={24} xl={8}>{chart(t('monitoringPages.dashboard.byRisk'), options.risk, 'chart-risk', none(d.byRisk), 240, t('monitoringPages.dashboard.noneMonitored'))}</Col>
        <Col xs={24} xl={8}>{chart(t('monitoringPages.dashboard.byStatus'), options.status, 'chart-status', none(d.byStatus), 240, t('monitoringPages.dashboard.noCases'))}</Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={9}>{chart(t('monitoringPages.dashboard.trend'), options.trend, 'chart-trend', false, 260)}</Col>
        <Col xs={24} xl={9}>{chart(t('monitoringPages.dashboard.byChannel'), options.channel, 'chart-channel', !channels.data?.rows.length, 260)}</Col>
        <Col xs={24} xl={6}>{chart(t('monitoringPages.dashboard.byLevel'), options.level, 'chart-level', !levels.data?.rows.length, 260)}</Col>
      </Row>
      {current.level < 5 && (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={current.level >= 3 ? 14 : 24}>
            <Card size="small" title={t(current.level === 3 ? 'monitoringPages.dashboard.byTownship' : 'monitoringPages.dashboard.byVillage')}>
              <Table<Row>
                rowKey="code"
                size="small"
                columns={columns}
                dataSource={rows}
                data-testid="monitoring-breakdown"
                locale={{ emptyText: t('monitoringPages.dashboard.noCases') }}
                onRow={(r) => ({ onClick: () => drill({ ...r, prefix: r.code }), style: { cursor: 'pointer' } })}
                pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              />
            </Card>
          </Col>
          {current.level >= 3 && current.level <= 4 && (
            <Col xs={24} xl={10}>
              <Card size="small" title={t('monitoringPages.dashboard.map')}>
                <MonitoringMap division={current} areas={areas} onSelect={(a) => drill({ prefix: a.prefix, code12: a.code, name: a.name, level: a.level })} />
              </Card>
            </Col>
          )}
        </Row>
      )}
    </Space>
  );
}
