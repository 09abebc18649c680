import { describe, expect, it } from 'vitest';
import { valueOn } from './dated-value.js';
import { defaultMonitoringThresholdFen } from '../index.js';

describe('valueOn', () => {
  const values = { '52': { '2021-01-01': 6000, '2022-01-01': 6600 }, '000000': { '2021-01-01': 6000 } };
  it('takes the latest value in force on the date', () => {
    expect(valueOn(values, '52', '2021-12-31')).toBe(6000);
    expect(valueOn(values, '52', '2022-01-01')).toBe(6600);
  });
  it('falls back to the national default for a province without its own series', () => {
    expect(valueOn(values, '53', '2023-05-01')).toBe(6000);
  });
  it('has no value before the first effective date', () => {
    expect(valueOn(values, '52', '2020-12-31')).toBeNull();
  });
});

describe('defaultMonitoringThresholdFen', () => {
  it('gives Guizhou 2021 the national 6000 yuan in fen', () => {
    expect(defaultMonitoringThresholdFen('52', '2021-06-30')).toBe(600_000);
  });
});
