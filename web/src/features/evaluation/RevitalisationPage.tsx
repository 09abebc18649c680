import { ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../ui/EChart';
import { useApiErrorHandler } from '../../ui/errors';
import { PageSpin } from '../../ui/PageSpin';
import { useApi } from '../../ui/use-api';
import { divisionsApi, type Division } from '../divisions/api';
import { useCurrentDivision } from '../divisions/current-division';
import { LEVEL_COLOURS, levelTextColour, REVITALISATION_YEARS, revitalisationApi, type CouplingRow, type RankingRow } from './RevitalisationApi';
import { RevitalisationMap } from './RevitalisationMap';
import { saveWorkbook } from '../../ui/xlsx';
import './RevitalisationI18n';

echarts.use([RadarChart, RadarComponent]);

const R = 'evaluation.revitalisation';
const fmt = (x: number | null | undefined, digits = 4) => (x === null || x === undefined ? '—' : x.toFixed(digits));

interface Area {
  /** Significant prefix the API takes (6 county, 9 township). */
  prefix: string;
  code: string;
  level: 3 | 4;
  name: string;
}

/** The area ranked for the current division: a county ranks its townships, a township (or a village's township) its villages. */
function areaOf(d: Division | null): Area | null {
  if (!d) return null;
  if (d.level === 3) return { prefix: d.code.slice(0, 6), code: d.code, level: 3, name: d.name };
  if (d.level === 4) return { prefix: d.code.slice(0, 9), code: d.code, level: 4, name: d.name };
  if (d.level === 5) return { prefix: d.code.slice(0, 9), code: `${d.code.slice(0, 9)}000`, level: 4, name: '' };
  return null;
}

type Row = RankingRow & { coupling: CouplingRow | null };

/** Radar axis names on two lines when long (English pillar names), so they stay inside the card. */
function wrapLabel(name: string): string {
  if (name.length <= 12 || !name.includes(' ')) return name;
  const words = name.split(' ');
  const half = name.length / 2;
  let line = '';
  let i = 0;
  while (i < words.length - 1 && (line + words[i]).length < half) line += `${words[i++]} `;
  return `${line.trim()}\n${words.slice(i).join(' ')}`;
}

/**
 * Revitalisation evaluation of the current area and year: entropy-weight TOPSIS closeness and rank of
 * its townships or villages (overall and per pillar), the coupling coordination degree D of
 * consolidation and revitalisation with its grade (table, schematic map, trend over 2021–2025), a
 * radar of the selected unit's pillar closeness, drill-down by clicking, and an XLSX export.
 */
export function RevitalisationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const en = lang === 'en';
  const onError = useApiErrorHandler();
  const { current, setCurrent } = useCurrentDivision();
  const [year, setYear] = useState<number>(2025);
  const [formula, setFormula] = useState<'classic' | 'corrected'>('classic');
  const [selected, setSelected] = useState<string | null>(null);
  const area = areaOf(current);
  const ranking = useApi(area ? `rank|${area.prefix}|${year}` : null, () => revitalisationApi.ranking(area!.prefix, year));
  const coupling = useApi(area ? `coupling|${area.prefix}|${formula}` : null, () =>
    revitalisationApi.coupling(area!.prefix, { fromYear: REVITALISATION_YEARS[0], toYear: REVITALISATION_YEARS[REVITALISATION_YEARS.length - 1], formula }),
  );
  const areaName = ranking.data?.divisionName ?? area?.name ?? '';
  const couplingOfYear = useMemo(() => (coupling.data?.rows ?? []).filter((r) => r.year === year), [coupling.data, year]);
  const rows: Row[] = useMemo(() => {
    const byCode = new Map(couplingOfYear.map((c) => [c.code, c]));
    return (ranking.data?.rows ?? []).map((r) => ({ ...r, coupling: byCode.get(r.code) ?? null }));
  }, [ranking.data, couplingOfYear]);
  const selectedRow = rows.find((r) => r.code === selected) ?? rows[0] ?? null;
  const pillars = ranking.data?.pillars ?? [];
  const pillarName = (code: string) => {
    const p = pillars.find((x) => x.code === code);
    return p ? (en ? p.nameEn : p.nameZh) : code;
  };
  const levelName = (l: number) => t(`${R}.levels.${l}`);

  const drill = async (code: string) => {
    if (!area || area.level !== 3) {
      setSelected(code);
      return;
    }
    try {
      setCurrent(await divisionsApi.get(code));
      setSelected(null);
    } catch (e) {
      onError(e);
    }
  };
  const up = async () => {
    if (!area || area.level !== 4) return;
    try {
      setCurrent(await divisionsApi.get(`${area.prefix.slice(0, 6)}000000`));
      setSelected(null);
    } catch (e) {
      onError(e);
    }
  };

  const gradeTag = (c: CouplingRow | null) =>
    c ? (
      <Tag style={{ background: LEVEL_COLOURS[c.level], color: levelTextColour(c.level), borderColor: LEVEL_COLOURS[c.level], marginInlineEnd: 0, whiteSpace: 'nowrap' }} data-testid="grade">
        {levelName(c.level)}
      </Tag>
    ) : (
      '—'
    );

  const columns: TableProps<Row>['columns'] = [
    { title: t(`${R}.rank`), dataIndex: 'rank', width: 64, align: 'right', render: (v: number | null) => v ?? '—' },
    {
      title: t(`${R}.name`),
      dataIndex: 'name',
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (v: string, r) =>
        area?.level === 3 ? (
          <a
            onClick={(e) => {
              e.stopPropagation();
              void drill(r.code);
            }}
            data-testid="drill"
          >
            {v}
          </a>
        ) : (
          v
        ),
    },
    { title: t(`${R}.closeness`), dataIndex: 'closeness', align: 'right', sorter: (a, b) => (a.closeness ?? -1) - (b.closeness ?? -1), render: (v: number | null) => fmt(v) },
    { title: t(`${R}.D`), key: 'D', onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }), align: 'right', sorter: (a, b) => (a.coupling?.D ?? -1) - (b.coupling?.D ?? -1), render: (_: unknown, r) => fmt(r.coupling?.D, 3) },
    { title: t(`${R}.grade`), key: 'grade', render: (_: unknown, r) => gradeTag(r.coupling) },
    ...pillars.map((p) => ({
      title: en ? p.nameEn : p.nameZh,
      key: p.code,
      align: 'right' as const,
      sorter: (a: Row, b: Row) => (a.pillars[p.code]?.closeness ?? -1) - (b.pillars[p.code]?.closeness ?? -1),
      render: (_: unknown, r: Row) => fmt(r.pillars[p.code]?.closeness, 3),
      onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    })),
  ];

  const radarOption = useMemo<EChartOption>(() => {
    if (!selectedRow) return {};
    return {
      animation: false,
      tooltip: {},
      radar: { indicator: pillars.map((p) => ({ name: wrapLabel(en ? p.nameEn : p.nameZh), max: 1, min: 0 })), radius: '58%', axisName: { color: '#333', fontSize: 12 } },
      series: [
        {
          type: 'radar',
          data: [{ value: pillars.map((p) => selectedRow.pillars[p.code]?.closeness ?? 0), name: selectedRow.name, areaStyle: { opacity: 0.25 } }],
          symbolSize: 5,
        },
      ],
    } as EChartOption;
  }, [selectedRow, pillars, en]);

  const trendOption = useMemo<EChartOption>(() => {
    const trend = coupling.data?.trend ?? [];
    const unit = selectedRow ? (coupling.data?.rows ?? []).filter((r) => r.code === selectedRow.code) : [];
    return {
      animation: false,
      grid: { left: 44, right: 16, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : '—') },
      xAxis: { type: 'category', data: trend.map((p) => String(p.year)) },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: [
        { type: 'line', name: t(`${R}.meanD`), data: trend.map((p) => p.meanD), symbolSize: 7, label: { show: true, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(3) : '') } },
        ...(selectedRow ? [{ type: 'line' as const, name: t(`${R}.trendUnit`, { name: selectedRow.name }), data: trend.map((p) => unit.find((u) => u.year === p.year)?.D ?? null), symbolSize: 5, lineStyle: { type: 'dashed' as const } }] : []),
      ],
    };
  }, [coupling.data, selectedRow, t]);

  const weightColumns: TableProps<NonNullable<typeof ranking.data>['weights'][number]>['columns'] = [
    { title: t(`${R}.pillar`), dataIndex: 'pillar', render: pillarName },
    { title: t(`${R}.indicator`), dataIndex: 'indicator' },
    { title: t(`${R}.withinPillar`), dataIndex: 'withinPillar', align: 'right', render: (v: number) => fmt(v) },
    { title: t(`${R}.overallWeight`), dataIndex: 'overall', align: 'right', render: (v: number | null) => fmt(v) },
    { title: t(`${R}.entropy`), dataIndex: 'entropy', align: 'right', render: (v: number | null) => fmt(v) },
  ];

  const exportXlsx = () => {
    if (!ranking.data) return;
    const name = (p: (typeof pillars)[number]) => (en ? p.nameEn : p.nameZh);
    void saveWorkbook(`revitalisation-${ranking.data.division}-${year}.xlsx`, [
      {
        name: t(`${R}.sheetRanking`),
        header: [t(`${R}.rank`), t(`${R}.name`), 'code', t(`${R}.closeness`), ...pillars.map(name), t(`${R}.D`), t(`${R}.grade`)],
        rows: rows.map((r) => [r.rank, r.name, r.code, r.closeness, ...pillars.map((p) => r.pillars[p.code]?.closeness ?? null), r.coupling?.D ?? null, r.coupling ? levelName(r.coupling.level) : null]),
      },
      {
        name: t(`${R}.sheetCoupling`),
        header: [t(`${R}.name`), 'code', t(`${R}.year`), t(`${R}.consolidation`), t(`${R}.revitalisation`), 'C', 'T', 'D', t(`${R}.grade`)],
        rows: (coupling.data?.rows ?? []).map((c) => [c.name, c.code, c.year, c.consolidation, c.revitalisation, c.C, c.T, c.D, levelName(c.level)]),
      },
      {
        name: t(`${R}.sheetWeights`),
        header: [t(`${R}.pillar`), t(`${R}.indicator`), t(`${R}.withinPillar`), t(`${R}.overallWeight`), t(`${R}.entropy`)],
        rows: ranking.data.weights.map((w) => [pillarName(w.pillar), w.indicator, w.withinPillar, w.overall, w.entropy]),
      },
    ]).catch(onError);
  };

  if (!area) return <Empty description={t(`${R}.chooseArea`)} />;
  const warnings = [...(ranking.data?.warnings ?? []), ...(coupling.data?.warnings ?? [])];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="revitalisation-page">
      <style>{'.rb-revitalisation-selected > td { background: #e6f4ff !important; }'}</style>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(`${R}.title`)}
        </Typography.Title>
        <Space wrap>
          {t(`${R}.year`)}
          <Select value={year} onChange={setYear} style={{ width: 100 }} options={REVITALISATION_YEARS.map((y) => ({ value: y, label: String(y) }))} data-testid="year" />
          {t(`${R}.formula`)}
          <Select value={formula} onChange={setFormula} style={{ width: 200 }} options={(['classic', 'corrected'] as const).map((f) => ({ value: f, label: t(`${R}.formulas.${f}`) }))} />
          <Button icon={<DownloadOutlined />} onClick={exportXlsx} disabled={!ranking.data}>
            {t(`${R}.export`)}
          </Button>
        </Space>
      </Space>
      <Space>
        <Typography.Text strong data-testid="area-title">
          {t(area.level === 3 ? `${R}.areaTownships` : `${R}.areaVillages`, { name: areaName })}
        </Typography.Text>
        {area.level === 4 && (
          <Button size="small" icon={<ArrowUpOutlined />} onClick={() => void up()} data-testid="up">
            {t(`${R}.up`)}
          </Button>
        )}
        <Typography.Text type="secondary">{area.level === 3 ? t(`${R}.drill`) : ''}</Typography.Text>
      </Space>
      {ranking.error && <Alert type="error" showIcon message={ranking.error.message} />}
      {ranking.loading && !ranking.data ? (
        <PageSpin />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <Table<Row>
                rowKey="code"
                size="small"
                columns={columns}
                dataSource={rows}
                loading={ranking.loading || coupling.loading}
                pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t(`${R}.noRows`) }}
                rowClassName={(r) => (r.code === selectedRow?.code ? 'rb-revitalisation-selected' : '')}
                onRow={(r) => ({ onClick: () => setSelected(r.code), style: { cursor: 'pointer' } })}
                data-testid="ranking-table"
              />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <Card size="small" title={selectedRow ? t(`${R}.radar`, { name: selectedRow.name }) : t(`${R}.radarHint`)} data-testid="radar-card">
                {selectedRow ? <EChart option={radarOption} height={260} testId="radar" /> : <Empty />}
              </Card>
              <Card size="small" title={t(`${R}.map`)}>
                <RevitalisationMap area={{ code: area.code, level: area.level }} units={couplingOfYear} selected={selectedRow?.code ?? null} onSelect={(code) => setSelected(code)} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={16}>
            <Card size="small" title={t(`${R}.trend`)}>
              <EChart option={trendOption} height={240} testId="trend" />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Collapse
              size="small"
              items={[
                { key: 'w', label: t(`${R}.weights`), children: <Table rowKey={(w) => w.indicator} size="small" columns={weightColumns} dataSource={ranking.data?.weights ?? []} pagination={false} /> },
                {
                  key: 'warn',
                  label: t(`${R}.warnings`, { count: warnings.length }),
                  children: (
                    <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 12 }}>
                      {warnings.map((w, i) => (
                        <li key={i}>
                          {w.pillar ? `[${w.pillar === 'overall' ? t(`${R}.overall`) : pillarName(w.pillar)}] ` : ''}
                          {t(`${R}.warningCodes.${w.code}`, { defaultValue: w.code })}
                          {w.column ? ` · ${w.column}` : ''}
                          {w.units?.length ? ` · ${w.units.length}` : ''}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Space>
  );
}
