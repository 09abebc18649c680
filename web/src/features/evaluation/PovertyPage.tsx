import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../ui/EChart';
import { useApiErrorHandler } from '../../ui/errors';
import { formatCount, formatShare, formatYuan } from '../../ui/format';
import { PageSpin } from '../../ui/PageSpin';
import { useApi } from '../../ui/use-api';
import { prefixOf, type Division } from '../divisions/api';
import { useCurrentDivision } from '../divisions/current-division';
import { SchematicMap, ShadeLegend, shade } from '../dashboard/map/SchematicMap';
import { useMe } from '../access/session';
import { MpiSpecModal } from './MpiSpecModal';
import { POVERTY_YEARS, povertyApi, type MpiEvaluation, type PovertyEvaluation } from './poverty-api';
import { saveWorkbook, type Sheet } from '../../ui/xlsx';
import './poverty-i18n';

type IncomeGroup = NonNullable<PovertyEvaluation['groups']>[number];
type MpiGroup = NonNullable<MpiEvaluation['groups']>[number];
type MpiChild = MpiEvaluation['children'][number];
type MpiIndicator = MpiEvaluation['indicators'][number];

const P = 'evaluation.poverty';
const KNOWN_WARNINGS = ['NEGATIVE_WELFARE', 'NO_GUARANTEE_RECORD', 'NO_ADULT_EDUCATION', 'ZERO_MEAN'];
const DEFAULT_YEAR = 2024;
const index = (x: number | null | undefined, digits = 4) => (x === null || x === undefined ? '—' : x.toFixed(digits));

/**
 * Poverty measures of the current division and a year: income poverty (FGT P0/P1/P2, Gini, subgroups,
 * P0 trend) and multidimensional poverty (Alkire-Foster H/A/M0, indicator contributions, subgroups,
 * one row per sub-division with drill-down). Tables export to one XLSX workbook.
 */
export function PovertyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const onError = useApiErrorHandler();
  const { current, setCurrent } = useCurrentDivision();
  const me = useMe();
  const [editingSpec, setEditingSpec] = useState(false);
  const [year, setYear] = useState<number>(DEFAULT_YEAR);
  const prefix = current ? prefixOf(current) : null;
  const income = useApi(prefix ? `income|${prefix}|${year}` : null, () => povertyApi.income(prefix!, year, 'household_type'));
  const mpi = useApi(prefix ? `mpi|${prefix}|${year}` : null, () => povertyApi.mpi(prefix!, year, 'category'));
  const trend = useApi(prefix ? `trend|${prefix}` : null, () => povertyApi.trend(prefix!));

  const warningList = (warnings: { code: string }[], testId: string) => {
    const codes = [...new Set(warnings.map((w) => w.code))].filter((c) => KNOWN_WARNINGS.includes(c));
    return codes.length ? (
      <Typography.Text type="warning" data-testid={testId}>
        {codes.map((c) => t(`${P}.warnings.${c}`)).join(lang === 'en' ? '; ' : '；')}
      </Typography.Text>
    ) : null;
  };
  const groupLabel = (g: string) => (['formerly_poor', 'monitored', 'general'].includes(g) ? t(`${P}.groups.${g}`) : g);
  const indicatorLabel = (id: string) => t(`${P}.ind.${id}`);

  const trendOption = useMemo<EChartOption>(
    () => ({
      animation: false,
      grid: { left: 48, right: 24, top: 24, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatShare(v, lang) : '—') },
      xAxis: { type: 'category', data: POVERTY_YEARS.map(String) },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatShare(v, lang) } },
      series: [{ type: 'line', name: 'P0', data: (trend.data ?? []).map((p) => p.P0), connectNulls: false, symbolSize: 7, label: { show: true, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatShare(p.value, lang) : '') } }],
    }),
    [trend.data, lang],
  );

  const contributionOption = useMemo<EChartOption>(() => {
    const inds = [...(mpi.data?.indicators ?? [])].reverse();
    return {
      animation: false,
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatShare(v, lang) : '—') },
      xAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatShare(v, lang) } },
      yAxis: { type: 'category', data: inds.map((i) => indicatorLabel(i.id)), axisLabel: { width: 280, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t(`${P}.contribution`),
          data: inds.map((i) => i.contribution ?? 0),
          itemStyle: { color: '#d4380d' },
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatShare(p.value, lang) : '') },
        },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mpi.data, lang]);

  if (!current || (!income.data && income.loading) || (!mpi.data && mpi.loading)) return <PageSpin />;
  const error = income.error ?? mpi.error;
  const inc = income.data;
  const m = mpi.data;

  const drill = (c: MpiChild) => {
    const d: Division = { code: c.code, prefix: c.prefix, name: c.name, level: current.level + 1, parentCode: current.code };
    setCurrent(d);
  };

  const incomeColumns: TableProps<IncomeGroup>['columns'] = [
    { title: t(`${P}.group`), dataIndex: 'group', render: groupLabel },
    { title: t(`${P}.households`), dataIndex: 'households', align: 'right', render: (v: number) => formatCount(v, lang) },
    { title: t(`${P}.persons`), dataIndex: 'persons', align: 'right', render: (v: number) => formatCount(v, lang) },
    { title: t(`${P}.popShare`), dataIndex: 'popShare', align: 'right', render: (v: number) => formatShare(v, lang) },
    { title: 'P0', dataIndex: 'P0', align: 'right', render: (v: number | null) => formatShare(v, lang) },
    { title: 'P1', dataIndex: 'P1', align: 'right', render: (v: number | null) => index(v) },
    { title: 'P2', dataIndex: 'P2', align: 'right', render: (v: number | null) => index(v) },
    { title: t(`${P}.gini`), dataIndex: 'gini', align: 'right', render: (v: number | null) => index(v, 3) },
  ];
  const mpiGroupColumns: TableProps<MpiGroup>['columns'] = [
    { title: t(`${P}.group`), dataIndex: 'group', render: groupLabel },
    { title: t(`${P}.households`), dataIndex: 'households', align: 'right', render: (v: number) => formatCount(v, lang) },
    { title: t(`${P}.persons`), dataIndex: 'persons', align: 'right', render: (v: number) => formatCount(v, lang) },
    { title: 'H', dataIndex: 'H', align: 'right', render: (v: number | null) => formatShare(v, lang) },
    { title: 'A', dataIndex: 'A', align: 'right', render: (v: number | null) => formatShare(v, lang) },
    { title: 'M0', dataIndex: 'M0', align: 'right', render: (v: number | null) => index(v) },
    { title: t(`${P}.contribution`), dataIndex: 'contribution', align: 'right', render: (v: number | null) => formatShare(v, lang) },
  ];
  const indicatorColumns: TableProps<MpiIndicator>['columns'] = [
    { title: t(`${P}.indicator`), dataIndex: 'id', render: indicatorLabel },
    { title: t(`${P}.dimension`), dataIndex: 'dimension', render: (d: string) => m?.dimensions.find((x) => x.id === d)?.label[lang === 'en' ? 'en' : 'zh-CN'] ?? d },
    { title: t(`${P}.weight`), dataIndex: 'weight', align: 'right', render: (v: number) => index(v, 3) },
    { title: t(`${P}.uncensored`), dataIndex: 'uncensoredHeadcount', align: 'right', render: (v: number) => formatShare(v, lang) },
    { title: t(`${P}.censored`), dataIndex: 'censoredHeadcount', align: 'right', render: (v: number) => formatShare(v, lang) },
    { title: t(`${P}.contribution`), dataIndex: 'contribution', align: 'right', render: (v: number | null) => formatShare(v, lang) },
  ];
  const childColumns: TableProps<MpiChild>['columns'] = [
    { title: t(`${P}.division`), dataIndex: 'name', render: (v: string) => <a>{v}</a> },
    { title: t(`${P}.households`), dataIndex: 'households', align: 'right', sorter: (a, b) => a.households - b.households, render: (v: number) => formatCount(v, lang) },
    { title: t(`${P}.persons`), dataIndex: 'persons', align: 'right', sorter: (a, b) => a.persons - b.persons, render: (v: number) => formatCount(v, lang) },
    { title: 'H', dataIndex: 'H', align: 'right', sorter: (a, b) => (a.H ?? -1) - (b.H ?? -1), render: (v: number | null) => formatShare(v, lang) },
    { title: 'A', dataIndex: 'A', align: 'right', sorter: (a, b) => (a.A ?? -1) - (b.A ?? -1), render: (v: number | null) => formatShare(v, lang) },
    { title: 'M0', dataIndex: 'M0', align: 'right', defaultSortOrder: 'descend', sorter: (a, b) => (a.M0 ?? -1) - (b.M0 ?? -1), render: (v: number | null) => index(v) },
    { title: t(`${P}.contribution`), dataIndex: 'contribution', align: 'right', render: (v: number | null) => formatShare(v, lang) },
  ];

  const exportXlsx = () => {
    const sheets: Sheet[] = [];
    if (inc) {
      sheets.push({
        name: t(`${P}.sheets.income`),
        header: [t(`${P}.division`), t(`${P}.year`), t(`${P}.households`), t(`${P}.persons`), 'P0', 'P1', 'P2', t(`${P}.gini`)],
        rows: [[current.name, inc.year, inc.households, inc.persons, inc.P0, inc.P1, inc.P2, inc.gini]],
      });
      sheets.push({
        name: t(`${P}.sheets.groups`),
        header: [t(`${P}.group`), t(`${P}.households`), t(`${P}.persons`), t(`${P}.popShare`), 'P0', 'P1', 'P2', t(`${P}.gini`)],
        rows: (inc.groups ?? []).map((g) => [groupLabel(g.group), g.households, g.persons, g.popShare, g.P0, g.P1, g.P2, g.gini]),
      });
    }
    if (m) {
      sheets.push({
        name: t(`${P}.sheets.mpi`),
        header: [t(`${P}.group`), t(`${P}.households`), t(`${P}.persons`), 'H', 'A', 'M0', t(`${P}.contribution`)],
        rows: [[current.name, m.households, m.persons, m.H, m.A, m.M0, null], ...(m.groups ?? []).map((g) => [groupLabel(g.group), g.households, g.persons, g.H, g.A, g.M0, g.contribution])],
      });
      sheets.push({
        name: t(`${P}.sheets.indicators`),
        header: [t(`${P}.indicator`), t(`${P}.dimension`), t(`${P}.weight`), t(`${P}.uncensored`), t(`${P}.censored`), t(`${P}.contribution`)],
        rows: m.indicators.map((i) => [indicatorLabel(i.id), i.dimension, i.weight, i.uncensoredHeadcount, i.censoredHeadcount, i.contribution]),
      });
      sheets.push({
        name: t(`${P}.sheets.children`),
        header: [t(`${P}.division`), 'code', t(`${P}.households`), t(`${P}.persons`), 'H', 'A', 'M0', t(`${P}.contribution`)],
        rows: m.children.map((c) => [c.name, c.prefix, c.households, c.persons, c.H, c.A, c.M0, c.contribution]),
      });
    }
    saveWorkbook(`poverty-${prefixOf(current)}-${year}.xlsx`, sheets).catch(onError);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="poverty-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {current.name} · {t(`${P}.title`)}
        </Typography.Title>
        <Space>
          {t(`${P}.year`)}
          <Select value={year} style={{ width: 100 }} options={POVERTY_YEARS.map((y) => ({ value: y, label: String(y), disabled: trend.data?.find((p) => p.year === y)?.hasThreshold === false }))} onChange={setYear} data-testid="poverty-year" />
          <Button icon={<DownloadOutlined />} onClick={exportXlsx} disabled={!inc && !m} data-testid="poverty-export">
            {t(`${P}.exportXlsx`)}
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon message={error.message} />}
      <Spin spinning={income.loading || mpi.loading} delay={150}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>

          <Card size="small" title={t(`${P}.income`)} extra={inc ? <Typography.Text type="secondary">{t(`${P}.threshold`, { amount: formatYuan(inc.thresholdFen, lang) })}</Typography.Text> : null}>
            {inc && inc.households === 0 ? (
              <Empty description={t(`${P}.noData`)} />
            ) : inc ? (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Row gutter={[12, 12]} data-testid="income-cards">
                  {(
                    [
                      ['P0', formatShare(inc.P0, lang)],
                      ['P1', index(inc.P1)],
                      ['P2', index(inc.P2)],
                      ['gini', index(inc.gini, 3)],
                      ['poorPersons', `${formatCount(inc.poorPersons, lang)} / ${formatCount(inc.persons, lang)}`],
                    ] as const
                  ).map(([key, value]) => (
                    <Col xs={12} md={8} xl={4} key={key}>
                      <Card size="small">
                        <Statistic title={t(`${P}.${key}`)} value={value} data-testid={`income-${key}`} />
                      </Card>
                    </Col>
                  ))}
                </Row>
                {warningList(inc.warnings, 'income-warnings')}
                <Row gutter={[12, 12]}>
                  <Col xs={24} xl={13}>
                    <Typography.Text strong>{t(`${P}.subgroups`)}</Typography.Text>
                    <Table<IncomeGroup> rowKey="group" size="small" columns={incomeColumns} dataSource={inc.groups ?? []} pagination={false} data-testid="income-groups" style={{ marginTop: 8 }} />
                  </Col>
                  <Col xs={24} xl={11}>
                    <Typography.Text strong>{t(`${P}.trend`)}</Typography.Text>
                    <EChart option={trendOption} height={220} testId="p0-trend" />
                  </Col>
                </Row>
              </Space>
            ) : null}
          </Card>

          <Card
            size="small"
            title={t(`${P}.mpi`)}
            extra={
              m ? (
                <Space size={4}>
                  <Tag color={m.spec.source === 'county' ? 'blue' : 'default'}>{m.spec.source === 'county' ? t(`${P}.specCounty`, { version: m.spec.version }) : t(`${P}.specDefault`)}</Tag>
                  <Tag>{t(`${P}.k`, { k: index(m.k, 3) })}</Tag>
              {me.role === 'county_admin' && me.scopePrefix.length === 6 && (
                <Button size="small" onClick={() => setEditingSpec(true)} data-testid="mpi-spec-edit">
                  {t(`${P}.spec.edit`)}
                </Button>
              )}
                </Space>
              ) : null
            }
          >
            {m && m.households === 0 ? (
              <Empty description={t(`${P}.noData`)} />
            ) : m ? (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Row gutter={[12, 12]} data-testid="mpi-cards">
                  {(
                    [
                      ['H', formatShare(m.H, lang)],
                      ['A', formatShare(m.A, lang)],
                      ['M0', index(m.M0)],
                      ['poorPersons', `${formatCount(m.poorPersons, lang)} / ${formatCount(m.persons, lang)}`],
                    ] as const
                  ).map(([key, value]) => (
                    <Col xs={12} md={6} key={key}>
                      <Card size="small">
                        <Statistic title={t(`${P}.${key}`)} value={value} data-testid={`mpi-${key}`} />
                      </Card>
                    </Col>
                  ))}
                </Row>
                <Typography.Text type="secondary">{t(`${P}.unitNote`)}</Typography.Text>
                {warningList(m.warnings, 'mpi-warnings')}
                <Row gutter={[12, 12]}>
                  <Col span={24}>
                    <Typography.Text strong>{t(`${P}.contributionChart`)}</Typography.Text>
                    <EChart option={contributionOption} height={280} testId="mpi-contribution" />
                  </Col>
                  <Col span={24}>
                    <Typography.Text strong>{t(`${P}.indicators`)}</Typography.Text>
                    <Table<MpiIndicator> rowKey="id" size="small" columns={indicatorColumns} dataSource={m.indicators} pagination={false} data-testid="mpi-indicators" style={{ marginTop: 8 }} />
                  </Col>
                </Row>
                <div>
                  <Typography.Text strong>{t(`${P}.mpiGroups`)}</Typography.Text>
                  <Table<MpiGroup> rowKey="group" size="small" columns={mpiGroupColumns} dataSource={m.groups ?? []} pagination={false} data-testid="mpi-groups" style={{ marginTop: 8 }} />
                </div>
                {m.children.length > 0 && (
                  <Row gutter={16}>
                    <Col xs={24} xl={14}>
                      <Typography.Text strong>{t(`${P}.children`)}</Typography.Text>
                      <Table<MpiChild>
                        rowKey="prefix"
                        size="small"
                        columns={childColumns}
                        dataSource={m.children}
                        pagination={m.children.length > 50 ? { pageSize: 50 } : false}
                        onRow={(c) => ({ onClick: () => drill(c), style: { cursor: 'pointer' } })}
                        data-testid="mpi-children"
                        style={{ marginTop: 8 }}
                      />
                    </Col>
                    <Col xs={24} xl={10}>
                      <Typography.Text strong>{t(`${P}.map`)}</Typography.Text>
                      <MpiMap division={current} rows={m.children} onSelect={drill} />
                    </Col>
                  </Row>
                )}
              </Space>
            ) : null}
          </Card>
        </Space>
      </Spin>
      {me.role === 'county_admin' && me.scopePrefix.length === 6 && (
        <MpiSpecModal county={me.scopePrefix} open={editingSpec} onClose={() => setEditingSpec(false)} onSaved={mpi.reload} />
      )}
    </Space>
  );
}

/** M0 of each sub-division on the schematic county map (a darker red, a higher M0); a click opens it. */
function MpiMap({ division, rows, onSelect }: { division: Division; rows: MpiChild[]; onSelect: (c: MpiChild) => void }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1e-9, ...rows.map((r) => r.M0 ?? 0));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const areas = rows.map((r) => ({
    code: r.code,
    name: r.name,
    fill: r.M0 === null ? '#f5f5f5' : shade(r.M0 / max),
    dark: (r.M0 ?? 0) / max > 0.6,
    title: `${r.name}: M0 ${r.M0 === null ? '—' : r.M0.toFixed(4)}`,
  }));
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
      <SchematicMap division={division} areas={areas} onSelect={(code) => onSelect(byCode.get(code)!)} height={320} testId="mpi-map" label={t(`${P}.map`)} fallback={<Typography.Text type="secondary">{t(`${P}.mapUnavailable`)}</Typography.Text>} />
      <ShadeLegend low="0" high={max.toLocaleString(i18n.language, { maximumFractionDigits: 4 })} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`${P}.mapNote`)}
      </Typography.Text>
    </Space>
  );
}
