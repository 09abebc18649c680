import { describe, expect, it } from 'vitest';
import { resolveLayered } from './resolve.js';

describe('resolveLayered', () => {
  const defaults = { '000000': { '2021-01-01': 6000 }, '52': { '2021-01-01': 6000, '2024-01-01': 7600 } };
  const overrides = [
    { scopeCode: '52', effectiveFrom: '2023-01-01', value: 7000, docNo: '黔乡振发〔2023〕1号', docTitle: '省通知' },
    { scopeCode: '520527', effectiveFrom: '2024-03-01', value: 7800, docNo: '赫乡振〔2024〕5号', docTitle: '县通知' },
  ];
  it('answers from the shipped defaults before any override is in force', () => {
    expect(resolveLayered(defaults, overrides, '520527101201', '2022-06-01')).toMatchObject({ value: 6000, layer: 'default', effectiveFrom: '2021-01-01' });
  });
  it('prefers a province override in force to the defaults', () => {
    expect(resolveLayered(defaults, overrides, '520527', '2024-02-01')).toMatchObject({ value: 7000, layer: 'province', docNo: '黔乡振发〔2023〕1号' });
  });
  it('prefers the county override from its effective date', () => {
    expect(resolveLayered(defaults, overrides, '520527101201', '2024-03-01')).toMatchObject({ value: 7800, layer: 'county' });
    expect(resolveLayered(defaults, overrides, '520527101201', '2024-02-29')).toMatchObject({ value: 7000, layer: 'province' });
  });
  it('does not apply one county override to another county', () => {
    expect(resolveLayered(defaults, overrides, '520526', '2025-01-01')).toMatchObject({ value: 7000, layer: 'province' });
  });
  it('uses the national series for a province without its own', () => {
    expect(resolveLayered(defaults, [], '53', '2025-01-01')).toMatchObject({ value: 6000, layer: 'default' });
    expect(resolveLayered(defaults, [], '53', '2020-01-01')).toBeNull();
  });
});
