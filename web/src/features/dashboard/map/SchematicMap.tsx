import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { divisionsApi } from '../../divisions/api';
import { shortName } from './CountyMap';
import { bounds, countyOutline, schematicCells, toPath, townshipRing, type Ring } from './schematic-cells';

/** One area on the map: its 12-digit code, its name, and how to paint it. */
export interface MapArea {
  code: string;
  name: string;
  fill: string;
  /** Light label text on a dark fill. */
  dark?: boolean;
  /** The tooltip. */
  title: string;
}

/**
 * The schematic county map of the dashboard (the real county outline, one cell per township or
 * village, laid out the same everywhere) painted area by area: the base of every choropleth of the
 * app. `division` is the county (level 3, cells are townships) or a township (level 4, cells are
 * villages); at other levels `fallback` is shown.
 */
export function SchematicMap(props: {
  division: { code: string; level: number };
  areas: MapArea[];
  selected?: string | null;
  onSelect?: (code: string) => void;
  onHover?: (code: string | null) => void;
  height: number;
  testId: string;
  label: string;
  fallback?: ReactNode;
}) {
  const { division, areas, selected, onSelect, onHover } = props;
  const county = division.code.slice(0, 6);
  const [parent, setParent] = useState<Ring | null>(null);
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
  const byCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const cells = useMemo(() => (parent ? schematicCells(parent, areas.map((a) => a.code), division.level === 3 ? county : division.code) : []), [parent, areas, division, county]);
  if (!parent) return <>{props.fallback ?? null}</>;
  const [x0, y0, x1, y1] = bounds(parent);
  const pad = Math.max(x1 - x0, y1 - y0) * 0.03;
  const fontSize = Math.max(x1 - x0, y1 - y0) / (division.level === 3 ? 38 : 30);
  return (
    <svg viewBox={`${x0 - pad} ${y0 - pad} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad}`} style={{ width: '100%', height: props.height, background: '#fbfcfd' }} data-testid={props.testId} role="img" aria-label={props.label}>
      {cells.map((cell) => {
        const a = byCode.get(cell.code);
        return (
          <path
            key={cell.code}
            d={toPath(cell.ring)}
            fill={a?.fill ?? '#f5f5f5'}
            stroke={cell.code === selected ? '#000000' : '#ffffff'}
            strokeWidth={cell.code === selected ? 2.5 : 1}
            vectorEffect="non-scaling-stroke"
            style={{ cursor: onSelect ? 'pointer' : undefined }}
            data-code={cell.code}
            onMouseEnter={() => onHover?.(cell.code)}
            onMouseLeave={() => onHover?.(null)}
            onClick={() => a && onSelect?.(cell.code)}
          >
            <title>{a?.title ?? cell.code}</title>
          </path>
        );
      })}
      <path d={toPath(parent)} fill="none" stroke="#0b3d2e" strokeWidth={2} vectorEffect="non-scaling-stroke" pointerEvents="none" />
      {cells.map((cell) => {
        const a = byCode.get(cell.code);
        return (
          <text key={cell.code} x={cell.label[0]} y={cell.label[1]} fontSize={fontSize} textAnchor="middle" dominantBaseline="middle" pointerEvents="none" fill={a?.dark ? '#ffffff' : '#1f1f1f'} style={{ paintOrder: 'stroke', stroke: a?.dark ? '#00000066' : '#ffffffcc', strokeWidth: fontSize / 6 }}>
            {shortName(a?.name ?? '')}
          </text>
        );
      })}
    </svg>
  );
}

/** A sequential red scale from light (0) to dark (1), and a legend bar for it. */
const LOW = [255, 241, 240];
const HIGH = [168, 7, 26];
export const shade = (t: number) => `rgb(${LOW.map((v, i) => Math.round(v + (HIGH[i] - v) * Math.min(1, Math.max(0, t)))).join(',')})`;
export function ShadeLegend({ low, high }: { low: string; high: string }) {
  return (
    <span style={{ fontSize: 12 }}>
      {low} <span style={{ display: 'inline-block', width: 120, height: 10, margin: '0 4px', background: `linear-gradient(90deg, ${shade(0)}, ${shade(1)})`, border: '1px solid #d9d9d9' }} /> {high}
    </span>
  );
}
