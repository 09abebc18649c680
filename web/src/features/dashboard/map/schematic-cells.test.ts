import { describe, expect, it } from 'vitest';
import { bounds, centroid, clipByConvex, contains, countyOutline, schematicCells, townshipRing, type Ring } from './schematic-cells';

const area = (r: Ring) => Math.abs(r.reduce((s, p, i) => { const q = r[(i + 1) % r.length]; return s + p[0] * q[1] - q[0] * p[1]; }, 0) / 2);

describe('countyOutline', () => {
  it('gives the real Hezhang outline for 520527 and a schematic one elsewhere', () => {
    const hezhang = countyOutline('520527000000');
    expect(hezhang.real).toBe(true);
    expect(hezhang.ring.length).toBeGreaterThan(1000);
    expect(countyOutline('110101000000').real).toBe(false);
  });
});

describe('clipByConvex', () => {
  it('clips a square by a triangle covering half of it', () => {
    const square: Ring = [[0, 0], [2, 0], [2, 2], [0, 2]];
    const triangle: Ring = [[0, 0], [4, 0], [0, 4]];
    expect(area(clipByConvex(square, triangle))).toBeCloseTo(4, 6); // the triangle covers the whole square
    const half: Ring = [[0, 0], [2, 0], [0, 2]];
    expect(area(clipByConvex(square, half))).toBeCloseTo(2, 6);
  });
});

describe('schematicCells', () => {
  const { ring } = countyOutline('520527');
  const codes = Array.from({ length: 27 }, (_, i) => `520527${String(i + 1).padStart(3, '0')}000`);

  it('covers the county with one cell per township, each labelled inside the outline', () => {
    const cells = schematicCells(ring, codes, '520527');
    expect(cells.map((c) => c.code)).toEqual([...codes].sort());
    const total = cells.reduce((s, c) => s + area(c.ring), 0);
    expect(total / area(ring)).toBeGreaterThan(0.97);
    expect(total / area(ring)).toBeLessThan(1.03);
    for (const c of cells) expect(contains(ring, c.label)).toBe(true);
  });

  it('draws the same cells for the same codes (seeded), whatever their order', () => {
    const a = schematicCells(ring, codes, '520527');
    const b = schematicCells(ring, [...codes].reverse(), '520527');
    expect(b).toEqual(a);
  });

  it("places a township's villages inside that township's cell", () => {
    const town = townshipRing('520527', codes, codes[3])!;
    const villages = schematicCells(town, ['520527004001', '520527004002', '520527004003'], codes[3]);
    const [x0, y0, x1, y1] = bounds(town);
    for (const v of villages) {
      const [cx, cy] = centroid(v.ring);
      expect(cx).toBeGreaterThanOrEqual(x0);
      expect(cx).toBeLessThanOrEqual(x1);
      expect(cy).toBeGreaterThanOrEqual(y0);
      expect(cy).toBeLessThanOrEqual(y1);
    }
  });
});
