import { Segmented, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../ui/format';
import { divisionsApi, type Division } from '../divisions/api';
import { shortName } from '../dashboard/map/CountyMap';
import { bounds, countyOutline, schematicCells, toPath, townshipRing, type Ring } from '../dashboard/map/schematic-cells';

export const MAP_METRICS = ['monitored', 'inProcedure', 'overdue', 'eliminated'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export interface MapArea extends Record<MapMetric, number> {
  /** 12-digit code of a child division. */
  code: string;
  prefix: string;
  name: string;
  level: number;
}

const LOW = [255, 241, 240];
const HIGH = [168, 7, 26];
const shade = (t: number) => `rgb(${LOW.map((v, i) => Math.round(v + (HIGH[i] - v) * t)).join(',')})`;

/**
 * The dashboard's schematic map (same cells as the county dashboard: seeded by all child codes),
 * coloured by monitored households, cases in procedure, overdue or eliminated; a click drills in.
 */
export function MonitoringMap({ division, areas, onSelect }: { division: Division; areas: MapArea[]; onSelect: (a: MapArea) => void }) {
  const { t, i18n } = useTranslation();
  const [parent, setParent] = useState<Ring | null>(null);
  const [hover, setHover] = useState<MapArea | null>(null);
  // Monitored households by default; the cases in procedure while nobody is monitored yet.
  const [chosen, setChosen] = useState<MapMetric | null>(null);
  const metric: MapMetric = chosen ?? (areas.some((a) => a.monitored > 0) || !areas.some((a) => a.inProcedure > 0) ? 'monitored' : 'inProcedure');
  const county = division.code.slice(0, 6);

  useEffect(() => {
    let cancelled = false;
    if (division.level === 3) setParent(countyOutline(county).ring);
    else if (division.level === 4)
      divisionsApi
        .children(`${county}000000`)
        .then((towns) => !cancelled && setParent(townshipRing(county, towns.map((d) => d.code), division.code)))
        .catch(() => !cancelled && setParent(null));
    else setParent(null);
    return () => {
      cancelled = true;
    };
  }, [division.code, division.level, county]);

  const cells = useMemo(() => (parent ? schematicCells(parent, areas.map((a) => a.code), division.level === 3 ? county : division.code) : []), [parent, areas, division, county]);
  const byCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const max = Math.max(1, ...areas.map((a) => a[metric]));

  if (!parent) return <Typography.Text type="secondary">{t('monitoringPages.dashboard.mapUnavailable')}</Typography.Text>;
  const [x0, y0, x1, y1] = bounds(parent);
  const pad = Math.max(x1 - x0, y1 - y0) * 0.03;
  const fontSize = Math.max(x1 - x0, y1 - y0) / (division.level === 3 ? 38 : 30);
  return (
    <div>
      <Segmented<MapMetric> size="small" value={metric} onChange={setChosen} options={MAP_METRICS.map((m) => ({ value: m, label: t(`monitoringPages.dashboard.${m}`) }))} data-testid="monitoring-map-metric" style={{ marginBottom: 8 }} />
      <svg viewBox={`${x0 - pad} ${y0 - pad} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad}`} style={{ width: '100%', height: 380, background: '#fbfcfd' }} data-testid="monitoring-map" role="img" aria-label={t('monitoringPages.dashboard.map')}>
        {cells.map((cell) => {
          const a = byCode.get(cell.code);
          return (
            <path
              key={cell.code}
              d={toPath(cell.ring)}
              fill={a && a[metric] > 0 ? shade(a[metric] / max) : '#f5f5f5'}
              stroke="#ffffff"
              strokeWidth={1}
              vectorEffect="non-scaling-stroke"
              style={{ cursor: 'pointer' }}
              data-code={cell.code}
              onMouseEnter={() => setHover(a ?? null)}
              onMouseLeave={() => setHover(null)}
              onClick={() => a && onSelect(a)}
            >
              <title>{a ? `${a.name}: ${formatCount(a[metric], i18n.language)}` : cell.code}</title>
            </path>
          );
        })}
        <path d={toPath(parent)} fill="none" stroke="#0b3d2e" strokeWidth={2} vectorEffect="non-scaling-stroke" pointerEvents="none" />
        {cells.map((cell) => {
          const a = byCode.get(cell.code);
          // Light text on the darkest cells, dark text elsewhere.
          const dark = !!a && a[metric] / max > 0.6;
          return (
            <text key={cell.code} x={cell.label[0]} y={cell.label[1]} fontSize={fontSize} textAnchor="middle" dominantBaseline="middle" pointerEvents="none" fill={dark ? '#ffffff' : '#1f1f1f'} style={{ paintOrder: 'stroke', stroke: dark ? '#5c0011aa' : '#ffffffcc', strokeWidth: fontSize / 6 }}>
              {shortName(a?.name ?? '')}
            </text>
          );
        })}
      </svg>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, fontSize: 12 }}>
        <span>
          0 <span style={{ display: 'inline-block', width: 120, height: 10, margin: '0 4px', background: `linear-gradient(90deg, ${shade(0)}, ${shade(1)})`, border: '1px solid #d9d9d9' }} /> {formatCount(max, i18n.language)}
        </span>
        <span>{hover ? `${hover.name} · ${t(`monitoringPages.dashboard.${metric}`)} ${formatCount(hover[metric], i18n.language)}` : t('monitoringPages.dashboard.mapHint')}</span>
      </div>
      <Typography.Text type="warning" style={{ fontSize: 12 }}>
        {t('monitoringPages.dashboard.mapNote')}
      </Typography.Text>
    </div>
  );
}
