import { Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../ui/format';
import type { Division } from '../divisions/api';
import { SchematicMap, ShadeLegend, shade } from '../dashboard/map/SchematicMap';

export const MAP_METRICS = ['monitored', 'inProcedure', 'overdue', 'eliminated'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export interface MapArea extends Record<MapMetric, number> {
  /** 12-digit code of a child division. */
  code: string;
  prefix: string;
  name: string;
  level: number;
}

/**
 * The dashboard's schematic map (same cells as the county dashboard: seeded by all child codes),
 * coloured by monitored households, cases in procedure, overdue or eliminated; a click drills in.
 */
export function MonitoringMap({ division, areas, onSelect }: { division: Division; areas: MapArea[]; onSelect: (a: MapArea) => void }) {
  const { t, i18n } = useTranslation();
  const [hover, setHover] = useState<string | null>(null);
  // Monitored households by default; the cases in procedure while nobody is monitored yet.
  const [chosen, setChosen] = useState<MapMetric | null>(null);
  const metric: MapMetric = chosen ?? (areas.some((a) => a.monitored > 0) || !areas.some((a) => a.inProcedure > 0) ? 'monitored' : 'inProcedure');
  const max = Math.max(1, ...areas.map((a) => a[metric]));
  const byCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const painted = useMemo(
    () => areas.map((a) => ({ code: a.code, name: a.name, fill: a[metric] > 0 ? shade(a[metric] / max) : '#f5f5f5', dark: a[metric] / max > 0.6, title: `${a.name}: ${formatCount(a[metric], i18n.language)}` })),
    [areas, metric, max, i18n.language],
  );
  const hovered = hover ? byCode.get(hover) : undefined;
  return (
    <div>
      <Segmented<MapMetric> size="small" value={metric} onChange={setChosen} options={MAP_METRICS.map((m) => ({ value: m, label: t(`monitoringPages.dashboard.${m}`) }))} data-testid="monitoring-map-metric" style={{ marginBottom: 8 }} />
      <SchematicMap
        division={division}
        areas={painted}
        onSelect={(code) => onSelect(byCode.get(code)!)}
        onHover={setHover}
        height={380}
        testId="monitoring-map"
        label={t('monitoringPages.dashboard.map')}
        fallback={<Typography.Text type="secondary">{t('monitoringPages.dashboard.mapUnavailable')}</Typography.Text>}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, fontSize: 12 }}>
        <ShadeLegend low="0" high={formatCount(max, i18n.language)} />
        <span>{hovered ? `${hovered.name} · ${t(`monitoringPages.dashboard.${metric}`)} ${formatCount(hovered[metric], i18n.language)}` : t('monitoringPages.dashboard.mapHint')}</span>
      </div>
      <Typography.Text type="warning" style={{ fontSize: 12 }}>
        {t('monitoringPages.dashboard.mapNote')}
      </Typography.Text>
    </div>
  );
}
