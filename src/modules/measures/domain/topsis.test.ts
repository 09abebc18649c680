import { describe, expect, it } from 'vitest';
import { computeTopsis, rankDescending } from './topsis.js';
import { computeEntropyTopsis } from './entropy-topsis.js';
import { computeEntropyWeights } from './entropy-weights.js';

describe('computeTopsis', () => {
  it('treats middle and interval criteria as benefit after the forward transform', () => {
    const r = computeTopsis([Float64Array.of(3.5, 2, 5), Float64Array.of(3.4, 2.9, 4.5)], [{ type: 'middle', best: 3.5 }, { type: 'interval', lower: 3, upper: 4 }]);
    expect(r.closeness[0]).toBe(1);
    // Transformed: (1, 1), (0, 0.8), (0, 0): the last one is the anti-ideal.
    expect(r.closeness[2]).toBe(0);
    expect(Array.from(r.rank)).toEqual([1, 2, 3]);
  });

  it('does not change closeness when every weight is multiplied by a constant, and warns that weights were normalised', () => {
    const cols = [Float64Array.of(1, 5, 3), Float64Array.of(9, 2, 4)];
    const a = computeTopsis(cols, [{ type: 'benefit' }, { type: 'cost' }], { weights: [0.3, 0.7] });
    const b = computeTopsis(cols, [{ type: 'benefit' }, { type: 'cost' }], { weights: [3, 7] });
    Array.from(a.closeness).forEach((c, i) => expect(b.closeness[i]).toBeCloseTo(c, 14));
    expect(b.warnings.map((w) => w.code)).toEqual(['WEIGHTS_NORMALIZED']);
    expect(a.warnings).toEqual([]);
  });

  it('gives 0.5 to every alternative and ranks all 1 when nothing discriminates', () => {
    const r = computeTopsis([Float64Array.of(2, 2, 2)], undefined, { normalization: 'minmax' });
    expect(Array.from(r.closeness)).toEqual([0.5, 0.5, 0.5]);
    expect(Array.from(r.rank)).toEqual([1, 1, 1]);
    expect(r.warnings.map((w) => w.code)).toEqual(['ZERO_VARIANCE_COLUMN', 'NO_DISCRIMINATION']);
  });

  it('refuses fewer than 2 alternatives and an interval with lower above upper', () => {
    expect(() => computeTopsis([Float64Array.of(1)], undefined)).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    expect(() => computeTopsis([Float64Array.of(1, 2)], [{ type: 'interval', lower: 3, upper: 1 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });
});

describe('rankDescending', () => {
  it('ranks a large input like a comparison sort, with ties within TOL joined', () => {
    const m = 5000;
    const s = Float64Array.from({ length: m }, (_, i) => ((i * 7919) % 1000) / 1000);
    s[10] = s[11] + 1e-12;
    const r = rankDescending(s, 'min');
    const sorted = Array.from(s).sort((a, b) => b - a);
    for (let i = 0; i < m; i++) expect(r[i]).toBe(sorted.findIndex((x) => s[i] - x >= -1e-9 && x - s[i] <= 1e-9) + 1);
    expect(r[10]).toBe(r[11]);
  });
});

describe('computeEntropyTopsis', () => {
  it('feeds the EWM weights to TOPSIS on the original matrix', () => {
    const cols = [Float64Array.of(3, 5, 2, 7), Float64Array.of(10, 20, 15, 25)];
    const crit = [{ type: 'benefit' as const }, { type: 'cost' as const }];
    const r = computeEntropyTopsis(cols, crit, { entropy: { epsilon: 0.002 } });
    expect(r.topsis.weights).toEqual(computeEntropyWeights(cols, crit, { epsilon: 0.002 }).weights);
    expect(r.ewm.epsilon).toBe(0.002);
    const onEwm = computeEntropyTopsis(cols, crit, { topsisInput: 'ewmMatrix' });
    expect(onEwm.topsis.closeness.length).toBe(4);
  });
});

describe('computeEntropyWeights', () => {
  it('gives a constant column weight 0 with a warning, and refuses when every column is constant', () => {
    const r = computeEntropyWeights([Float64Array.of(1, 2, 3), Float64Array.of(4, 4, 4)], undefined, { names: ['a', 'b'] });
    expect(r.weights).toEqual([1, 0]);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'ZERO_VARIANCE_COLUMN', column: 'b' })]);
    expect(() => computeEntropyWeights([Float64Array.of(4, 4, 4)], undefined)).toThrow(expect.objectContaining({ code: 'DEGENERATE' }));
  });
  it("refuses a negative value in 'sum' mode naming row and column", () => {
    expect(() => computeEntropyWeights([Float64Array.of(1, 2), Float64Array.of(3, -1)], undefined, { normalization: 'sum', names: ['a', 'b'] })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', row: 1, column: 'b' }),
    );
  });
});
