import { describe, expect, it } from 'vitest';
import { computeTopsis, rankDescending } from './topsis.js';
import { forwardTransform } from './criteria.js';
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

  it('matches a column-by-column computation with a number of criteria that is not a multiple of four', () => {
    const m = 9000;
    const cols = Array.from({ length: 7 }, (_, j) => Float64Array.from({ length: m }, (_, i) => 1 + (((i + 1) * (7919 + 104729 * j)) % 10007) / 100));
    const crit = [{ type: 'benefit' }, { type: 'cost' }, { type: 'middle', best: 50 }, { type: 'benefit' }, { type: 'cost' }, { type: 'benefit' }, { type: 'interval', lower: 20, upper: 30 }] as const;
    const w = [1, 2, 3, 1, 2, 3, 1];
    for (const normalization of ['vector', 'minmax'] as const) {
      const r = computeTopsis(cols, crit, { weights: w, normalization });
      const wsum = w.reduce((a, b) => a + b, 0);
      const dp = new Float64Array(m);
      const dm = new Float64Array(m);
      cols.forEach((raw, j) => {
        const c = crit[j];
        const x = c.type === 'middle' || c.type === 'interval' ? forwardTransform(raw, m, c) : raw;
        const benefit = c.type !== 'cost';
        let lo = Infinity;
        let hi = -Infinity;
        let sq = 0;
        for (const v of x) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
          sq += v * v;
        }
        const r01 = (v: number) => (normalization === 'vector' ? v / Math.sqrt(sq) : benefit ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo));
        const vs = Array.from(x, (v) => (w[j] / wsum) * r01(v));
        const top = vs.reduce((a, b) => Math.max(a, b));
        const bottom = vs.reduce((a, b) => Math.min(a, b));
        const isBenefit = normalization === 'minmax' || benefit;
        vs.forEach((v, i) => {
          dp[i] += (v - (isBenefit ? top : bottom)) ** 2;
          dm[i] += (v - (isBenefit ? bottom : top)) ** 2;
        });
      });
      for (let i = 0; i < m; i += 97) {
        expect(r.dPlus[i]).toBeCloseTo(Math.sqrt(dp[i]), 13);
        expect(r.dMinus[i]).toBeCloseTo(Math.sqrt(dm[i]), 13);
        expect(r.closeness[i]).toBeCloseTo(Math.sqrt(dm[i]) / (Math.sqrt(dp[i]) + Math.sqrt(dm[i])), 12);
      }
    }
  });

  it('reports the first missing cell in row order across columns on the Float64Array path', () => {
    const cols = Array.from({ length: 3 }, () => Float64Array.from({ length: 5000 }, (_, i) => 1 + (i % 13)));
    cols[2][2049] = NaN;
    cols[0][2050] = Infinity;
    cols[1][4999] = -Infinity;
    expect(() => computeTopsis(cols, undefined, { names: ['a', 'b', 'c'] })).toThrow(expect.objectContaining({ code: 'MISSING_VALUE', row: 2049, column: 'c' }));
  });

  it('refuses fewer than 2 alternatives and an interval with lower above upper', () => {
    expect(() => computeTopsis([Float64Array.of(1)], undefined)).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    expect(() => computeTopsis([Float64Array.of(1, 2)], [{ type: 'interval', lower: 3, upper: 1 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });
});

describe('rankDescending', () => {
  /** Reference: runs over a comparison sort, each joining values within TOL of its first value. */
  function referenceRanks(s: Float64Array, ties: 'min' | 'average' | 'dense' | 'ordinal'): number[] {
    const order = Array.from(s, (_, i) => i).sort((a, b) => s[b] - s[a] || a - b);
    const rank = new Array<number>(s.length);
    let pos = 0;
    let run = 0;
    while (pos < order.length) {
      let end = pos + 1;
      while (end < order.length && s[order[pos]] - s[order[end]] <= 1e-9) end++;
      run++;
      const members = order.slice(pos, end).sort((a, b) => a - b);
      members.forEach((i, k) => {
        rank[i] = ties === 'min' ? pos + 1 : ties === 'dense' ? run : ties === 'average' ? (pos + 1 + end) / 2 : pos + 1 + k;
      });
      pos = end;
    }
    return rank;
  }

  it('follows the reference for every ties rule on a large input with exact ties and ties within TOL', () => {
    const m = 6000;
    const s = Float64Array.from({ length: m }, (_, i) => ((i * 7919) % 1500) / 1500 + (i % 3) * 4e-10);
    for (const ties of ['min', 'average', 'dense', 'ordinal'] as const) {
      expect(Array.from(rankDescending(s, ties))).toEqual(referenceRanks(s, ties));
    }
  });

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
