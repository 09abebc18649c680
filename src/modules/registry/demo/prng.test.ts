import { describe, expect, it } from 'vitest';
import { createRng } from './prng.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and stream, and differs across streams', () => {
    const a = Array.from({ length: 5 }, createRng(42, 'x').next);
    expect(Array.from({ length: 5 }, createRng(42, 'x').next)).toEqual(a);
    expect(Array.from({ length: 5 }, createRng(42, 'y').next)).not.toEqual(a);
  });

  it('draws uniform numbers and weighted choices with the right frequencies', () => {
    const rng = createRng(1);
    let sum = 0;
    const counts = [0, 0, 0];
    for (let i = 0; i < 100_000; i++) {
      sum += rng.next();
      counts[rng.weighted([1, 2, 7])]++;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    expect(counts.map((c) => c / 100_000)).toEqual([expect.closeTo(0.1, 2), expect.closeTo(0.2, 2), expect.closeTo(0.7, 2)]);
  });

  it('has lognormal draws with mean 1', () => {
    const rng = createRng(2);
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum += rng.lognormalMean1(0.5);
    expect(sum / 200_000).toBeCloseTo(1, 1);
  });
});
