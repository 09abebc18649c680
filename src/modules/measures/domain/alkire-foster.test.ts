import { describe, expect, it } from 'vitest';
import { nonFiniteNumbers } from '../testing.js';
import { computeAlkireFoster } from './alkire-foster.js';

describe('computeAlkireFoster', () => {
  const achievements = [
    Float64Array.of(0.5, 2, 0.8, 3), // income ratio, cutoff 1
    Float64Array.of(0, 1, 0, 1), // 0/1 flag, cutoff 1: deprived at 0 with gap 1
    Float64Array.of(4, 9, 9, 2), // schooling years, cutoff 6
  ];
  const input = { achievements, cutoffs: [1, 1, 6], group: ['u', 'u', 'v', 'v'] };

  it('computes M1 and M2 from normalised gaps when every indicator is cardinal', () => {
    const r = computeAlkireFoster(input, { indicatorWeights: [1, 1, 1], k: 2, kUnits: 'weights' });
    // Scores: 1, 0, 2/3, 1/3; poor at k = 2/3: rows 0 and 2.
    expect(Array.from(r.poor)).toEqual([1, 0, 1, 0]);
    expect(r.k).toBeCloseTo(2 / 3, 15);
    expect(r.H).toBe(0.5);
    expect(r.M0).toBeCloseTo((1 + 2 / 3) / 4, 15);
    const gaps0 = [0.5, 1, 2 / 6];
    const gaps2 = [0.2, 1, 0];
    const m1 = (gaps0.reduce((s, g) => s + g, 0) + gaps2.reduce((s, g) => s + g, 0)) / 3 / 4;
    const m2 = (gaps0.reduce((s, g) => s + g * g, 0) + gaps2.reduce((s, g) => s + g * g, 0)) / 3 / 4;
    expect(r.M1).toBeCloseTo(m1, 15);
    expect(r.M2).toBeCloseTo(m2, 15);
    // Identities: M0 = Σ w̄ h_j(k), Σ φ = 1, M0 = Σ s_l M0_l, Σ contributions = 1.
    expect(r.weights.reduce((s, w, j) => s + w * r.censoredHeadcount[j], 0)).toBeCloseTo(r.M0, 15);
    expect(r.contribution.reduce((s: number, c) => s + (c as number), 0)).toBeCloseTo(1, 15);
    expect(r.groups!.reduce((s, g) => s + g.popShare * (g.M0 as number), 0)).toBeCloseTo(r.M0, 15);
    expect(r.groups!.reduce((s, g) => s + (g.contribution as number), 0)).toBeCloseTo(1, 15);
    expect(r.warnings).toEqual([]);
  });

  it("makes M1/M2 null with a warning when an indicator is 'lower is better'", () => {
    const r = computeAlkireFoster({ ...input, directions: ['higher', 'higher', 'lower'] }, { indicatorWeights: [1, 1, 1], k: 1 / 3 });
    expect(r.M1).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('M_ALPHA_UNAVAILABLE');
    expect(r.warnings.map((w) => w.code)).toContain('WEIGHTS_NORMALIZED');
  });

  it('returns A and contributions as null when nobody is poor (not 0)', () => {
    const r = computeAlkireFoster({ deprivations: [Float64Array.of(0, 0), Float64Array.of(0, 1)] }, { indicatorWeights: [0.5, 0.5], k: 1 });
    expect(r.H).toBe(0);
    expect(r.M0).toBe(0);
    expect(r.A).toBeNull();
    expect(r.contribution).toEqual([null, null]);
    expect(nonFiniteNumbers(r)).toEqual([]);
  });

  it('uses the smallest positive weight for the union approach and 1 for intersection', () => {
    const dep = { deprivations: [Float64Array.of(1, 0), Float64Array.of(1, 1)] };
    expect(computeAlkireFoster(dep, { indicatorWeights: [0.25, 0.75], k: 'union' }).H).toBe(1);
    expect(computeAlkireFoster(dep, { indicatorWeights: [0.25, 0.75], k: 'intersection' }).H).toBe(0.5);
  });

  it('refuses a flag that is not 0/1, k outside (0, 1], and a missing cell with its row and column', () => {
    expect(() => computeAlkireFoster({ deprivations: [Float64Array.of(0, 2)] }, { indicatorWeights: [1], k: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', row: 1, column: 0 }),
    );
    expect(() => computeAlkireFoster({ deprivations: [Float64Array.of(0, 1)] }, { indicatorWeights: [1], k: 1.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
    expect(() =>
      computeAlkireFoster({ achievements: [[1, null]], cutoffs: [1] }, { indicatorWeights: [1], k: 1, indicators: ['water'] }),
    ).toThrow(/missing value at row 1, column "water"/);
  });
});
