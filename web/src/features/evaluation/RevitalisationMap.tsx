import { Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { divisionsApi } from '../divisions/api';
import { shortName } from '../dashboard/map/CountyMap';
import { bounds, countyOutline, schematicCells, toPath, townshipRing, type Ring } from '../dashboard/map/schematic-cells';
import { LEVEL_COLOURS, type CouplingRow } from './RevitalisationApi';

const R = 'evaluation.revitalisation';

/**
 * The D-grade choropleth: the dashboard's schematic county map (real Hezhang outline, one cell per
 * township or village, same layout as the dashboard) coloured by the 10 coordination levels.
 */
export function RevitalisationMap({ area, units, selected, onSelect }: { area: { code: string; level: number }; units: CouplingRow[]; selected: string | null; onSelect: (code: string) => void }) {
  const { t } = useTranslation();
  const county = area.code.slice(0, 6);
  const [parent, setParent] = useState<Ring | null>(null);
  useEffect(() => {
    let cancelled = false;
    if (area.level === 3) setParent(countyOutline(county).ring);
    else
      divisionsApi
        .children(`${county}000000`)
        .then((towns) => !cancelled && setParent(townshipRing(county, towns.map((d) => d.code), area.code)))
        .catch(() => !cancelled && setParent(null));
    return () => {
      cancelled = true;
    };
  }, [area.code, area.level, county]);
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);
  const cells = useMemo(() => (parent ? schematicCells(parent, units.map((u) => u.code), area.level === 3 ? county : area.code) : []), [parent, units, area, county]);
  if (!parent) return null;
  const [x0, y0, x1, y1] = bounds(parent);
  const pad = Math.max(x1 - x0, y1 - y0) * 0.03;
  const fontSize = Math.max(x1 - x0, y1 - y0) / (area.level === 3 ? 38 : 30);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <svg viewBox={`${x0 - pad} ${y0 - pad} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad}`} style={{ width: '100%', height: 340, background: '#fbfcfd' }} data-testid="revitalisation-map" role="img" aria-label={t(`${R}.map`)}>
        {cells.map((cell) => {
          const u = byCode.get(cell.code);
          return (
            <path
              key={cell.code}
              d={toPath(cell.ring)}
              fill={u ? LEVEL_COLOURS[u.level] : '#f0f0f0'}
              stroke={cell.code === selected ? '#000000' : '#ffffff'}
              strokeWidth={cell.code === selected ? 2.5 : 1}
              vectorEffect="non-scaling-stroke"
              style={{ cursor: 'pointer' }}
              data-code={cell.code}
              onClick={() => onSelect(cell.code)}
            >
              <title>{u ? `${u.name}: D ${u.D.toFixed(3)} ${t(`${R}.levels.${u.level}`)}` : cell.code}</title>
            </path>
          );
        })}
        <path d={toPath(parent)} fill="none" stroke="#0b3d2e" strokeWidth={2} vectorEffect="non-scaling-stroke" pointerEvents="none" />
        {cells.map((cell) => (
          <text key={cell.code} x={cell.label[0]} y={cell.label[1]} fontSize={fontSize} textAnchor="middle" dominantBaseline="middle" pointerEvents="none" fill="#1f1f1f" style={{ paintOrder: 'stroke', stroke: '#ffffffcc', strokeWidth: fontSize / 6 }}>
            {shortName(byCode.get(cell.code)?.name ?? '')}
          </text>
        ))}
      </svg>
      <Space size={2} wrap>
        {LEVEL_COLOURS.map((c, l) => (
          <span key={c} style={{ display: 'inline-flex', alignItems: 'center', fontSize: 11, marginRight: 6 }}>
            <span style={{ width: 12, height: 12, background: c, display: 'inline-block', marginRight: 3, border: '1px solid #d9d9d9' }} />
            {t(`${R}.levels.${l}`)}
          </span>
        ))}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`${R}.mapNote`)}
      </Typography.Text>
    </Space>
  );
}
