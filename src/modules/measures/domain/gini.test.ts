import { describe, expect, it } from 'vitest';
import { computeGini } from './gini.js';

describe('computeGini', () => {
  it('agrees with the pairwise definition on weighted data (radix order)', () => {
    const n = 700;
    const x = Float64Array.from({ length: n }, (_, i) => ((i * 37) % 101) + (i % 3) * 0.5);
    const v = Float64Array.from({ length: n }, (_, i) => 1 + (i % 4));
    let V = 0;
    let S = 0;
    let pair = 0;
    for (let i = 0; i < n; i++) {
      V += v[i];
      S += v[i] * x[i];
      for (let j = 0; j < n; j++) pair += v[i] * v[j] * Math.abs(x[i] - x[j]);
    }
    const expected = pair / (2 * V * V * (S / V));
    expect(computeGini({ x, weights: v }).gini).toBeCloseTo(expected, 12);
  });

  it('returns Lorenz points from (0, 0) to (1, 1)', () => {
    const r = computeGini({ x: [10, 20, 30, 40, 100] }, { lorenz: true });
    expect(r.lorenz!.p[0]).toBe(0);
    expect(r.lorenz!.L[0]).toBe(0);
    expect(r.lorenz!.p.at(-1)).toBeCloseTo(1, 15);
    expect(r.lorenz!.L.at(-1)).toBeCloseTo(1, 15);
    expect(r.lorenz!.L[1]).toBeCloseTo(0.05, 15);
  });

  it('gives 0 for one row and null with ZERO_MEAN when every value is 0', () => {
    expect(computeGini({ x: [5] }).gini).toBe(0);
    const r = computeGini({ x: [0, 0, 0] });
    expect(r.gini).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['ZERO_MEAN']);
  });

  it('refuses a negative value naming row and column, and the sample variant with weights', () => {
    expect(() => computeGini({ x: [1, -2] }, { names: { x: 'income' } })).toThrow(/negative value.*at row 1, column "income"/);
    expect(() => computeGini({ x: [1, 2], weights: [1, 1] }, { variant: 'sample' })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
    expect(() => computeGini({ x: [1] }, { variant: 'sample' })).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
  });

  it('gives each group its own Gini and population share', () => {
    const r = computeGini({ x: [1, 1, 10, 30], group: ['a', 'a', 'b', 'b'] });
    expect(r.groups!.map((g) => [g.label, g.gini, g.popShare])).toEqual([
      ['a', 0, 0.5],
      ['b', 0.25, 0.5],
    ]);
  });
});
