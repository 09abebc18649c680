import { describe, expect, it } from 'vitest';
import { msUntilNextRun } from './schedule-daily-sweep.js';

describe('msUntilNextRun', () => {
  it('waits until 02:00 China time the same night', () => {
    // 2025-06-01 01:00 CST = 2025-05-31T17:00Z → one hour
    expect(msUntilNextRun(new Date('2025-05-31T17:00:00Z'), 2)).toBe(3_600_000);
  });
  it('waits until the next day once the hour has passed', () => {
    // 02:00 CST exactly → next day
    expect(msUntilNextRun(new Date('2025-05-31T18:00:00Z'), 2)).toBe(86_400_000);
  });
});
