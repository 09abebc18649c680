import { describe, expect, it } from 'vitest';
import { sortOrderNonNegative } from './columns.js';

/** Stable ascending order by a comparison sort, -0 equal to 0. */
function referenceOrder(x: Float64Array): number[] {
  return Array.from(x, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
}

describe('sortOrderNonNegative', () => {
  const n = 20_000;
  const cases: Record<string, (i: number) => number> = {
    'spread values': (i) => ((i * 7919) % 10007) / 10007,
    'few distinct values (large equal runs)': (i) => (i * 31) % 7,
    'a narrow cluster (one bucket holds almost every row)': (i) => 0.5 + ((i * 7919) % 10007) * 1e-15,
    'zeros, -0 and subnormals': (i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : ((i * 13) % 101) * 1e-310),
    'twelve orders of magnitude': (i) => 10 ** (((i * 7919) % 10007) / 834 - 6),
  };
  for (const [name, gen] of Object.entries(cases)) {
    it(`orders ${name} like a stable comparison sort`, () => {
      const x = Float64Array.from({ length: n }, (_, i) => gen(i));
      expect(Array.from(sortOrderNonNegative(x))).toEqual(referenceOrder(x));
    });
  }

  it('sorts the first n values of a longer array only', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => (i * 17) % 1000);
    const order = sortOrderNonNegative(x, 600);
    expect(Array.from(order)).toEqual(referenceOrder(x.subarray(0, 600)));
  });
});
