import { describe, expect, it } from 'vitest';
import { nonFiniteNumbers } from '../testing.js';
import { computeFgt } from './fgt.js';
import { MethodInputError } from './method-error.js';

describe('computeFgt', () => {
  it('matches a plain per-row computation on a large weighted input with groups (decomposition identity)', () => {
    const n = 200_003;
    const y = new Float64Array(n);
    const v = new Float64Array(n);
    const labels = ['x', 'y', 'z'];
    const g = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = ((i * 7919) % 10007) - 50;
      v[i] = 1 + (i % 5);
      g[i] = i % 3;
    }
    const z = 3000;
    const r = computeFgt({ welfare: y, weights: v, group: { codes: g, labels } }, { z, alphas: [0, 1, 2, 1.5] });
    let V = 0;
    let p0 = 0;
    let p15 = 0;
    for (let i = 0; i < n; i++) {
      V += v[i];
      if (y[i] < z) {
        p0 += v[i];
        p15 += v[i] * ((z - y[i]) / z) ** 1.5;
      }
    }
    expect(r.values.P0).toBeCloseTo(p0 / V, 12);
    expect(r.values['P1.5']).toBeCloseTo(p15 / V, 12);
    for (const key of ['P0', 'P1', 'P2', 'P1.5']) {
      const sum = r.groups!.reduce((s, gr) => s + gr.popShare * (gr.values[key] as number), 0);
      expect(Math.abs(sum - r.values[key])).toBeLessThan(1e-12);
      const contrib = r.groups!.reduce((s, gr) => s + (gr.contribution[key] as number), 0);
      expect(Math.abs(contrib - 1)).toBeLessThan(1e-12);
    }
    expect(r.warnings[0]).toMatchObject({ code: 'NEGATIVE_WELFARE' });
    expect(r.warnings[0].rows!.length).toBeLessThanOrEqual(100);
    expect(nonFiniteNumbers({ ...r, poor: [] })).toEqual([]);
  });

  it('reports contributions as null when nobody is poor, never NaN', () => {
    const r = computeFgt({ welfare: [100, 200], group: ['a', 'b'] }, { z: 50, levels: ['a', 'b', 'c'] });
    expect(r.groups!.map((g) => g.contribution.P0)).toEqual([null, null, null]);
    expect(nonFiniteNumbers(r)).toEqual([]);
  });

  it('reports the first offending cell in row order across welfare, weights and group', () => {
    const call = () => computeFgt({ welfare: [1, 2, NaN], weights: [1, 1, 1], group: ['a', null, 'b'] }, { z: 5 });
    expect(call).toThrow(MethodInputError);
    expect(call).toThrow(/missing group label at row 1, column "group"/);
  });

  it('finds NaN and ±Infinity on the fast path (Float64Array, unweighted) with their row', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const y = Float64Array.of(10, 90, bad, 5);
      expect(() => computeFgt({ welfare: y }, { z: 80, names: { welfare: 'income' } })).toThrow(
        expect.objectContaining({ code: 'MISSING_VALUE', row: 2, column: 'income' }),
      );
    }
    const r = computeFgt({ welfare: Float64Array.of(-16, 0, 40, 200) }, { z: 80 });
    expect(r.values).toEqual({ P0: 0.75, P1: (1.2 + 1 + 0.5) / 4, P2: (1.44 + 1 + 0.25) / 4 });
    expect(r.warnings[0]).toMatchObject({ code: 'NEGATIVE_WELFARE', rows: [0] });
  });

  it('gives the same P0/P1/P2 and poor flags, to the last bit, on the branchless fast path as on the row-by-row path', () => {
    const n = 50_000;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = ((i * 7919) % 10007) * 1.37 + (i % 7) / 3;
    y[3] = 3000; // exactly at the line: not poor
    y[40_000] = -1e308; // a negative block, whose doubled gap would overflow
    for (const z of [3000, 1e308]) {
      const fast = computeFgt({ welfare: y }, { z });
      const slow = computeFgt({ welfare: Array.from(y) }, { z });
      expect(fast.values).toEqual(slow.values);
      expect(fast.poor).toEqual(slow.poor);
      expect(fast.warnings).toEqual(slow.warnings);
      expect(fast.poor[3]).toBe(z === 3000 ? 0 : 1);
    }
  });

  it('refuses weights that sum to 0', () => {
    expect(() => computeFgt({ welfare: [1, 2], weights: [0, 0] }, { z: 5 })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
  });
});
