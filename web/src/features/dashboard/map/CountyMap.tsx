import { Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatShare, formatYuan } from '../../../ui/format';
import { divisionsApi, type Division } from '../../divisions/api';
import type { RegistryOverview } from '../../registry/api';
import { bounds, countyOutline, schematicCells, toPath, townshipRing, type Ring } from './schematic-cells';

type Child = RegistryOverview['children'][number];
export const MAP_METRICS = ['households', 'formerlyPoorShare', 'relocatedShare', 'medianIncome', 'belowThresholdShare'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

function metricValue(c: Child, m: MapMetric): number | null {
  switch (m) {
    case 'households':
      return c.households;
    case 'formerlyPoorShare':
      return c.households ? c.formerlyPoor / c.households : null;
    case 'relocatedShare':
      return c.households ? c.relocated / c.households : null;
    case 'medianIncome':
      return c.medianPerCapitaNetFen;
    case 'belowThresholdShare':
      return c.shareBelowThreshold;
  }
}

/** Map label: the name without its administrative suffix (白果街道 → 白果, 双坪彝族苗族乡 → 双坪, 前河社区居民委员会 → 前河社区, 金沙村民委员会 → 金沙村). */
export function shortName(name: string): string {
  return name
    .replace(/村民委员会$/, '村')
    .replace(/村村$/, '村')
    .replace(/(?:居民委员会|委员会)$/, '')
    .replace(/(?:(?:彝|苗|回|白|布依|仡佬|土家|水|壮|蒙古|侗)族)*(?:街道办事处|街道|镇|乡)$/, '') || name;
}

/** Linear blend between two hex colours. */
function blend(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `rgb(${pa.map((v, i) => Math.round(v + (pb[i] - v) * t)).join(',')})`;
}

const RAMPS: Record<MapMetric, [string, string]> = {
  households: ['#e6f4ea', '#1a7f5a'],
  formerlyPoorShare: ['#fff4e5', '#d46b08'],
  relocatedShare: ['#e6f0ff', '#1d39c4'],
  medianIncome: ['#f0f9e8', '#0868ac'],
  belowThresholdShare: ['#fff1f0', '#a8071a'],
};

/**
 * The township (county level) or village (township level) map: the real county outline with
 * schematic cells inside it, coloured by a chosen statistic. Clicking a cell drills into it.
 */
export function CountyMap({ division, items, onSelect }: { division: Division; items: Child[]; onSelect: (c: Child) => void }) {
  const { t, i18n } = useTranslation();
  const [metric, setMetric] = useState<MapMetric>('households');
  const [hover, setHover] = useState<Child | null>(null);
  const [parent, setParent] = useState<{ ring: Ring; real: boolean } | null>(null);
  const county = division.code.slice(0, 6);
  useEffect(() => setHover(null), [division.code]);

  useEffect(() => {
    let cancelled = false;
    if (division.level === 3) setParent(countyOutline(county));
    else if (division.level === 4)
      divisionsApi
        .children(`${county}000000`)
        .then((towns) => {
          const ring = townshipRing(county, towns.map((d) => d.code), division.code);
          if (!cancelled) setParent(ring ? { ring, real: false } : null);
        })
        .catch(() => !cancelled && setParent(null));
    else setParent(null);
    return () => {
      cancelled = true;
    };
  }, [division.code, division.level, county]);

  const cells = useMemo(() => (parent ? schematicCells(parent.ring, items.map((c) => c.code), division.level === 3 ? county : division.code) : []), [parent, items, division, county]);
  const byCode = useMemo(() => new Map(items.map((c) => [c.code, c])), [items]);
  const values = items.map((c) => metricValue(c, metric)).filter((v): v is number => v !== null);
  const [lo, hi] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  const colour = (c: Child | undefined) => {
    const v = c ? metricValue(c, metric) : null;
    if (v === null) return '#f0f0f0';
    return blend(RAMPS[metric][0], RAMPS[metric][1], hi > lo ? (v - lo) / (hi - lo) : 0.6);
  };
  const show = (v: number | null) =>
    v === null ? '—' : metric === 'households' ? formatCount(v, i18n.language) : metric === 'medianIncome' ? `${formatYuan(v, i18n.language)} ${t('common.yuan')}` : formatShare(v, i18n.language);

  if (!parent) return <Typography.Text type="secondary">{t('dashboard.map.unavailable')}</Typography.Text>;
  const [x0, y0, x1, y1] = bounds(parent.ring);
  const pad = Math.max(x1 - x0, y1 - y0) * 0.03;
  const fontSize = Math.max(x1 - x0, y1 - y0) / (division.level === 3 ? 38 : 30);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size="small">
        {t('dashboard.map.colourBy')}
        <Select<MapMetric> size="small" value={metric} onChange={setMetric} style={{ width: 200 }} options={MAP_METRICS.map((m) => ({ value: m, label: t(`dashboard.map.metrics.${m}`) }))} data-testid="map-metric" />
      </Space>
      <svg viewBox={`${x0 - pad} ${y0 - pad} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad}`} style={{ width: '100%', height: 420, background: '#fbfcfd' }} data-testid="county-map" role="img" aria-label={t('dashboard.map.title')}>
        {cells.map((cell) => {
          const c = byCode.get(cell.code);
          return (
            <path
              key={cell.code}
              d={toPath(cell.ring)}
              fill={colour(c)}
              stroke="#ffffff"
              strokeWidth={1}
              vectorEffect="non-scaling-stroke"
              style={{ cursor: 'pointer' }}
              data-code={cell.code}
              onMouseEnter={() => setHover(c ?? null)}
              onMouseLeave={() => setHover(null)}
              onClick={() => c && onSelect(c)}
            >
              <title>{c ? `${c.name}: ${show(metricValue(c, metric))}` : cell.code}</title>
            </path>
          );
        })}
        <path d={toPath(parent.ring)} fill="none" stroke="#0b3d2e" strokeWidth={2} vectorEffect="non-scaling-stroke" pointerEvents="none" />
        {cells.map((cell) => (
          <text key={cell.code} x={cell.label[0]} y={cell.label[1]} fontSize={fontSize} textAnchor="middle" dominantBaseline="middle" pointerEvents="none" fill="#1f1f1f" style={{ paintOrder: 'stroke', stroke: '#ffffffcc', strokeWidth: fontSize / 6 }}>
            {shortName(byCode.get(cell.code)?.name ?? '')}
          </text>
        ))}
      </svg>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space size={4} align="center">
          <span style={{ fontSize: 12 }}>{show(values.length ? lo : null)}</span>
          <span style={{ display: 'inline-block', width: 120, height: 10, background: `linear-gradient(90deg, ${RAMPS[metric][0]}, ${RAMPS[metric][1]})`, border: '1px solid #d9d9d9' }} />
          <span style={{ fontSize: 12 }}>{show(values.length ? hi : null)}</span>
        </Space>
        <Typography.Text style={{ fontSize: 12 }}>{hover ? `${hover.name} · ${show(metricValue(hover, metric))}` : t('dashboard.map.clickHint')}</Typography.Text>
      </Space>
      <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="map-note">
        {t(division.level === 4 ? 'dashboard.map.townshipNote' : parent.real ? 'dashboard.map.schematicNote' : 'dashboard.map.schematicOutlineNote')}
      </Typography.Text>
    </Space>
  );
}
