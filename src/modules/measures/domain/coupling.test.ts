import { describe, expect, it } from 'vitest';
import { computeCoupling, couplingDegree } from './coupling.js';

describe('computeCoupling', () => {
  it('reduces to the two-system forms and handles three subsystems', () => {
    expect(couplingDegree([0.3, 0.6, 0.6], 'classic')).toBeCloseTo((3 * Math.cbrt(0.3 * 0.6 * 0.6)) / 1.5, 14);
    const gaps = (0.3 + 0.3 + 0) / 3;
    expect(couplingDegree([0.3, 0.6, 0.6], 'corrected')).toBeCloseTo(Math.sqrt((1 - gaps) * Math.sqrt(0.5 * 1 * 1)), 14);
  });

  it('gives C = T = D = 0 with ALL_ZERO for a row of zeros and grades it 极度失调', () => {
    const r = computeCoupling([Float64Array.of(0, 0.5), Float64Array.of(0, 0.5)]);
    expect(r.units[0]).toMatchObject({ C: 0, T: 0, D: 0, level: 0, levelZh: '极度失调' });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'ALL_ZERO', rows: [0] })]);
    expect(r.units[1]).toMatchObject({ C: 1, T: 0.5, level: 7 });
  });

  it('clamps scores within TOL outside [0, 1] and refuses larger excursions with row and column', () => {
    expect(computeCoupling([Float64Array.of(1 + 1e-12), Float64Array.of(1)]).units[0].C).toBe(1);
    expect(() => computeCoupling([Float64Array.of(0.5, 1.2), Float64Array.of(0.5, 0.5)], { names: ['a', 'b'] })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', row: 1, column: 'a' }),
    );
  });

  it('refuses fewer than 2 subsystems and normalises weights with a warning', () => {
    expect(() => computeCoupling([Float64Array.of(0.5)])).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
    const r = computeCoupling([Float64Array.of(0.4), Float64Array.of(0.8)], { weights: [1, 3] });
    expect(r.weights).toEqual([0.25, 0.75]);
    expect(r.units[0].T).toBeCloseTo(0.7, 15);
    expect(r.warnings.map((w) => w.code)).toEqual(['WEIGHTS_NORMALIZED']);
  });
});
